package dev.architect.bench.eventstore;

import dev.architect.eventstore.EventData;
import dev.architect.eventstore.EventMetadata;
import dev.architect.eventstore.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The PostgreSQL baseline: what Message DB (message-db/message-db, 1.3) does, rebuilt here from its
 * documented design, in a schema of its own ({@code messagedb}).
 *
 * <ul>
 *   <li>One table {@code messages}: {@code global_position bigserial} primary key, the stream
 *       {@code position}, a {@code uuid} id, a time, stream name, type, {@code jsonb} data and metadata;
 *       unique indexes on the id and on (stream name, position), and an index on (category, global
 *       position, correlation category).
 *   <li>A server function {@code write_message(id, stream, type, data, metadata, expected_version)}
 *       that takes {@code pg_advisory_xact_lock} on a 64-bit hash of the stream's category (the first 64
 *       bits of the MD5 of the category, as Message DB's {@code hash_64}), reads the stream's version
 *       as {@code max(position)}, raises an error if an expected version is given and differs, and
 *       inserts the message at the next position.
 *   <li>Clients call it once per message in autocommit: one round trip and one transaction (one
 *       commit, one WAL flush) per message. Writers on streams of one category queue on the category's
 *       lock; writers on different categories run in parallel.
 * </ul>
 *
 * <p>Each writer uses its own {@link Writer} (its own connection), as Message DB's clients do.
 */
final class MessageDb {
  private MessageDb() {}

  /** Creates the schema, the table, its indexes and the functions. */
  static void install(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA messagedb");
      st.execute("CREATE TABLE messagedb.messages ("
          + " global_position BIGSERIAL PRIMARY KEY,"
          + " position BIGINT NOT NULL,"
          + " id UUID NOT NULL,"
          + " time TIMESTAMP WITHOUT TIME ZONE NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),"
          + " stream_name TEXT NOT NULL,"
          + " type TEXT NOT NULL,"
          + " data JSONB,"
          + " metadata JSONB)");
      st.execute("CREATE FUNCTION messagedb.category(stream TEXT) RETURNS TEXT"
          + " LANGUAGE sql IMMUTABLE AS $$ SELECT split_part(stream, '-', 1) $$");
      st.execute("CREATE FUNCTION messagedb.hash_64(value TEXT) RETURNS BIGINT"
          + " LANGUAGE sql IMMUTABLE AS $$ SELECT ('x' || left(md5(value), 16))::bit(64)::bigint $$");
      st.execute("CREATE UNIQUE INDEX messages_id ON messagedb.messages (id)");
      st.execute("CREATE UNIQUE INDEX messages_stream ON messagedb.messages (stream_name, position)");
      st.execute("CREATE INDEX messages_category ON messagedb.messages (messagedb.category(stream_name),"
          + " global_position, messagedb.category(metadata->>'correlationStreamName'))");
      st.execute("""
          CREATE FUNCTION messagedb.write_message(p_id UUID, p_stream TEXT, p_type TEXT, p_data JSONB,
              p_metadata JSONB, p_expected BIGINT) RETURNS BIGINT LANGUAGE plpgsql VOLATILE AS $$
          DECLARE
            current BIGINT;
          BEGIN
            PERFORM pg_advisory_xact_lock(messagedb.hash_64(messagedb.category(p_stream)));
            SELECT coalesce(max(m.position), -1) INTO current
              FROM messagedb.messages m WHERE m.stream_name = p_stream;
            IF p_expected IS NOT NULL AND p_expected <> current THEN
              RAISE EXCEPTION 'wrong expected version % for stream %: actual %', p_expected, p_stream, current;
            END IF;
            INSERT INTO messagedb.messages (id, stream_name, position, type, data, metadata)
              VALUES (p_id, p_stream, current + 1, p_type, p_data, p_metadata);
            RETURN current + 1;
          END
          $$""");
    }
  }

  /**
   * Writes {@link Fixtures#PREFILL} messages in one statement, in the order of {@link Fixtures#prefill}
   * (round by round, a block per stream), for the read benchmark.
   */
  static void prefill(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO messagedb.messages (id, stream_name, position, type, data)"
            + " SELECT gen_random_uuid(), 'account-' || s, r * ? + k, ?, ?::jsonb"
            + " FROM generate_series(0, ? - 1) r, generate_series(0, ? - 1) s, generate_series(0, ? - 1) k"
            + " ORDER BY r, s, k")) {
      ps.setInt(1, Fixtures.PREFILL_BLOCK);
      ps.setString(2, Fixtures.TYPE);
      ps.setString(3, new String(Fixtures.DATA, StandardCharsets.UTF_8));
      ps.setInt(4, Fixtures.PREFILL_ROUNDS);
      ps.setInt(5, Fixtures.PREFILL_STREAMS);
      ps.setInt(6, Fixtures.PREFILL_BLOCK);
      ps.executeUpdate();
    }
    try (Statement st = c.createStatement()) {
      st.execute("ANALYZE messagedb.messages");
    }
  }

  /** The last position of {@code stream}, -1 if it has no messages. */
  static long version(Connection c, String stream) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT coalesce(max(position), -1) FROM messagedb.messages WHERE stream_name = ?")) {
      ps.setString(1, stream);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** One client connection calling {@code write_message}, one message per call. Not thread-safe. */
  static final class Writer implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement write;

    Writer(Connection connection) throws SQLException {
      this.connection = connection;
      this.write = connection.prepareStatement("SELECT messagedb.write_message(?, ?, ?, ?::jsonb, NULL, ?)");
    }

    /** Writes one message if the stream's version is {@code expected}; returns its position. */
    long write(String stream, long expected, EventData event) {
      try {
        write.setObject(1, event.id());
        write.setString(2, stream);
        write.setString(3, event.type());
        write.setString(4, new String(event.data(), StandardCharsets.UTF_8));
        write.setLong(5, expected);
        try (ResultSet rs = write.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      } catch (SQLException e) {
        throw new IllegalStateException("write_message failed: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() throws SQLException {
      try (connection) {
        write.close();
      }
    }
  }

  /** Reads the messages in global order as the store's {@code readAll} does. Not thread-safe. */
  static final class Reader implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement read;

    Reader(Connection connection) throws SQLException {
      this.connection = connection;
      this.read = connection.prepareStatement("SELECT global_position, stream_name, position, id, type,"
          + " data, time FROM messagedb.messages WHERE global_position >= ? ORDER BY global_position LIMIT ?");
    }

    List<RecordedEvent> readAll(long from, int limit) {
      try {
        read.setLong(1, from);
        read.setInt(2, limit);
        List<RecordedEvent> out = new ArrayList<>(limit);
        try (ResultSet rs = read.executeQuery()) {
          while (rs.next()) {
            out.add(new RecordedEvent(rs.getString(2), rs.getLong(3), rs.getLong(1),
                rs.getObject(4, UUID.class), rs.getString(5),
                rs.getString(6).getBytes(StandardCharsets.UTF_8), EventMetadata.EMPTY,
                rs.getTimestamp(7).toInstant()));
          }
        }
        return out;
      } catch (SQLException e) {
        throw new IllegalStateException("messagedb read failed: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() throws SQLException {
      try (connection) {
        read.close();
      }
    }
  }
}
