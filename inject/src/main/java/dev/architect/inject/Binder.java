package dev.architect.inject;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.function.Predicate;

/**
 * Collects the bindings of a container while its modules run.
 *
 * <p>Mistakes found here (a key bound twice, a binding left without a target, a scope with no
 * implementation) are not thrown at once: they are collected and reported together, with every other
 * problem, in one {@link ConfigurationException} when the container is built. A binder is only valid
 * during {@link Module#configure}.
 */
public interface Binder {
  /** Starts a binding for {@code type}, unqualified unless {@code annotatedWith} is called. */
  <T> BindingBuilder<T> bind(Class<T> type);

  /** Starts a binding for {@code key}. */
  <T> BindingBuilder<T> bind(Key<T> key);

  /** Contributes to the {@code Set<T>} multibinding of {@code elementType}. */
  <T> SetBinder<T> bindSet(Class<T> elementType);

  /** Contributes to the {@code Set<T>} multibinding of {@code elementKey}'s type, with its qualifier. */
  <T> SetBinder<T> bindSet(Key<T> elementKey);

  /** Contributes to the {@code Map<K, V>} multibinding (also injectable as {@code Map<K, Provider<V>>}). */
  <K, V> MapBinder<K, V> bindMap(Class<K> keyType, Class<V> valueType);

  /** Contributes to the {@code Map<K, V>} multibinding whose value key is {@code valueKey}. */
  <K, V> MapBinder<K, V> bindMap(Class<K> keyType, Key<V> valueKey);

  /** Makes {@code scopeAnnotation} (itself annotated with {@code @Scope}) mean {@code scope}. */
  void bindScope(Class<? extends Annotation> scopeAnnotation, Scope scope);

  /**
   * Intercepts every method annotated with {@code methodAnnotation}, or declared in a class annotated
   * with it, on the objects this container constructs. Methods that cannot be intercepted (final,
   * private, static, or in a final class) are reported when the container is built.
   */
  void bindInterceptor(Class<? extends Annotation> methodAnnotation, MethodInterceptor... interceptors);

  /**
   * Intercepts the methods matching {@code methods} of the classes matching {@code classes}. A matched
   * method that cannot be intercepted is reported when the container is built.
   */
  void bindInterceptor(Predicate<? super Class<?>> classes, Predicate<? super Method> methods,
      MethodInterceptor... interceptors);

  /** Injects the static {@code @Inject} fields and methods of {@code types} when the container is built. */
  void requestStaticInjection(Class<?>... types);

  /** Injects the {@code @Inject} fields and methods of {@code instance} when the container is built. */
  void requestInjection(Object instance);

  /**
   * Gives the container full access to the module of {@code lookup}'s class: pass
   * {@code MethodHandles.lookup()}. Only useful in a named module other than the container's: there,
   * opening a package gives the container package access, so its interception proxies are ordinary
   * classes of that package; with full access they are hidden classes nested in the intercepted
   * class, and private constructors can be intercepted too.
   *
   * @throws IllegalArgumentException if {@code lookup} does not have full privilege access
   */
  void grantAccess(MethodHandles.Lookup lookup);

  /** Runs {@code module} against this binder; a module equal to one already installed is skipped. */
  void install(Module module);
}
