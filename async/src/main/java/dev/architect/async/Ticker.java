package dev.architect.async;

import java.time.Duration;
import java.util.Objects;

/**
 * Where delays and timeouts get their time: a monotonic clock and the timers that fire on it.
 * {@link #system()} is the real one: {@link System#nanoTime()} and one shared daemon thread that
 * fires every timer (a delay costs a queue entry, never a thread). {@link ManualTicker} is one whose
 * time moves only when a test says so, for code that must be tested without sleeping: write it
 * against a {@code Ticker} parameter and give it {@code Ticker.system()} in production.
 *
 * <p>Thread-safe. Timers fire in deadline order; two timers with the same deadline fire in the order
 * they were set (on the system ticker, as close to that as its one thread allows).
 */
public abstract sealed class Ticker permits SystemTicker, ManualTicker {
  Ticker() {}

  /** The real ticker: {@link System#nanoTime()} and the shared timer thread. */
  public static Ticker system() {
    return SystemTicker.INSTANCE;
  }

  /** The current time in nanoseconds, monotonic, from an arbitrary origin (like {@link System#nanoTime()}). */
  public abstract long nanoTime();

  /**
   * Internal: runs {@code action} (the module's own, short and non-throwing code) once
   * {@code delayNanos} (positive) have elapsed, unless the returned handle is cancelled first.
   */
  abstract Runnable schedule(long delayNanos, Runnable action);

  /**
   * A future completed with null once {@code delay} has elapsed. It takes one entry in the timer
   * queue and no thread. See {@link #timer(Duration, Cancellation)}.
   *
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public final Future<Void> timer(Duration delay) {
    return timer(delay, NullCancellation.INSTANCE);
  }

  /**
   * A future completed with null once {@code delay} has elapsed, or failed with the
   * {@link CancelledException} of {@code cancellation} if it is requested first; cancelling removes
   * the timer. A zero delay gives a future completed already (unless the cancellation is requested).
   *
   * @throws IllegalArgumentException if {@code delay} is negative
   * @throws NullPointerException if an argument is null
   */
  public final Future<Void> timer(Duration delay, Cancellation cancellation) {
    long nanos = nanos(delay, "delay");
    Objects.requireNonNull(cancellation, "cancellation");
    FutureState<Void> state = new FutureState<>();
    if (nanos == 0) {
      if (cancellation.isRequested()) {
        try {
          cancellation.throwIfRequested();
          // A cancellation of the user's own that says it is requested but does not throw.
          state.fail(new CancelledException());
        } catch (CancelledException cancelled) {
          state.fail(cancelled);
        }
      } else {
        state.complete(null);
      }
      return Future.of(state);
    }
    Future<Void> future = Future.of(state);
    Runnable stopTimer = schedule(nanos, () -> state.complete(null));
    if (!(cancellation instanceof NullCancellation)) {
      String id = cancellation.subscribe((InternalSubscriber) cancelled -> {
        stopTimer.run();
        state.fail(cancelled);
      });
      // Once the timer fires (or is cancelled), the cancellation need not keep the subscription. A
      // cancellation of the user's own is user code: kept off the shared timer thread.
      Runnable release = () -> cancellation.unsubscribe(id);
      state.subscribe(outcome -> UserCode.runOn(cancellation, release));
    }
    return future;
  }

  /**
   * Blocks the current thread for {@code delay}: the counterpart of Amp's {@code delay()}. On a
   * virtual thread this costs no platform thread.
   *
   * @throws IllegalArgumentException if {@code delay} is negative
   * @throws CancelledException if the thread is interrupted (its interrupt status stays set)
   */
  public final void delay(Duration delay) {
    timer(delay).await();
  }

  /**
   * Blocks the current thread for {@code delay}, or until {@code cancellation} is requested.
   *
   * @throws IllegalArgumentException if {@code delay} is negative
   * @throws CancelledException if {@code cancellation} is requested first (then the timer is removed),
   *     or the thread is interrupted (its interrupt status stays set)
   */
  public final void delay(Duration delay, Cancellation cancellation) {
    timer(delay, cancellation).await();
  }

  /**
   * A {@link TimeoutCancellation} on this ticker: requested once {@code timeout} has elapsed, with a
   * {@link java.util.concurrent.TimeoutException} reading {@code the operation timed out after 100 ms}
   * (for 100 ms).
   *
   * @throws IllegalArgumentException if {@code timeout} is negative
   */
  public final TimeoutCancellation timeout(Duration timeout) {
    return new TimeoutCancellation(timeout, null, this);
  }

  /**
   * A {@link TimeoutCancellation} on this ticker whose {@link java.util.concurrent.TimeoutException}
   * reads {@code message}.
   *
   * @throws IllegalArgumentException if {@code timeout} is negative
   * @throws NullPointerException if {@code message} is null
   */
  public final TimeoutCancellation timeout(Duration timeout, String message) {
    return new TimeoutCancellation(timeout, Objects.requireNonNull(message, "message"), this);
  }

  /** {@code duration} in nanoseconds, saturated at {@link Long#MAX_VALUE}; rejects negatives. */
  static long nanos(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + format(duration));
    }
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /** {@code 100 ms}, {@code 2 s}, {@code 1500 us}, {@code 7 ns}, {@code -1 s}: a duration for messages. */
  static String format(Duration duration) {
    long seconds = duration.getSeconds();
    int nanos = duration.getNano();
    if (nanos == 0) {
      return seconds + " s";
    }
    if (seconds > Long.MAX_VALUE / 1_000_000_000L || seconds < Long.MIN_VALUE / 1_000_000_000L) {
      return duration.toString();
    }
    long total = duration.toNanos();
    if (total % 1_000_000 == 0) {
      return total / 1_000_000 + " ms";
    }
    if (total % 1_000 == 0) {
      return total / 1_000 + " us";
    }
    return total + " ns";
  }
}
