package dev.architect.fiber;

/**
 * A fiber was used in a way its state does not allow (PHP's {@code FiberError}): started twice, resumed
 * when not suspended, suspended outside a fiber, asked for a return value it does not have.
 */
public class FiberException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public FiberException(String message) {
    super(message);
  }
}
