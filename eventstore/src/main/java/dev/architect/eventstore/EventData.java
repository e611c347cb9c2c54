package dev.architect.eventstore;

import dev.architect.eventstore.internal.Json;
import dev.architect.eventstore.internal.UuidV7;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * An event to append: its id, type name, data bytes and metadata.
 *
 * <p>The id makes appends idempotent: appending an event whose id is already stored, with the same
 * content and expectation, writes nothing. {@link #of} and {@link #json} give a fresh time-ordered
 * UUIDv7. The data array is not copied: do not change it after creating the event. Otherwise
 * immutable and thread-safe; equality compares the data bytes.
 *
 * @param id the event id, unique in the store
 * @param type the event type name (1 to 200 characters)
 * @param data the payload (JSON for events made by {@link #json})
 * @param metadata correlation, causation and headers
 */
public record EventData(UUID id, String type, byte[] data, EventMetadata metadata) {
  /** The longest event type name accepted. */
  public static final int MAX_TYPE_LENGTH = 200;

  /**
   * Checks the fields.
   *
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException if the type is empty or longer than {@value #MAX_TYPE_LENGTH}
   */
  public EventData {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(metadata, "metadata");
    if (type.isEmpty()) {
      throw new IllegalArgumentException("event type must not be empty");
    }
    if (type.length() > MAX_TYPE_LENGTH) {
      throw new IllegalArgumentException("event type must be at most " + MAX_TYPE_LENGTH
          + " characters, was " + type.length() + ": '" + type.substring(0, 20) + "...'");
    }
  }

  /** An event with a fresh UUIDv7 id, no metadata, and these bytes as data. */
  public static EventData of(String type, byte[] data) {
    return new EventData(UuidV7.next(), type, data, EventMetadata.EMPTY);
  }

  /**
   * An event with a fresh UUIDv7 id whose data is the UTF-8 of {@code json}, checked to be one
   * well-formed JSON value.
   *
   * @throws IllegalArgumentException if {@code json} is not well-formed JSON, with the parser's reason
   */
  public static EventData json(String type, String json) {
    Objects.requireNonNull(json, "json");
    String problem = Json.problem(json);
    if (problem != null) {
      throw new IllegalArgumentException(
          "data of event type '" + type + "' is not well-formed JSON: " + problem);
    }
    return of(type, json.getBytes(StandardCharsets.UTF_8));
  }

  /** This event with another id (for example a deterministic one, to make retries idempotent). */
  public EventData withId(UUID newId) {
    return new EventData(newId, type, data, metadata);
  }

  /** This event with other metadata. */
  public EventData withMetadata(EventMetadata newMetadata) {
    return new EventData(id, type, data, newMetadata);
  }

  /**
   * This event marked as caused by {@code cause}: causation = the cause's id, correlation = the
   * cause's correlation id, or its id if it had none.
   */
  public EventData causedBy(RecordedEvent cause) {
    String correlation = cause.metadata().correlationId() != null
        ? cause.metadata().correlationId() : cause.id().toString();
    return withMetadata(metadata.withCorrelationId(correlation).withCausationId(cause.id().toString()));
  }

  /** The data decoded as UTF-8. */
  public String dataAsString() {
    return new String(data, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventData e && id.equals(e.id) && type.equals(e.type)
        && Arrays.equals(data, e.data) && metadata.equals(e.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, type, Arrays.hashCode(data), metadata);
  }

  @Override
  public String toString() {
    return "EventData[id=" + id + ", type=" + type + ", " + data.length + " bytes, " + metadata + "]";
  }
}
