package dev.architect.eventstore;

/**
 * The outcome of appending to one stream.
 *
 * @param stream the stream name
 * @param lastVersion the stream's version after the append (the version of its last event, -1 if the
 *     stream has none)
 * @param lastPosition the global position of the last event of this append, or -1 if it had none
 * @param written false when every event was already stored by an identical earlier append (an
 *     idempotent retry: nothing was written)
 */
public record AppendResult(String stream, long lastVersion, long lastPosition, boolean written) {
  /** The expectation that a following append should use to go after this one. */
  public ExpectedVersion nextExpectedVersion() {
    return lastVersion < 0 ? ExpectedVersion.NO_STREAM : ExpectedVersion.exactly(lastVersion);
  }
}
