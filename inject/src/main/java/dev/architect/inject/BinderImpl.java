package dev.architect.inject;

import dev.architect.inject.ConfigurationException.Problem;
import dev.architect.inject.Declarations.Declaration;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/** Collects what modules declare; the container turns it into nodes afterwards. */
final class BinderImpl implements Binder {
  private static final Set<String> OWN_FRAMES = Set.of(BinderImpl.class.getName(), Declaration.class.getName(),
      SetBinderImpl.class.getName(), MapBinderImpl.class.getName(), ContainerImpl.class.getName(),
      Container.class.getName());

  final List<Problem> problems = new ArrayList<>();
  final List<Declaration<?>> declarations = new ArrayList<>();
  final Map<Key<?>, SetBinderImpl<?>> sets = new LinkedHashMap<>();
  final Map<Key<?>, MapBinderImpl<?, ?>> maps = new LinkedHashMap<>();
  final Map<Class<? extends Annotation>, Scope> scopes = new LinkedHashMap<>();
  final List<Interceptors.Rule> interceptors = new ArrayList<>();
  final List<Class<?>> staticInjections = new ArrayList<>();
  final List<Object> instanceInjections = new ArrayList<>();
  final List<ProviderMethod> providerMethods = new ArrayList<>();
  final Map<java.lang.Module, MethodHandles.Lookup> grants = new LinkedHashMap<>();
  private final Set<Module> installed = new HashSet<>();
  private boolean open = true;

  /** A {@code @Provides} method of a module instance. */
  record ProviderMethod(Object module, Method method, String source) {}

  void close() {
    open = false;
  }

  private void checkOpen() {
    if (!open) {
      throw new IllegalStateException("the binder can only be used while Module.configure runs");
    }
  }

  static String source() {
    return StackWalker.getInstance().walk(frames -> frames
        .filter(f -> !OWN_FRAMES.contains(f.getClassName()))
        .findFirst()
        .map(f -> simpleClassName(f.getClassName()) + "." + f.getMethodName()
            + (f.getLineNumber() > 0 ? "(" + f.getFileName() + ":" + f.getLineNumber() + ")" : "()"))
        .orElse("unknown source"));
  }

  private static String simpleClassName(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  @Override
  public <T> BindingBuilder<T> bind(Class<T> type) {
    return bind(Key.of(Objects.requireNonNull(type, "type")));
  }

  @Override
  public <T> BindingBuilder<T> bind(Key<T> key) {
    Objects.requireNonNull(key, "key");
    checkOpen();
    Declaration<T> declaration = new Declaration<>(key, source(), false, problems);
    declarations.add(declaration);
    return declaration;
  }

  @Override
  public <T> SetBinder<T> bindSet(Class<T> elementType) {
    return bindSet(Key.of(Objects.requireNonNull(elementType, "elementType")));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> SetBinder<T> bindSet(Key<T> elementKey) {
    Objects.requireNonNull(elementKey, "elementKey");
    checkOpen();
    return (SetBinder<T>) sets.computeIfAbsent(elementKey, k -> new SetBinderImpl<>(elementKey));
  }

  @Override
  public <K, V> MapBinder<K, V> bindMap(Class<K> keyType, Class<V> valueType) {
    return bindMap(keyType, Key.of(Objects.requireNonNull(valueType, "valueType")));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> MapBinder<K, V> bindMap(Class<K> keyType, Key<V> valueKey) {
    Objects.requireNonNull(keyType, "keyType");
    Objects.requireNonNull(valueKey, "valueKey");
    checkOpen();
    Key<?> mapKey = MapBinderImpl.mapKey(keyType, valueKey);
    MapBinderImpl<?, ?> existing = maps.computeIfAbsent(mapKey, k -> new MapBinderImpl<>(keyType, valueKey));
    return (MapBinder<K, V>) existing;
  }

  @Override
  public void bindScope(Class<? extends Annotation> scopeAnnotation, Scope scope) {
    Objects.requireNonNull(scopeAnnotation, "scopeAnnotation");
    Objects.requireNonNull(scope, "scope");
    checkOpen();
    String name = "@" + scopeAnnotation.getSimpleName();
    if (!scopeAnnotation.isAnnotationPresent(jakarta.inject.Scope.class)) {
      problems.add(new Problem(List.of(), name + " is not a scope annotation (it lacks @Scope)"));
    } else if (InjectionPlan.isSingleton(scopeAnnotation)) {
      problems.add(new Problem(List.of(), name + " is built in and cannot be rebound"));
    } else if (scopes.putIfAbsent(scopeAnnotation, scope) != null) {
      problems.add(new Problem(List.of(), name + " is bound to a scope twice (at " + source() + ")"));
    }
  }

  @Override
  public void bindInterceptor(Class<? extends Annotation> methodAnnotation, MethodInterceptor... interceptors) {
    Objects.requireNonNull(methodAnnotation, "methodAnnotation");
    checkOpen();
    this.interceptors.add(Interceptors.Rule.byAnnotation(methodAnnotation, checked(interceptors), source()));
  }

  @Override
  public void bindInterceptor(Predicate<? super Class<?>> classes, Predicate<? super Method> methods,
      MethodInterceptor... interceptors) {
    Objects.requireNonNull(classes, "classes");
    Objects.requireNonNull(methods, "methods");
    checkOpen();
    this.interceptors.add(Interceptors.Rule.byPredicates(classes, methods, checked(interceptors), source()));
  }

  private static List<MethodInterceptor> checked(MethodInterceptor[] interceptors) {
    if (interceptors.length == 0) {
      throw new IllegalArgumentException("interceptors must not be empty");
    }
    return List.of(interceptors); // rejects nulls
  }

  @Override
  public void requestStaticInjection(Class<?>... types) {
    checkOpen();
    for (Class<?> type : types) {
      staticInjections.add(Objects.requireNonNull(type, "type"));
    }
  }

  @Override
  public void requestInjection(Object instance) {
    checkOpen();
    instanceInjections.add(Objects.requireNonNull(instance, "instance"));
  }

  @Override
  public void grantAccess(MethodHandles.Lookup lookup) {
    Objects.requireNonNull(lookup, "lookup");
    checkOpen();
    if (!lookup.hasFullPrivilegeAccess()) {
      throw new IllegalArgumentException("lookup must have full privilege access (pass MethodHandles.lookup()), was "
          + lookup);
    }
    grants.put(lookup.lookupClass().getModule(), lookup);
  }

  @Override
  public void install(Module module) {
    Objects.requireNonNull(module, "module");
    checkOpen();
    // Equal modules are installed once, so two modules may both install a shared one (a module
    // without equals() is equal only to itself, so each instance counts, as with Guice).
    if (!installed.add(module)) {
      return;
    }
    Class<?> type = module.getClass();
    module.configure(this);
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.isAnnotationPresent(Provides.class)) {
          addProviderMethod(module, m);
        }
      }
    }
  }

