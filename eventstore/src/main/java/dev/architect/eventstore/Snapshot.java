package dev.architect.eventstore;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * A saved aggregate state: the fold of its stream's events up to {@code version}, as JSON.
 *
 * <p>A snapshot is a cache, never the truth: {@link AggregateRepository} uses it only if its schema
 * version is the one the repository expects and the stream still holds the event {@code eventId} at
 * {@code version} (so a soft-deleted and recreated, or truncated, stream is replayed instead).
 * Immutable apart from the state array, which must not be changed.
 *
 * @param stream the aggregate's stream
 * @param version the version of the last event folded into the state
 * @param eventId the id of that event
 * @param schemaVersion the schema version of the state's JSON (bump it when the state type changes)
 * @param state the state as JSON (UTF-8)
 */
public record Snapshot(String stream, long version, UUID eventId, int schemaVersion, byte[] state) {
  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if the version is negative or the schema version below 1
   */
  public Snapshot {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(state, "state");
    if (version < 0) {
      throw new IllegalArgumentException("snapshot version must be >= 0, was " + version);
    }
    if (schemaVersion < 1) {
      throw new IllegalArgumentException("snapshot schema version must be >= 1, was " + schemaVersion);
    }
  }

  /** The state JSON as text. */
  public String stateAsString() {
    return new String(state, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Snapshot s && stream.equals(s.stream) && version == s.version && eventId.equals(s.eventId)
        && schemaVersion == s.schemaVersion && Arrays.equals(state, s.state);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stream, version, eventId, schemaVersion, Arrays.hashCode(state));
  }

  @Override
  public String toString() {
    return "Snapshot[" + stream + "@" + version + ", schema version " + schemaVersion + ", " + state.length
        + " bytes]";
  }
}
