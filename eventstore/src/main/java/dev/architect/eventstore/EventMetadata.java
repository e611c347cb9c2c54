package dev.architect.eventstore;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The metadata stored with an event: the correlation id (the conversation it belongs to), the
 * causation id (what directly caused it), and free-form headers.
 *
 * <p>Ids may be null (unknown). Headers are copied into an immutable sorted map, so two metadata
 * values with the same content are {@link #equals equal}. Immutable and thread-safe.
 *
 * @param correlationId the id shared by every event of one conversation, or null
 * @param causationId the id of the message or event that caused this one, or null
 * @param headers extra string headers (never null; empty by default)
 */
public record EventMetadata(String correlationId, String causationId, Map<String, String> headers) {
  /** No correlation, no causation, no headers. */
  public static final EventMetadata EMPTY = new EventMetadata(null, null, Map.of());

  /**
   * Checks and copies the headers.
   *
   * @throws NullPointerException if {@code headers} or one of its keys or values is null
   */
  public EventMetadata {
    Objects.requireNonNull(headers, "headers");
    headers.forEach((k, v) -> {
      Objects.requireNonNull(k, "header name");
      Objects.requireNonNull(v, () -> "value of header '" + k + "'");
    });
    headers = java.util.Collections.unmodifiableMap(new TreeMap<>(headers));
  }

  /** This metadata with another correlation id. */
  public EventMetadata withCorrelationId(String id) {
    return new EventMetadata(id, causationId, headers);
  }

  /** This metadata with another causation id. */
  public EventMetadata withCausationId(String id) {
    return new EventMetadata(correlationId, id, headers);
  }

  /** This metadata with one more header (replacing one of the same name). */
  public EventMetadata withHeader(String name, String value) {
    var copy = new TreeMap<>(headers);
    copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new EventMetadata(correlationId, causationId, copy);
  }
}
