package dev.architect.async;

/**
 * A future failed with a checked exception (an {@link java.io.IOException} thrown by a task given to
 * {@link Async#async(java.util.concurrent.Callable)}, say): {@code await} throws this, with the
 * original as its cause. Unchecked exceptions and errors are thrown as they are.
 */
public final class FutureFailedException extends AsyncException {
  private static final long serialVersionUID = 1L;

  /** Wraps {@code cause}; the message is {@code the future failed: } and the cause. */
  public FutureFailedException(Throwable cause) {
    super("the future failed: " + cause, cause);
  }
}
