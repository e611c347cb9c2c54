package dev.architect.eventstore;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link AggregateRepository#handle}: the events the command produced and the state
 * after them.
 *
 * @param stream the aggregate's stream
 * @param events the new events (empty if the command decided nothing; then nothing was written)
 * @param state the state after the new events
 * @param version the stream's version after the append (the loaded version if nothing was written)
 * @param attempts how many times the command was decided: 1, plus one per concurrency conflict
 * @param snapshotTaken whether a snapshot of {@code state} was saved after the append
 * @param <S> the state type
 * @param <E> the event type
 */
public record CommandResult<S, E>(String stream, List<E> events, S state, long version, int attempts,
    boolean snapshotTaken) {
  /** Copies the events. */
  public CommandResult {
    Objects.requireNonNull(stream, "stream");
    events = List.copyOf(events);
  }
}
