package dev.architect.resilience;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Several policies around one call, always in this order, from the outside in:
 *
 * <pre>
 * Fallback → Retry → CircuitBreaker → RateLimiter → Timeout → Bulkhead → the call
 * </pre>
 *
 * <ul>
 *   <li><b>Fallback</b> outermost: it sees the final outcome, after every retry and every refusal.
 *   <li><b>Retry</b> outside the breaker: each attempt is counted by the breaker, and a refusal
 *       ({@link RejectedException#retryAfter()}) becomes the next wait instead of a blind one.
 *   <li><b>CircuitBreaker</b> outside the rate limiter: an open breaker spends no tokens on calls it
 *       refuses; refusals from the policies inside it are {@linkplain CircuitBreaker.Builder#ignoreExceptions
 *       ignored} by default, since the dependency never saw them.
 *   <li><b>RateLimiter</b> outside the timeout: a token is spent per attempt that runs, and waiting for
 *       one is not charged to the call's timeout.
 *   <li><b>Timeout</b> outside the bulkhead: waiting for a slot counts against the time allowed, so
 *       the caller's bound holds even when the bulkhead is saturated.
 *   <li><b>Bulkhead</b> innermost: a slot is held only while the dependency is actually being called.
 * </ul>
 *
 * <pre>{@code
 * Pipeline<Receipt> payments = Pipeline.<Receipt>builder()
 *     .retry(retry).circuitBreaker(breaker).rateLimiter(limiter).bulkhead(bulkhead)
 *     .build();
 * Receipt receipt = payments.call(() -> gateway.charge(order));
 * }</pre>
 *
 * <p>Guarantees: the policies behave exactly as if nested by hand in that order. The clock is read at
 * most once per attempt and the reading shared by the policies that need it (the breaker's slow-call
 * threshold adds one reading at the end of a call). Without a timeout or fallback, a call whose
 * attempt succeeds at once allocates nothing. The policies must share one {@link Ticker}.
 *
 * <p>Thread-safe; the policies may be shared with other pipelines, and then share their state.
 *
 * @param <T> the result type of the calls
 */
public sealed interface Pipeline<T> permits PipelineImpl {
  /** Starts a pipeline; every policy is optional. */
  static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /**
   * Runs {@code call} through the policies.
   *
   * @throws RejectedException if a policy refused the call (and no retry or fallback handled it)
   * @throws TimeoutExceededException if the timeout cut the call short
   * @throws InterruptedException if interrupted while waiting (retry, rate limiter, bulkhead, timeout)
   * @throws Exception what {@code call} threw, unchanged
   */
  T call(Callable<? extends T> call) throws Exception;

  /**
   * Runs {@code call} through the policies within the caller's {@code timeLeft}: the retry starts no
   * wait that would end past it (nor past its own {@code maxDuration}).
   *
   * @throws RejectedException if a policy refused the call (and no retry or fallback handled it)
   * @throws TimeoutExceededException if the timeout cut the call short
   * @throws InterruptedException if interrupted while waiting (retry, rate limiter, bulkhead, timeout)
   * @throws Exception what {@code call} threw, unchanged
   */
  T call(Callable<? extends T> call, java.time.Duration timeLeft) throws Exception;

  /**
   * {@link #call} for code that throws no checked exception. An interruption while waiting is
   * rethrown as an {@link IllegalStateException} with the thread's interrupt flag set again.
   */
  T get(Supplier<? extends T> supplier);

  /** The configuration of a {@link Pipeline}: at most one policy of each kind. Not thread-safe. */
  final class Builder<T> {
    Fallback<T> fallback;
    Retry retry;
    CircuitBreaker circuitBreaker;
    RateLimiter rateLimiter;
    Timeout timeout;
    Bulkhead bulkhead;

    private Builder() {}

    /** The fallback, outermost. */
    public Builder<T> fallback(Fallback<T> fallback) {
      this.fallback = Objects.requireNonNull(fallback, "fallback");
      return this;
    }

    /** The retry, inside the fallback. */
    public Builder<T> retry(Retry retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /** The breaker, inside the retry. */
    public Builder<T> circuitBreaker(CircuitBreaker circuitBreaker) {
      this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker");
      return this;
    }

    /** The rate limiter, inside the breaker. */
    public Builder<T> rateLimiter(RateLimiter rateLimiter) {
      this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
      return this;
    }

    /** The timeout, inside the rate limiter. */
    public Builder<T> timeout(Timeout timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The bulkhead, innermost. */
    public Builder<T> bulkhead(Bulkhead bulkhead) {
      this.bulkhead = Objects.requireNonNull(bulkhead, "bulkhead");
      return this;
    }

    /**
     * The pipeline.
     *
     * @throws IllegalArgumentException if the retry, breaker and rate limiter do not share one ticker
     */
    public Pipeline<T> build() {
      return new PipelineImpl<>(this);
    }
  }
}
