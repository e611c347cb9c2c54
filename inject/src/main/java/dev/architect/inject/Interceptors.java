package dev.architect.inject;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/** Which methods of a class are intercepted, by what, and how a call runs through its chain. */
final class Interceptors {
  private Interceptors() {}

  /** One {@code bindInterceptor} call. */
  record Rule(Class<? extends Annotation> annotation, Predicate<? super Class<?>> classes,
      Predicate<? super Method> methods, List<MethodInterceptor> interceptors, String source) {

    static Rule byAnnotation(Class<? extends Annotation> annotation, List<MethodInterceptor> interceptors,
        String source) {
      return new Rule(annotation, null, null, interceptors, source);
    }

    static Rule byPredicates(Predicate<? super Class<?>> classes, Predicate<? super Method> methods,
        List<MethodInterceptor> interceptors, String source) {
      return new Rule(null, classes, methods, interceptors, source);
    }

    /** Whether the annotation is on the method itself: then a method that cannot be proxied is an error. */
    boolean namesExactly(Method m) {
      return annotation != null && m.isAnnotationPresent(annotation);
    }

    boolean matches(Class<?> type, Method m) {
      if (annotation != null) {
        return m.isAnnotationPresent(annotation) || type.isAnnotationPresent(annotation)
            || m.getDeclaringClass().isAnnotationPresent(annotation);
      }
      return classes.test(type) && methods.test(m);
    }
  }

  /** The intercepted methods of one class, each with its interceptors in binding order. */
  record Plan(List<Method> methods, List<MethodInterceptor[]> chains) {
    boolean isEmpty() {
      return methods.isEmpty();
    }
  }

  /**
   * Finds the methods of {@code type} that {@code rules} intercept. Private and static methods are
   * never candidates of a class-wide rule; a method annotated for interception that cannot be
   * overridden, and any final method or final class a rule matches, is a problem.
   */
  static Plan plan(Class<?> type, List<Rule> rules, List<String> problems) {
    if (rules.isEmpty()) {
      return new Plan(List.of(), List.of());
    }
    List<Method> methods = new ArrayList<>();
    List<MethodInterceptor[]> chains = new ArrayList<>();
    for (Method m : candidates(type)) {
      List<MethodInterceptor> chain = new ArrayList<>();
      for (Rule rule : rules) {
        boolean explicit = rule.namesExactly(m);
        int mod = m.getModifiers();
        if ((Modifier.isPrivate(mod) || Modifier.isStatic(mod)) && !explicit) {
          continue;
        }
        if (!rule.matches(type, m)) {
          continue;
        }
        String why = whyNotInterceptable(type, m);
        if (why != null) {
          problems.add("cannot intercept " + Types.shortName(m.getDeclaringClass()) + "." + m.getName() + "(): "
              + why + " (interceptor bound at " + rule.source() + ")");
          continue;
        }
        chain.addAll(rule.interceptors());
      }
      if (!chain.isEmpty()) {
        methods.add(m);
        chains.add(chain.toArray(MethodInterceptor[]::new));
      }
    }
    return new Plan(List.copyOf(methods), List.copyOf(chains));
  }

  private static String whyNotInterceptable(Class<?> type, Method m) {
    int mod = m.getModifiers();
    if (Modifier.isFinal(type.getModifiers())) {
      return "its class " + Types.shortName(type) + " is final";
    }
    if (Modifier.isPrivate(mod)) {
      return "it is private";
    }
    if (Modifier.isStatic(mod)) {
      return "it is static";
    }
    if (Modifier.isFinal(mod)) {
      return "it is final";
    }
    boolean packagePrivate = !Modifier.isPublic(mod) && !Modifier.isProtected(mod);
    if (packagePrivate && !m.getDeclaringClass().getPackageName().equals(type.getPackageName())) {
      return "it is package-private in another package than " + Types.shortName(type);
    }
    return null;
  }

  /** The most specific declaration of each method of {@code type} and its superclasses, except Object's. */
  private static List<Method> candidates(Class<?> type) {
    Map<String, Method> bySignature = new LinkedHashMap<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.isBridge() || m.isSynthetic()) {
          continue;
        }
        String signature = m.getName() + Arrays.toString(m.getParameterTypes());
        if (Modifier.isPrivate(m.getModifiers())) {
          signature = c.getName() + "#" + signature; // private methods are never overridden
        }
        bySignature.putIfAbsent(signature, m);
      }
    }
    return new ArrayList<>(bySignature.values());
  }

  /**
   * The entry point a proxy method calls: {@code apply(proxy, arguments)} runs the chain and then the
   * original method. Shared by the instances one binding creates.
   */
  static final class Handler implements BiFunction<Object, Object[], Object> {
    final Method method;
    final MethodInterceptor[] chain;
    final Class<?> returnType;
    private final Class<?> boxedReturnType;
    final BiFunction<Object, Object[], Object> superCall; // the original method; checked exceptions pass through

    Handler(Method method, MethodInterceptor[] chain, BiFunction<Object, Object[], Object> superCall) {
      this.method = method;
      this.chain = chain;
      this.returnType = method.getReturnType();
      this.boxedReturnType = Types.wrap(returnType);
      this.superCall = superCall;
    }

    @Override
    public Object apply(Object target, Object[] arguments) {
      Object result;
      try {
        result = new Call(this, target, arguments, 0).proceed();
      } catch (Throwable t) {
        throw Invokers.sneaky(t);
      }
      return checkResult(result);
    }

    private Object checkResult(Object result) {
      if (returnType == void.class) {
        return null;
      }
      if (result == null) {
        if (returnType.isPrimitive()) {
          throw new IllegalStateException("an interceptor returned null for " + describe() + ", which returns "
              + returnType.getName());
        }
        return null;
      }
      if (!boxedReturnType.isInstance(result)) {
        throw new ClassCastException("an interceptor returned a " + result.getClass().getName() + " for "
            + describe() + ", which returns " + returnType.getName());
      }
      return result;
    }

    String describe() {
      return Types.shortName(method.getDeclaringClass()) + "." + method.getName() + "()";
    }
  }

  /** One step of one call through the chain. Confined to the calling thread. */
  private record Call(Handler handler, Object target, Object[] args, int index) implements Invocation {
    @Override
    public Method method() {
      return handler.method;
    }

    @Override
    public Object[] arguments() {
      return args.clone();
    }

    @Override
    public Object proceed() throws Throwable {
      if (index < handler.chain.length) {
        return handler.chain[index].invoke(new Call(handler, target, args, index + 1));
      }
      return handler.superCall.apply(target, args);
    }

    @Override
    public Object proceed(Object... arguments) throws Throwable {
      Objects.requireNonNull(arguments, "arguments");
      Class<?>[] types = handler.method.getParameterTypes();
      if (arguments.length != types.length) {
        throw new IllegalArgumentException(handler.describe() + " takes " + types.length + " arguments, was given "
            + arguments.length);
      }
      for (int i = 0; i < types.length; i++) {
        Object a = arguments[i];
        if (a == null ? types[i].isPrimitive() : !Types.wrap(types[i]).isInstance(a)) {
          throw new IllegalArgumentException("argument " + i + " of " + handler.describe() + " must be a "
              + types[i].getName() + ", was " + (a == null ? "null" : a.getClass().getName()));
        }
      }
      return new Call(handler, target, arguments.clone(), index).proceed();
    }
  }
}
