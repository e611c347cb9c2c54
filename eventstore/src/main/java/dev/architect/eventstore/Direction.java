package dev.architect.eventstore;

/** The direction of a stream read. */
public enum Direction {
  /** Increasing versions, starting at the given version. */
  FORWARDS,
  /** Decreasing versions, starting at the given version ({@link EventStore#END} for the last). */
  BACKWARDS
}
