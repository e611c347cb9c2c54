package dev.architect.eventstore;

/**
 * An aggregate's state as loaded by {@link AggregateRepository}, and how it was computed.
 *
 * @param stream the aggregate's stream
 * @param state the state after the event at {@code version}
 * @param version the version of the last event folded in (-1: no events, the initial state)
 * @param snapshotVersion the version of the snapshot the load started from, or -1 if it replayed from
 *     the first event
 * @param eventsReplayed how many events were read and applied (after the snapshot, if any)
 * @param <S> the state type
 */
public record LoadedAggregate<S>(String stream, S state, long version, long snapshotVersion, int eventsReplayed) {
  /** The expectation an append after this state must use: {@code exactly(version)}, or no-stream. */
  public ExpectedVersion expectedVersion() {
    return version < 0 ? ExpectedVersion.NO_STREAM : ExpectedVersion.exactly(version);
  }
}
