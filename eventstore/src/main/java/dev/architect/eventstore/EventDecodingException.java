package dev.architect.eventstore;

/**
 * A stored event that {@link EventTypes} cannot turn into its Java type: an unregistered type name,
 * malformed JSON, or JSON that does not fit the record.
 */
public final class EventDecodingException extends EventStoreException {
  private static final long serialVersionUID = 1L;

  private final transient RecordedEvent event;

  /** An exception about {@code event}. */
  public EventDecodingException(RecordedEvent event, String message, Throwable cause) {
    super(message, cause);
    this.event = event;
  }

  /** The event that could not be decoded. */
  public RecordedEvent event() {
    return event;
  }
}
