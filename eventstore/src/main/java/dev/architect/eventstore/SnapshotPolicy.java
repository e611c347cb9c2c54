package dev.architect.eventstore;

/**
 * When {@link AggregateRepository} saves a snapshot: asked after each successful append.
 * Implementations must be thread-safe (the ones here are stateless).
 */
@FunctionalInterface
public interface SnapshotPolicy {
  /** Never snapshot. */
  SnapshotPolicy NEVER = (version, sinceSnapshot) -> false;

  /**
   * Whether to save a snapshot of the state at {@code version}.
   *
   * @param version the stream's version after the append
   * @param eventsSinceSnapshot how many events the state holds beyond the snapshot it was loaded from
   *     (all of them, {@code version + 1}, if it was loaded without one)
   */
  boolean shouldSnapshot(long version, long eventsSinceSnapshot);

  /**
   * A snapshot as soon as {@code n} or more events have been added since the last one.
   *
   * @throws IllegalArgumentException if {@code n} is not positive
   */
  static SnapshotPolicy everyEvents(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("snapshot interval must be >= 1 event, was " + n);
    }
    return (version, sinceSnapshot) -> sinceSnapshot >= n;
  }
}
