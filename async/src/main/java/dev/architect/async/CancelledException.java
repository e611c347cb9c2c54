package dev.architect.async;

/**
 * An operation or a wait was cancelled through a {@link Cancellation}. The {@link #reason()} says
 * why: a {@link java.util.concurrent.TimeoutException} for a {@link TimeoutCancellation}, whatever was
 * given to {@link DeferredCancellation#cancel(Throwable)}, an {@link InterruptedException} when the
 * waiting thread was interrupted, or nothing.
 *
 * <p>One cancellation hands the same instance to all its subscribers and throws it from every
 * {@link Cancellation#throwIfRequested()}, so its stack trace shows where cancellation was requested.
 */
public class CancelledException extends AsyncException {
  private static final long serialVersionUID = 1L;

  /** A cancellation without a reason: the message is {@code the operation was cancelled}. */
  public CancelledException() {
    this(null);
  }

  /**
   * A cancellation for {@code reason}: the message is {@code the operation was cancelled: } followed
   * by the reason ({@code the operation was cancelled} alone when the reason is null).
   */
  public CancelledException(Throwable reason) {
    super(reason == null ? "the operation was cancelled" : "the operation was cancelled: " + reason, reason);
  }

  /** Why the operation was cancelled (the cause), or null when no reason was given. */
  public Throwable reason() {
    return getCause();
  }
}
