package dev.architect.eventstore;

import dev.architect.eventstore.internal.AggregatesJdbcSnapshots;
import dev.architect.eventstore.internal.AggregatesStreamSnapshots;
import java.util.List;
import java.util.Objects;

/**
 * Where {@link AggregateRepository} keeps snapshots. Two are built in:
 * <ul>
 *   <li>{@link #inStreams(EventStore)}: in the event store itself, in the stream
 *       {@code snapshot-<stream>} (category {@value #CATEGORY}), keeping the newest
 *       {@value #KEPT} (older ones are hidden by the stream's max count). No set-up, both backends,
 *       but snapshot events are visible in {@code $all}: readers of {@code $all} skip the category.
 *   <li>{@link #jdbc(ConnectionFactory)}: a table {@code architect_snapshots} in a database of the
 *       application's (SQLite or PostgreSQL, possibly the store's own file), one row per stream and
 *       schema version; {@code $all} stays free of them.
 * </ul>
 * Implementations must be thread-safe.
 */
public interface SnapshotStore {
  /** The category of the snapshot streams of {@link #inStreams}. */
  String CATEGORY = "snapshot";

  /** How many snapshots {@link #inStreams} keeps per stream. */
  int KEPT = 3;

  /**
   * Saves {@code snapshot} (a snapshot older than one already saved for the same stream and schema
   * version may be ignored).
   *
   * @throws EventStoreException if it cannot be written
   */
  void save(Snapshot snapshot);

  /**
   * The snapshots kept for {@code stream}, newest (highest version) first; possibly of other schema
   * versions than the caller's.
   *
   * @throws EventStoreException if they cannot be read
   */
  List<Snapshot> newestFirst(String stream);

  /** Snapshots in the streams {@code snapshot-<stream>} of {@code store}. */
  static SnapshotStore inStreams(EventStore store) {
    return new AggregatesStreamSnapshots(Objects.requireNonNull(store, "store"));
  }

  /**
   * Snapshots in the table {@code architect_snapshots} of the database {@code connections} opens,
   * created if it does not exist.
   *
   * @throws EventStoreException if the table cannot be created
   */
  static SnapshotStore jdbc(ConnectionFactory connections) {
    return new AggregatesJdbcSnapshots(Objects.requireNonNull(connections, "connections"));
  }
}
