package dev.architect.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;

/** One token bucket ({@link Gcra}); the bucket's state is this object's own field. */
final class RateLimiterImpl extends Bucket implements RateLimiter {
  static final int PERMITTED = 0;
  static final int REJECTED = 1;

  private final String name;
  private final Gcra gcra;
  final Ticker ticker;
  private final Sleeper sleeper;
  private final Metrics.Counter calls;

  RateLimiterImpl(Builder b, Gcra gcra) {
    super(gcra.full(b.ticker.read()));
    this.name = b.name;
    this.gcra = gcra;
    this.ticker = b.ticker;
    this.sleeper = b.sleeper;
    Metrics metrics = new Metrics(b.openTelemetry, "rate_limiter", name);
    this.calls = metrics.counter("calls", "calls seen by the rate limiter, by outcome", "permitted", "rejected");
    metrics.gauge("available", "tokens in the bucket", m -> m.record(availablePermits(), metrics.name));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean tryAcquire() {
    return tryAcquire(1, ticker.read());
  }

  @Override
  public boolean tryAcquire(int permits) {
    gcra.checkPermits(permits);
    return tryAcquire(permits, ticker.read());
  }

  /** The pipeline's path: one token at {@code now}, no wait. */
  boolean tryAcquire(long permits, long now) {
    boolean taken = gcra.take(this, permits, now, 0) == 0;
    calls.add(taken ? PERMITTED : REJECTED);
    return taken;
  }

  @Override
  public boolean acquire(int permits, Duration timeout) throws InterruptedException {
    gcra.checkPermits(permits);
    long wait = Checks.notNegativeNanos("timeout", timeout);
    return acquire(permits, ticker.read(), wait) >= 0;
  }

  /**
   * Takes {@code permits} tokens due within {@code maxWait} of {@code now}, waiting until they are;
   * returns 0, or minus the wait needed when refused.
   */
  long acquire(long permits, long now, long maxWait) throws InterruptedException {
    long due = gcra.take(this, permits, now, Math.min(maxWait, Long.MAX_VALUE / 4));
    if (due < 0) {
      calls.add(REJECTED);
      return due;
    }
    if (due > 0) {
      try {
        sleeper.sleep(due);
      } catch (InterruptedException e) {
        gcra.refund(this, permits);
        throw e;
      }
    }
    calls.add(PERMITTED);
    return 0;
  }

  RateLimitedException refusal(long due) {
    return new RateLimitedException(name, -due);
  }

  @Override
  public <T> T call(Callable<T> call) throws Exception {
    Objects.requireNonNull(call, "call");
    long due = acquire(1, ticker.read(), gcra.maxWait);
    if (due < 0) {
      throw refusal(due);
    }
    return call.call();
  }

  long maxWait() {
    return gcra.maxWait;
  }

  @Override
  public long availablePermits() {
    return gcra.available(this, ticker.read());
  }

  @Override
  public String toString() {
    return "RateLimiter(" + name + ", " + availablePermits() + " of " + gcra.capacity + " tokens)";
  }
}
