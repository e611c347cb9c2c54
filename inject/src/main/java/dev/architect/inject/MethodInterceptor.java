package dev.architect.inject;

/**
 * Runs around calls of intercepted methods. It may proceed once, several times (retry), not at all
 * (skip, returning its own result), with other arguments, or change the result or the exception.
 *
 * <pre>{@code
 * MethodInterceptor timing = call -> {
 *   long start = System.nanoTime();
 *   try { return call.proceed(); } finally { log(call.method(), System.nanoTime() - start); }
 * };
 * }</pre>
 *
 * Interceptors are shared by all intercepted instances and called concurrently: they must be thread-safe.
 */
@FunctionalInterface
public interface MethodInterceptor {
  /**
   * Handles one call. The value returned must fit the method's return type (boxed for primitives,
   * ignored for void methods).
   */
  Object invoke(Invocation invocation) throws Throwable;
}
