package dev.architect.bench.eventstore;

import dev.architect.eventstore.Durability;
import dev.architect.eventstore.EventData;
import dev.architect.eventstore.EventMetadata;
import dev.architect.eventstore.RecordedEvent;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite baseline: an event table of the same shape as the store's (global position as the row id,
 * stream and version unique, event id unique, a category index), written with plain JDBC, one
 * transaction per append: {@code BEGIN IMMEDIATE}, {@code SELECT MAX(version)} of the stream, the
 * expected-version check, {@code INSERT} (a JDBC batch for several events), {@code COMMIT}.
 *
 * <p>It is given its best shot: one connection, all statements prepared once, and a lock in front of it
 * so that concurrent writers queue in the JVM instead of meeting {@code SQLITE_BUSY} and SQLite's busy
 * handler, which sleeps (1, 2, 5, 10 ms, ...) between retries. Same WAL mode and synchronous setting as
 * the store. Thread-safe.
 */
final class SqliteJdbc implements AutoCloseable {
  private final Connection writer;
  private final Connection reader;
  private final ReentrantLock lock = new ReentrantLock();
  private final PreparedStatement begin;
  private final PreparedStatement commit;
  private final PreparedStatement rollback;
  private final PreparedStatement maxVersion;
  private final PreparedStatement insert;
  private final PreparedStatement readAll;

  SqliteJdbc(Path file, Durability durability) throws SQLException {
    this(file, durability, 4096);
  }

