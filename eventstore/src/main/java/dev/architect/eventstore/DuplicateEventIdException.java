package dev.architect.eventstore;

import java.util.UUID;

/**
 * An append reusing an event id that the store holds for a different event (another stream, version,
 * type, data or metadata), or retrying only part of an earlier append. Nothing was written.
 */
public final class DuplicateEventIdException extends EventStoreException {
  private static final long serialVersionUID = 1L;

  private final UUID eventId;

  /** An exception about {@code eventId}, with the reason in {@code message}. */
  public DuplicateEventIdException(UUID eventId, String message) {
    super(message);
    this.eventId = eventId;
  }

  /** The reused id. */
  public UUID eventId() {
    return eventId;
  }
}
