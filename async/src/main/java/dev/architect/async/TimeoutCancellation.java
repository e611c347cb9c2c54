package dev.architect.async;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A cancellation requested once a timeout has elapsed, with a {@link TimeoutException} as the
 * reason: the counterpart of Amp's {@code TimeoutCancellation}.
 *
 * <pre>{@code
 * try (TimeoutCancellation timeout = new TimeoutCancellation(Duration.ofSeconds(2))) {
 *   return fetch(url).await(timeout);          // CancelledException after 2 s
 * }
 * }</pre>
 *
 * <p>The timer runs on a {@link Ticker}: the system one for the public constructors,
 * {@link Ticker#timeout} for another (a {@link ManualTicker} in tests). {@link #close()} removes the
 * timer (Amp does this when the object is destroyed); a timeout that is never closed keeps its queue
 * entry until it fires. A zero timeout is requested at once.
 *
 * <p>Thread-safe.
 */
public final class TimeoutCancellation implements Cancellation, AutoCloseable {
  private final Cancellable source = new Cancellable();
  private final Duration timeout;
  private final Runnable stopTimer;

  /**
   * Requested once {@code timeout} has elapsed on the system ticker; the reason reads
   * {@code the operation timed out after 2 s} (for 2 s).
   *
   * @throws IllegalArgumentException if {@code timeout} is negative
   * @throws NullPointerException if {@code timeout} is null
   */
  public TimeoutCancellation(Duration timeout) {
    this(timeout, null, Ticker.system());
  }

  /**
   * Requested once {@code timeout} has elapsed on the system ticker; the reason reads {@code message}.
   *
   * @throws IllegalArgumentException if {@code timeout} is negative
   * @throws NullPointerException if an argument is null
   */
  public TimeoutCancellation(Duration timeout, String message) {
    this(timeout, Objects.requireNonNull(message, "message"), Ticker.system());
  }

  TimeoutCancellation(Duration timeout, String message, Ticker ticker) {
    long nanos = Ticker.nanos(timeout, "timeout");
    this.timeout = timeout;
    String text = message != null ? message : "the operation timed out after " + Ticker.format(timeout);
    Cancellable target = source; // the timer holds the source, never this object
    if (nanos == 0) {
      target.cancel(new TimeoutException(text));
      stopTimer = () -> {};
    } else {
      stopTimer = ticker.schedule(nanos, () -> target.cancel(new TimeoutException(text)));
    }
  }

  /** The timeout this cancellation was created with. */
  public Duration timeout() {
    return timeout;
  }

  @Override
  public String subscribe(Consumer<? super CancelledException> callback) {
    return source.subscribe(callback);
  }

  @Override
  public void unsubscribe(String id) {
    source.unsubscribe(id);
  }

  @Override
  public boolean isRequested() {
    return source.isRequested();
  }

  @Override
  public void throwIfRequested() {
    source.throwIfRequested();
  }

  /**
   * Removes the timer: if it has not fired yet, this cancellation will never be requested. Idempotent.
   */
  @Override
  public void close() {
    stopTimer.run();
  }

  /** {@code TimeoutCancellation[2 s, not requested]}. */
  @Override
  public String toString() {
    return "TimeoutCancellation[" + Ticker.format(timeout) + ", " + source + "]";
  }
}
