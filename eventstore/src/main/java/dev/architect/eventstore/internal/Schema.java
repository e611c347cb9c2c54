package dev.architect.eventstore.internal;

import java.util.List;

/**
 * The tables, the same on both backends but for column types.
 *
 * <p>{@code es_streams} holds one row per stream name ever used: its version when the row was last
 * written (see {@link #CURRENT_VERSION}), the soft-delete horizon {@code deleted_before} (versions
 * continue after a soft delete), the tombstone flag and the retention metadata. {@code es_events}
 * holds events by global position; reads apply the stream row to hide deleted, truncated and expired
 * events ({@link EventPages}), so hiding takes effect with the metadata change and every read
 * ({@code $all} included) agrees.
 *
 * <p>{@code es_events.stream_id} has no foreign key: only the writer inserts events, for a stream row it
 * read or created in the same transaction under the lock that orders writes, and no stream row is ever
 * deleted. On PostgreSQL the key's trigger cost about 20 µs per inserted event (a batch of 64 appends
 * ran 15% faster without it); SQLite, whose foreign keys are off unless a connection enables them, never
 * checked it. Stores created before this change keep their key; it is harmless there.
 */
final class Schema {
  /**
   * The last position and the last stream id, read by each write transaction once it holds the lock
   * that orders writes: new events and streams are numbered from there.
   */
  static final String HEADS = "SELECT (SELECT COALESCE(MAX(position), 0) FROM es_events),"
      + " (SELECT COALESCE(MAX(id), 0) FROM es_streams)";

  /**
   * The current version of the stream row {@code s}. Appends do not update {@code es_streams.version}:
   * only creating the stream, recreating it after a soft delete and deleting it write the row. Its
   * version is therefore a lower bound, and the stream's newest event, found at the end of the
   * {@code (stream_id, version)} index, gives the rest. Rewriting the stream row on every append cost a
   * new row version per stream per batch: skipping it made 8 PostgreSQL writers about 20% faster.
   * Events are never removed, so the newest event's version never goes back.
   */
  static final String CURRENT_VERSION = "COALESCE((SELECT MAX(e.version) FROM es_events e"
      + " WHERE e.stream_id = s.id AND e.version > s.version), s.version)";

  /** The most values one IN list carries; longer lists are split into several statements. */
  static final int MAX_IN = 256;

  private Schema() {}

  /** Power-of-two IN lists (the last value repeated) keep the number of distinct statements small. */
  static int slots(int n) {
    return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
  }

  /** {@code prefix} (ending in {@code "IN ("}) followed by {@link #slots slots(n)} parameters and ")". */
  static String inList(String prefix, int n) {
    int slots = slots(n);
    StringBuilder sql = new StringBuilder(prefix.length() + 3 * slots).append(prefix).append('?');
    for (int i = 1; i < slots; i++) {
      sql.append(",?");
    }
    return sql.append(')').toString();
  }

  static List<String> statements(boolean postgres) {
    String streamId = postgres ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY";
    String position = postgres ? "BIGINT PRIMARY KEY" : "INTEGER PRIMARY KEY";
    String bigint = postgres ? "BIGINT" : "INTEGER";
    String blob = postgres ? "BYTEA" : "BLOB";
    return List.of(
        "CREATE TABLE IF NOT EXISTS es_streams ("
            + " id " + streamId + ","
            + " name TEXT NOT NULL UNIQUE,"
            + " version " + bigint + " NOT NULL,"
            + " deleted_before " + bigint + " NOT NULL DEFAULT 0,"
            + " soft_deleted INTEGER NOT NULL DEFAULT 0,"
            + " tombstoned INTEGER NOT NULL DEFAULT 0,"
            + " max_count " + bigint + ","
            + " max_age_us " + bigint + ","
            + " truncate_before " + bigint + ")",
        "CREATE TABLE IF NOT EXISTS es_events ("
            + " position " + position + ","
            + " stream_id " + bigint + " NOT NULL,"
            + " version " + bigint + " NOT NULL,"
            + " event_id " + blob + " NOT NULL UNIQUE,"
            + " category TEXT NOT NULL,"
            + " type TEXT NOT NULL,"
            + " data " + blob + " NOT NULL,"
            + " correlation_id TEXT,"
            + " causation_id TEXT,"
            + " headers TEXT,"
            + " created_us " + bigint + " NOT NULL,"
            + " UNIQUE (stream_id, version))",
        "CREATE INDEX IF NOT EXISTS es_events_category ON es_events (category, position)");
  }

  /**
   * PostgreSQL only: {@code es_writes} holds one row, the number of write transactions committed. Every
   * write transaction adds one first, and the row lock it takes that way orders the writers (see
   * PostgresBackend); a writer that knows the count after its own last commit can tell, in the
   * statement that writes, whether anyone wrote since.
   */
  static final List<String> POSTGRES_WRITES = List.of(
      "CREATE TABLE IF NOT EXISTS es_writes (id INTEGER PRIMARY KEY CHECK (id = 1), count BIGINT NOT NULL)",
      "INSERT INTO es_writes VALUES (1, 0) ON CONFLICT DO NOTHING");
}
