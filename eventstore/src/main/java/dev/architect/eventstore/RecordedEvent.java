package dev.architect.eventstore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * An event as stored: what was appended plus where and when.
 *
 * <p>Versions are 0-based and gapless within a stream; positions are strictly increasing across the
 * store in commit order (a reader that has seen position p has seen every visible event below p).
 * Immutable apart from the data array, which must not be changed; equality compares the bytes.
 *
 * @param stream the stream name
 * @param version the event's version in its stream (0 for the first)
 * @param position the event's global position (1 for the first event of the store)
 * @param id the event id
 * @param type the event type name
 * @param data the payload
 * @param metadata correlation, causation and headers
 * @param created when the event was appended (microsecond precision, from the store's clock)
 */
public record RecordedEvent(String stream, long version, long position, UUID id, String type,
    byte[] data, EventMetadata metadata, Instant created) {

  /** The stream's category: the part of its name before the first {@code -} (all of it if none). */
  public String category() {
    return EventStore.categoryOf(stream);
  }

  /** The data decoded as UTF-8. */
  public String dataAsString() {
    return new String(data, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordedEvent e && stream.equals(e.stream) && version == e.version
        && position == e.position && id.equals(e.id) && type.equals(e.type)
        && Arrays.equals(data, e.data) && metadata.equals(e.metadata) && created.equals(e.created);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stream, version, position, id);
  }

  @Override
  public String toString() {
    return "RecordedEvent[" + stream + "@" + version + ", position=" + position + ", id=" + id
        + ", type=" + type + ", " + data.length + " bytes, created=" + created + "]";
  }
}
