package dev.architect.async;

/**
 * The root of the exceptions this module throws: {@link CancelledException}, {@link CompositeException}
 * and {@link FutureFailedException}. Unchecked, like the rest of the API; catch this to handle any of
 * them.
 */
public class AsyncException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message} and no cause. */
  public AsyncException(String message) {
    super(message);
  }

  /** An exception with {@code message} and {@code cause} (may be null). */
  public AsyncException(String message, Throwable cause) {
    super(message, cause);
  }
}
