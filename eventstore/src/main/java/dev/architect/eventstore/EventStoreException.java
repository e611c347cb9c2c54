package dev.architect.eventstore;

/**
 * The root of the event store's own exceptions: a failure of the store (for example the database
 * could not be reached, or a commit failed). Bad arguments are {@link IllegalArgumentException}s.
 */
public class EventStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message. */
  public EventStoreException(String message) {
    super(message);
  }

  /** An exception with a message and its cause. */
  public EventStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
