package dev.architect.inject;

import java.lang.reflect.Method;

/** One call of an intercepted method, as an interceptor sees it. Confined to the calling thread. */
public interface Invocation {
  /** The method called, as declared in the intercepted class. */
  Method method();

  /** The object the method was called on (the proxy instance). */
  Object target();

  /** The arguments of this call (a copy: changing it does not change the call). */
  Object[] arguments();

  /** Calls the next interceptor, or the method itself after the last one, with the same arguments. */
  Object proceed() throws Throwable;

  /**
   * Like {@link #proceed()} but with {@code arguments} instead.
   *
   * @throws IllegalArgumentException if the count or a type does not fit the method
   */
  Object proceed(Object... arguments) throws Throwable;
}