  /** As the store does: a new file takes {@code pageSize} before it switches to WAL. */
  SqliteJdbc(Path file, Durability durability, int pageSize) throws SQLException {
    String url = "jdbc:sqlite:" + file;
    try (Connection c = new SQLiteConfig().createConnection(url); Statement st = c.createStatement()) {
      st.execute("PRAGMA page_size = " + pageSize);
      st.execute("PRAGMA journal_mode = WAL");
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(durability == Durability.FULL
        ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(10_000);
    writer = config.createConnection(url);
    try (Statement st = writer.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS events ("
          + " position INTEGER PRIMARY KEY,"
          + " stream TEXT NOT NULL,"
          + " version INTEGER NOT NULL,"
          + " event_id BLOB NOT NULL UNIQUE,"
          + " category TEXT NOT NULL,"
          + " type TEXT NOT NULL,"
          + " data BLOB NOT NULL,"
          + " correlation_id TEXT,"
          + " causation_id TEXT,"
          + " headers TEXT,"
          + " created_us INTEGER NOT NULL,"
          + " UNIQUE (stream, version))");
      st.execute("CREATE INDEX IF NOT EXISTS events_category ON events (category, position)");
    }
    begin = writer.prepareStatement("BEGIN IMMEDIATE");
    commit = writer.prepareStatement("COMMIT");
    rollback = writer.prepareStatement("ROLLBACK");
    maxVersion = writer.prepareStatement("SELECT COALESCE(MAX(version), -1) FROM events WHERE stream = ?");
    insert = writer.prepareStatement("INSERT INTO events(stream, version, event_id, category, type, data,"
        + " correlation_id, causation_id, headers, created_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLiteConfig readConfig = new SQLiteConfig();
    readConfig.setReadOnly(true);
    readConfig.setBusyTimeout(10_000);
    reader = readConfig.createConnection(url);
    readAll = reader.prepareStatement("SELECT position, stream, version, event_id, type, data,"
        + " correlation_id, causation_id, headers, created_us FROM events"
        + " WHERE position >= ? ORDER BY position LIMIT ?");
  }

  /**
   * Appends {@code events} to {@code stream} if its last version is {@code expected} (-1: no stream) and
   * returns the new last version.
   */
  long append(String stream, long expected, List<EventData> events) {
    long now = micros(Instant.now());
    String category = category(stream);
    lock.lock();
    try {
      begin.execute();
      try {
        long current;
        maxVersion.setString(1, stream);
        try (ResultSet rs = maxVersion.executeQuery()) {
          rs.next();
          current = rs.getLong(1);
        }
        if (current != expected) {
          throw new IllegalStateException("wrong expected version for stream '" + stream + "': expected "
              + expected + ", actual " + current);
        }
        for (int i = 0; i < events.size(); i++) {
          EventData e = events.get(i);
          insert.setString(1, stream);
          insert.setLong(2, current + 1 + i);
          insert.setBytes(3, bytes(e.id()));
          insert.setString(4, category);
          insert.setString(5, e.type());
          insert.setBytes(6, e.data());
          insert.setNull(7, Types.VARCHAR);
          insert.setNull(8, Types.VARCHAR);
          insert.setNull(9, Types.VARCHAR);
          insert.setLong(10, now);
          if (events.size() == 1) {
            insert.executeUpdate();
          } else {
            insert.addBatch();
          }
        }
        if (events.size() > 1) {
          insert.executeBatch();
        }
        commit.execute();
        return current + events.size();
      } catch (SQLException | RuntimeException e) {
        rollback.execute();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("baseline append failed: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes {@link Fixtures#PREFILL} events in one transaction, in the order of {@link Fixtures#prefill}:
   * a block of events to each of the streams {@code account-0 ...} in turn.
   */
  void prefill() {
    long now = micros(Instant.now());
    try {
      begin.execute();
      for (int round = 0; round < Fixtures.PREFILL_ROUNDS; round++) {
        for (int s = 0; s < Fixtures.PREFILL_STREAMS; s++) {
          for (int k = 0; k < Fixtures.PREFILL_BLOCK; k++) {
            insert.setString(1, "account-" + s);
            insert.setLong(2, (long) round * Fixtures.PREFILL_BLOCK + k);
            insert.setBytes(3, bytes(Fixtures.event().id()));
            insert.setString(4, "account");
            insert.setString(5, Fixtures.TYPE);
            insert.setBytes(6, Fixtures.DATA);
            insert.setNull(7, Types.VARCHAR);
            insert.setNull(8, Types.VARCHAR);
            insert.setNull(9, Types.VARCHAR);
            insert.setLong(10, now);
            insert.addBatch();
          }
        }
        insert.executeBatch();
      }
      commit.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("baseline prefill failed: " + e.getMessage(), e);
    }
  }

  /** Events from {@code from} in position order, as {@link RecordedEvent}s, like the store's readAll. */
  List<RecordedEvent> readAll(long from, int limit) {
    try {
      readAll.setLong(1, from);
      readAll.setInt(2, limit);
      List<RecordedEvent> out = new ArrayList<>(limit);
      try (ResultSet rs = readAll.executeQuery()) {
        while (rs.next()) {
          String correlation = rs.getString(7);
          String causation = rs.getString(8);
          String headers = rs.getString(9);
          EventMetadata metadata = correlation == null && causation == null && headers == null
              ? EventMetadata.EMPTY : new EventMetadata(correlation, causation, java.util.Map.of());
          long micros = rs.getLong(10);
          out.add(new RecordedEvent(rs.getString(2), rs.getLong(3), rs.getLong(1), uuid(rs.getBytes(4)),
              rs.getString(5), rs.getBytes(6), metadata,
              Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1_000)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("baseline read failed: " + e.getMessage(), e);
    }
  }

  /** The last version of {@code stream}, -1 if it has no events. */
  long version(String stream) {
    try (PreparedStatement ps = reader.prepareStatement(
        "SELECT COALESCE(MAX(version), -1) FROM events WHERE stream = ?")) {
      ps.setString(1, stream);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("baseline read failed: " + e.getMessage(), e);
    }
  }

  static String category(String stream) {
    int dash = stream.indexOf('-');
    return dash < 0 ? stream : stream.substring(0, dash);
  }

  static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
  }

  static byte[] bytes(UUID id) {
    return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
        .putLong(id.getLeastSignificantBits()).array();
  }

  static UUID uuid(byte[] b) {
    ByteBuffer buf = ByteBuffer.wrap(b);
    return new UUID(buf.getLong(), buf.getLong());
  }

  @Override
  public void close() throws SQLException {
    try (writer; reader) {
      for (PreparedStatement ps : List.of(begin, commit, rollback, maxVersion, insert, readAll)) {
        ps.close();
      }
    }
  }
}
