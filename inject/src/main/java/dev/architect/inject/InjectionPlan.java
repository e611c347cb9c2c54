package dev.architect.inject;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What injecting a class takes, read once per class by reflection and cached: its constructor, its
 * fields and methods in JSR-330 order, its lifecycle methods and its scope. Problems (two {@code @Inject}
 * constructors, a final field, ...) are kept as messages, reported when a binding uses the class.
 */
final class InjectionPlan {
  private static final ClassValue<InjectionPlan> INSTANCE_PLANS = new ClassValue<>() {
    @Override
    protected InjectionPlan computeValue(Class<?> type) {
      return new InjectionPlan(type, false);
    }
  };
  private static final ClassValue<InjectionPlan> STATIC_PLANS = new ClassValue<>() {
    @Override
    protected InjectionPlan computeValue(Class<?> type) {
      return new InjectionPlan(type, true);
    }
  };

  /** A field or method to inject, with the keys of its value or parameters. */
  record Step(Member member, List<Key<?>> keys) {
    boolean isField() {
      return member instanceof Field;
    }
  }

  final Class<?> type;
  final Constructor<?> constructor; // null for static plans, or when there is no usable one
  final List<Key<?>> constructorKeys;
  final List<Step> steps;           // top of the hierarchy first; fields before methods in each class
  final List<Method> postConstruct; // top of the hierarchy first
  final List<Method> preDestroy;    // bottom of the hierarchy first
  final Class<? extends Annotation> scope;
  final List<String> constructorProblems = new ArrayList<>(); // matter when the container constructs it
  final List<String> memberProblems = new ArrayList<>();      // matter whenever members are injected

  static InjectionPlan of(Class<?> type) {
    return INSTANCE_PLANS.get(type);
  }

  static InjectionPlan ofStatics(Class<?> type) {
    return STATIC_PLANS.get(type);
  }

  private InjectionPlan(Class<?> type, boolean statics) {
    this.type = type;
    this.scope = statics ? null : findScope(type);
    List<Class<?>> hierarchy = hierarchy(type);
    this.steps = List.copyOf(findSteps(hierarchy, statics));
    this.postConstruct = statics ? List.of() : List.copyOf(findLifecycle(hierarchy, "PostConstruct"));
    List<Method> destroy = statics ? new ArrayList<>() : findLifecycle(hierarchy, "PreDestroy");
    this.preDestroy = List.copyOf(destroy.reversed());
    if (statics) {
      this.constructor = null;
      this.constructorKeys = List.of();
    } else {
      this.constructor = findConstructor(type);
      this.constructorKeys = constructor == null ? List.of() : List.copyOf(keysOf(constructor));
    }
  }

  /** Whether the container may construct this class (it may still have member problems). */
  boolean isConstructible() {
    return constructor != null;
  }

  /** All keys, in the order the factory asks for them: constructor, then steps. */
  List<Key<?>> dependencies() {
    List<Key<?>> keys = new ArrayList<>(constructorKeys);
    steps.forEach(step -> keys.addAll(step.keys()));
    return keys;
  }

