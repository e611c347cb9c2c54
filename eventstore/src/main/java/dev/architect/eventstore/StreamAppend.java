package dev.architect.eventstore;

import java.util.List;
import java.util.Objects;

/**
 * One stream's part of an {@link EventStore#appendMulti atomic multi-stream append}: the stream, what
 * it is expected to be, and the events to add (may be empty: then it is only a condition).
 *
 * @param stream the stream name
 * @param expected the expectation checked before writing
 * @param events the events to append, in order (copied)
 */
public record StreamAppend(String stream, ExpectedVersion expected, List<EventData> events) {
  /**
   * Copies the events.
   *
   * @throws NullPointerException if an argument or an event is null
   */
  public StreamAppend {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(expected, "expected");
    events = List.copyOf(Objects.requireNonNull(events, "events"));
  }

  /** A stream append of the given events. */
  public static StreamAppend of(String stream, ExpectedVersion expected, EventData... events) {
    return new StreamAppend(stream, expected, List.of(events));
  }
}