  private void addProviderMethod(Object module, Method m) {
    String source = simpleClassName(m.getDeclaringClass().getName()) + "." + m.getName() + "()";
    if (Modifier.isAbstract(m.getModifiers()) || m.getReturnType() == void.class) {
      problems.add(new Problem(List.of(), "@Provides method " + source + " must be concrete and return a value"));
    } else if (m.getTypeParameters().length > 0) {
      problems.add(new Problem(List.of(), "@Provides method " + source + " must not be generic"));
    } else {
      providerMethods.add(new ProviderMethod(module, m, source));
    }
  }

  /** The declarations of one {@code Set<T>} multibinding. */
  final class SetBinderImpl<T> implements SetBinder<T> {
    final Key<T> elementKey;
    final List<Declaration<T>> elements = new ArrayList<>();

    SetBinderImpl(Key<T> elementKey) {
      this.elementKey = elementKey;
    }

    @Override
    public BindingBuilder<T> addBinding() {
      checkOpen();
      Declaration<T> element = new Declaration<>(elementKey, source(), true, problems);
      elements.add(element);
      return element;
    }
  }

  /** The declarations of one {@code Map<K, V>} multibinding. */
  final class MapBinderImpl<K, V> implements MapBinder<K, V> {
    final Class<K> keyType;
    final Key<V> valueKey;
    final Map<K, Declaration<V>> entries = new LinkedHashMap<>();

    MapBinderImpl(Class<K> keyType, Key<V> valueKey) {
      this.keyType = keyType;
      this.valueKey = valueKey;
    }

    static Key<?> mapKey(Class<?> keyType, Key<?> valueKey) {
      return Key.withQualifierOf(Types.parameterized(Map.class, keyType, valueKey.type()), valueKey);
    }

    @Override
    public BindingBuilder<V> addBinding(K key) {
      Objects.requireNonNull(key, "key");
      checkOpen();
      if (!keyType.isInstance(key)) {
        throw new IllegalArgumentException("map key must be a " + keyType.getName() + ", was " + key.getClass().getName());
      }
      Declaration<V> entry = new Declaration<>(valueKey, source(), true, problems);
      if (entries.putIfAbsent(key, entry) != null) {
        problems.add(new Problem(List.of(), "Map<" + keyType.getSimpleName() + ", " + valueKey + ">: key \"" + key
            + "\" bound twice (at " + entry.source + ")"));
      }
      return entry;
    }
  }
}
