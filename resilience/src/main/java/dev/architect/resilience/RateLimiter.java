package dev.architect.resilience;

import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * A token bucket: holds at most {@code capacity} tokens, refilled continuously at a fixed rate; each
 * call takes one (or {@code permits}) tokens or is refused.
 *
 * <pre>{@code
 * RateLimiter limiter = RateLimiter.builder("search")
 *     .capacity(20)                                   // bursts of up to 20 calls
 *     .refill(10, Duration.ofSeconds(1))              // then 10 calls per second
 *     .build();
 * if (limiter.tryAcquire()) { ... }                   // or limiter.call(() -> search.run(query))
 * }</pre>
 *
 * <p>Guarantee: over any interval of length t, the permits granted never exceed
 * {@code capacity + rate × t}. It is the generic cell rate algorithm: the state is one long (the time
 * at which the bucket would be full again), changed by one compare-and-set per acquire, so the bucket
 * never needs a background refill. The refill interval is rounded up to whole nanoseconds, so the rate
 * is never exceeded (at most 10^9 tokens per second).
 *
 * <p>Thread-safe and lock-free. A blocking acquire reserves its tokens first, then parks the thread
 * until they are due (a virtual thread unmounts); if it is interrupted the reservation is returned.
 */
public sealed interface RateLimiter permits RateLimiterImpl {
  /** Starts the configuration of a limiter named {@code name}. */
  static Builder builder(String name) {
    return new Builder(name);
  }

  /** The name given to the builder. */
  String name();

  /** Takes one token if one is available now; never waits. */
  boolean tryAcquire();

  /**
   * Takes {@code permits} tokens if they are available now; never waits.
   *
   * @throws IllegalArgumentException if {@code permits} is not positive or exceeds the capacity
   */
  boolean tryAcquire(int permits);

  /**
   * Takes {@code permits} tokens, waiting for them if they will be available within {@code timeout};
   * returns false at once (without waiting) if they will not.
   *
   * @throws InterruptedException if the thread is interrupted while waiting (the tokens are returned)
   * @throws IllegalArgumentException if {@code permits} is not positive or exceeds the capacity, or
   *     {@code timeout} is negative
   */
  boolean acquire(int permits, Duration timeout) throws InterruptedException;

  /**
   * Runs {@code call} once a token is taken, waiting at most the configured {@code maxWait}.
   *
   * @throws RateLimitedException if no token was available in time (with the wait after which one
   *     would be as {@link RejectedException#retryAfter()})
   * @throws InterruptedException if the thread is interrupted while waiting for a token
   * @throws Exception what {@code call} threw, unchanged
   */
  <T> T call(Callable<T> call) throws Exception;

  /** The tokens in the bucket now (a snapshot; negative never). */
  long availablePermits();

  /**
   * The configuration of a {@link RateLimiter} (also used by {@link KeyedRateLimiter}). Required:
   * {@link #capacity} and {@link #refill}. Defaults: no wait in {@link RateLimiter#call}, the system
   * ticker and sleeper, no metrics. Each setter checks its argument at once. Not thread-safe.
   */
  final class Builder {
    final String name;
    long capacity = -1;
    long refillTokens = -1;
    long refillPeriodNanos = -1;
    long maxWaitNanos = 0;
    Ticker ticker = Ticker.system();
    Sleeper sleeper = Sleeper.system();
    OpenTelemetry openTelemetry = OpenTelemetry.noop();

    Builder(String name) {
      this.name = Checks.name(name);
    }

    /** The most tokens the bucket holds: the largest burst; positive. It starts full. */
    public Builder capacity(long tokens) {
      this.capacity = Checks.positive("capacity", tokens);
      return this;
    }

    /** The refill rate: {@code tokens} every {@code period}, added continuously. */
    public Builder refill(long tokens, Duration period) {
      long nanos = Checks.positiveNanos("period", period);
      this.refillTokens = Checks.positive("tokens", tokens);
      if (tokens > nanos) {
        throw new IllegalArgumentException("refill rate must be at most one token per nanosecond, was "
            + tokens + " per " + period);
      }
      this.refillPeriodNanos = nanos;
      return this;
    }

    /** How long {@link RateLimiter#call} waits for a token; zero (the default) never waits. */
    public Builder maxWait(Duration wait) {
      this.maxWaitNanos = Checks.notNegativeNanos("maxWait", wait);
      return this;
    }

    /** The clock; tests pass a fake one. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** How to wait for tokens; tests pass one that advances a fake ticker. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Where metrics go: counter {@code architect.resilience.rate_limiter.calls} (outcome permitted,
     * rejected) and gauge {@code .available} (tokens now). Default: no-op.
     */
    public Builder openTelemetry(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
      return this;
    }

    /** The limiter, full. */
    public RateLimiter build() {
      return new RateLimiterImpl(this, new Gcra(this));
    }

    /**
     * A limiter per key, each with this configuration, keeping at most {@code maxKeys} buckets.
     *
     * @throws IllegalArgumentException if {@code maxKeys} is not positive
     */
    public <K> KeyedRateLimiter<K> buildKeyed(int maxKeys) {
      Checks.positive("maxKeys", maxKeys);
      return new KeyedRateLimiterImpl<>(this, new Gcra(this), maxKeys);
    }
  }
}