  private static List<Class<?>> hierarchy(Class<?> type) {
    List<Class<?>> classes = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      classes.add(c);
    }
    return classes.reversed(); // top first
  }

  private Class<? extends Annotation> findScope(Class<?> type) {
    Class<? extends Annotation> found = null;
    for (Annotation a : type.getAnnotations()) {
      if (a.annotationType().isAnnotationPresent(jakarta.inject.Scope.class)) {
        if (found != null) {
          constructorProblems.add(Types.shortName(type) + " has more than one scope annotation: @" + found.getSimpleName()
              + " and @" + a.annotationType().getSimpleName());
        } else {
          found = a.annotationType();
        }
      }
    }
    return found;
  }

  private Constructor<?> findConstructor(Class<?> type) {
    String name = Types.shortName(type);
    if (type.isInterface()) {
      constructorProblems.add("no binding for " + name + " (an interface; bind it to an implementation)");
      return null;
    }
    if (Modifier.isAbstract(type.getModifiers())) {
      constructorProblems.add("no binding for " + name + " (an abstract class; bind it to an implementation)");
      return null;
    }
    if (type.isPrimitive() || type.isArray() || type.isEnum()) {
      constructorProblems.add("no binding for " + name + " (cannot be constructed; bind it to an instance or a provider)");
      return null;
    }
    if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
      constructorProblems.add(name + " is an inner class: it cannot be constructed (make it static)");
      return null;
    }
    Constructor<?>[] all = type.getDeclaredConstructors();
    Constructor<?> annotated = null;
    for (Constructor<?> c : all) {
      if (c.isAnnotationPresent(Inject.class)) {
        if (annotated != null) {
          constructorProblems.add(name + " has more than one @Inject constructor");
          return null;
        }
        annotated = c;
      }
    }
    if (annotated != null) {
      return annotated;
    }
    if (type.isRecord()) { // a record's canonical constructor, whatever the record's access
      Class<?>[] components = Arrays.stream(type.getRecordComponents()).map(c -> c.getType()).toArray(Class<?>[]::new);
      for (Constructor<?> c : all) {
        if (Arrays.equals(c.getParameterTypes(), components)) {
          return c;
        }
      }
    }
    Constructor<?>[] publics = Arrays.stream(all).filter(c -> Modifier.isPublic(c.getModifiers()))
        .toArray(Constructor<?>[]::new);
    if (publics.length == 1) {
      return publics[0];
    }
    if (publics.length == 0 && all.length == 1 && all[0].getParameterCount() == 0) {
      return all[0]; // the implicit constructor of a non-public class
    }
    constructorProblems.add("no binding for " + name + " (no @Inject constructor, and " + (publics.length == 0
        ? "no public constructor" : publics.length + " public constructors") + " to choose from)");
    return null;
  }

  private List<Step> findSteps(List<Class<?>> hierarchy, boolean statics) {
    List<Step> found = new ArrayList<>();
    for (int level = 0; level < hierarchy.size(); level++) {
      Class<?> c = hierarchy.get(level);
      for (Field f : c.getDeclaredFields()) {
        if (f.isAnnotationPresent(Inject.class) && Modifier.isStatic(f.getModifiers()) == statics) {
          String where = "field " + Types.shortName(c) + "." + f.getName();
          if (Modifier.isFinal(f.getModifiers())) {
            memberProblems.add("cannot inject final " + where);
            continue;
          }
          Key<?> key = keyOf(f.getGenericType(), f.getAnnotations(), where);
          if (key != null) {
            found.add(new Step(f, List.of(key)));
          }
        }
      }
      for (Method m : c.getDeclaredMethods()) {
        if (!m.isAnnotationPresent(Inject.class) || Modifier.isStatic(m.getModifiers()) != statics
            || m.isBridge() || m.isSynthetic()) {
          continue;
        }
        String where = "method " + Types.shortName(c) + "." + m.getName() + "()";
        if (Modifier.isAbstract(m.getModifiers())) {
          memberProblems.add("cannot inject abstract " + where);
          continue;
        }
        if (m.getTypeParameters().length > 0) {
          memberProblems.add("cannot inject generic " + where);
          continue;
        }
        if (!statics && isOverridden(m, hierarchy.subList(level + 1, hierarchy.size()))) {
          continue; // JSR-330: an overridden method is injected only if the override is @Inject itself
        }
        List<Key<?>> keys = keysOf(m);
        if (keys != null) {
          found.add(new Step(m, keys));
        }
      }
    }
    return found;
  }

  private List<Method> findLifecycle(List<Class<?>> hierarchy, String simpleName) {
    List<Method> found = new ArrayList<>();
    for (int level = 0; level < hierarchy.size(); level++) {
      for (Method m : hierarchy.get(level).getDeclaredMethods()) {
        if (!isLifecycle(m, simpleName) || isOverridden(m, hierarchy.subList(level + 1, hierarchy.size()))) {
          continue;
        }
        if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())) {
          memberProblems.add("@" + simpleName + " method " + Types.shortName(m.getDeclaringClass()) + "." + m.getName()
              + "() must be an instance method without parameters");
          continue;
        }
        found.add(m);
      }
    }
    return found;
  }

  // Ours, or jakarta.annotation / javax.annotation ones, which we honour without depending on them.
  private static boolean isLifecycle(Method m, String simpleName) {
    for (Annotation a : m.getDeclaredAnnotations()) {
      String name = a.annotationType().getName();
      if (name.equals("dev.architect.inject." + simpleName) || name.equals("jakarta.annotation." + simpleName)
          || name.equals("javax.annotation." + simpleName)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a class below {@code m}'s declares a method that overrides it (by the JVM's rules). */
  private static boolean isOverridden(Method m, List<Class<?>> below) {
    int modifiers = m.getModifiers();
    if (Modifier.isPrivate(modifiers)) {
      return false;
    }
    boolean packagePrivate = !Modifier.isPublic(modifiers) && !Modifier.isProtected(modifiers);
    for (Class<?> c : below) {
      try {
        Method candidate = c.getDeclaredMethod(m.getName(), m.getParameterTypes());
        if (Modifier.isStatic(candidate.getModifiers()) || Modifier.isPrivate(candidate.getModifiers())) {
          continue;
        }
        if (!packagePrivate || c.getPackage() == m.getDeclaringClass().getPackage()
            && c.getClassLoader() == m.getDeclaringClass().getClassLoader()) {
          return true;
        }
      } catch (NoSuchMethodException notDeclaredHere) {
        // look further down
      }
    }
    return false;
  }

  private List<Key<?>> keysOf(Executable executable) {
    Type[] types = executable.getGenericParameterTypes();
    Annotation[][] annotations = executable.getParameterAnnotations();
    if (types.length != annotations.length) {
      // javac omits synthetic parameters (an enclosing instance) from the generic signature
      types = executable.getParameterTypes();
    }
    List<Key<?>> keys = new ArrayList<>(types.length);
    String owner = Types.shortName(executable.getDeclaringClass());
    String name = executable instanceof Constructor<?> ? "constructor " + owner : "method " + owner + "."
        + executable.getName() + "()";
    boolean ok = true;
    for (int i = 0; i < types.length; i++) {
      Key<?> key = keyOf(types[i], annotations[i], "parameter " + executable.getParameters()[i].getName()
          + " of " + name);
      ok &= key != null;
      keys.add(key);
    }
    return ok ? keys : null;
  }

  private Key<?> keyOf(Type type, Annotation[] annotations, String where) {
    try {
      if (!Types.isFullySpecified(type)) {
        memberProblems.add("cannot inject " + where + ": its type " + type.getTypeName() + " is not fully specified");
        return null;
      }
      return Key.of(type, Qualifiers.find(annotations, where));
    } catch (IllegalArgumentException e) {
      memberProblems.add(e.getMessage());
      return null;
    }
  }

  static boolean isSingleton(Class<? extends Annotation> scope) {
    return scope == Singleton.class || Objects.equals(scope == null ? null : scope.getName(),
        "javax.inject.Singleton");
  }
}
