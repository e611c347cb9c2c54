package dev.architect.resilience;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * What to return instead when a call fails: a cached value, a default, a degraded answer.
 *
 * <pre>{@code
 * Fallback<Price> lastKnown = Fallback.of(failure -> cache.lastPrice(sku));
 * Price price = lastKnown.call(() -> prices.current(sku));
 * }</pre>
 *
 * <p>Handles every {@link Exception} by default (never {@link Error}s); {@link #of(Function, Predicate)}
 * narrows that. A failure not handled, or one thrown by the fallback function itself, reaches the
 * caller. Immutable and thread-safe if the function is.
 *
 * @param <T> the result type
 */
public sealed interface Fallback<T> permits FallbackImpl {
  /** A function from the failure to the result to return instead. */
  @FunctionalInterface
  interface Function<T> {
    /** The result to return instead of {@code failure}; may throw to fail after all. */
    T apply(Throwable failure) throws Exception;
  }

  /** A fallback that handles every {@link Exception} with {@code function}. */
  static <T> Fallback<T> of(Function<? extends T> function) {
    return of(function, t -> t instanceof Exception);
  }

  /** A fallback that handles the failures {@code handles} accepts with {@code function}. */
  static <T> Fallback<T> of(Function<? extends T> function, Predicate<? super Throwable> handles) {
    return new FallbackImpl<>(Objects.requireNonNull(function, "function"), Objects.requireNonNull(handles, "handles"));
  }

  /**
   * Runs {@code call}; if it throws a failure this fallback handles, returns the function's result.
   *
   * @throws Exception a failure not handled, or what the function threw
   */
  T call(Callable<? extends T> call) throws Exception;
}
