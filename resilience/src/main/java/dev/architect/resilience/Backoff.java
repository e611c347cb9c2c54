package dev.architect.resilience;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before a retry, as a function of the retry's number and the previous delay.
 *
 * <p>The four classic shapes, as compared in AWS's "Exponential Backoff And Jitter" analysis:
 * {@link #fixed}, {@link #exponential}, {@link #exponentialFullJitter} (a uniform draw below the
 * exponential ceiling: spreads the retries of many clients best for the least total work) and
 * {@link #decorrelatedJitter} (each delay drawn between the base and three times the previous one).
 *
 * <p>Implementations must be thread-safe and allocate nothing; the built-in ones are immutable.
 */
@FunctionalInterface
public interface Backoff {
  /**
   * The delay in nanoseconds before retry number {@code retry} (1 before the second attempt, 2 before
   * the third, ...), given the delay before the previous retry ({@code 0} for the first) and a source
   * of randomness for jitter. Must not be negative.
   */
  long delayNanos(int retry, long previousNanos, RandomGenerator random);

  /** Always {@code delay}; zero is allowed (retry at once). */
  static Backoff fixed(Duration delay) {
    long nanos = Checks.notNegativeNanos("delay", delay);
    return (retry, previous, random) -> nanos;
  }

  /**
   * {@code initial × multiplier^(retry-1)}, at most {@code max}.
   *
   * @throws IllegalArgumentException if {@code initial} or {@code max} is not positive, {@code max}
   *     is below {@code initial}, or {@code multiplier} is below 1
   */
  static Backoff exponential(Duration initial, double multiplier, Duration max) {
    Curve ceiling = new Curve("initial", initial, multiplier, max);
    return (retry, previous, random) -> ceiling.at(retry);
  }

  /**
   * A uniform draw in {@code [0, min(max, base × multiplier^(retry-1))]}: AWS's "full jitter".
   *
   * @throws IllegalArgumentException as {@link #exponential}
   */
  static Backoff exponentialFullJitter(Duration base, double multiplier, Duration max) {
    Curve ceiling = new Curve("base", base, multiplier, max);
    return (retry, previous, random) -> {
      long top = ceiling.at(retry);
      return top == Long.MAX_VALUE ? random.nextLong(0, top) : random.nextLong(0, top + 1);
    };
  }

  /**
   * {@code min(max, uniform(base, 3 × previous))}, starting from {@code previous = base}: AWS's
   * "decorrelated jitter".
   *
   * @throws IllegalArgumentException if {@code base} or {@code max} is not positive, or {@code max}
   *     is below {@code base}
   */
  static Backoff decorrelatedJitter(Duration base, Duration max) {
    Curve bounds = new Curve("base", base, 1, max);
    long lo = bounds.initial;
    long hi = bounds.max;
    return (retry, previous, random) -> {
      long prev = Math.max(previous, lo);
      long top = prev > Long.MAX_VALUE / 3 ? Long.MAX_VALUE : prev * 3;
      long draw = top <= lo ? lo : random.nextLong(lo, top);
      return Math.min(hi, draw);
    };
  }
}
