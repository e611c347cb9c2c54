package dev.architect.eventstore.internal;

import dev.architect.eventstore.Durability;
import dev.architect.eventstore.EventStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import org.sqlite.SQLiteConfig;

/**
 * SQLite in WAL mode: one writer connection (used only by the writer thread; {@code BEGIN IMMEDIATE}
 * takes the file's write lock, so positions are assigned in commit order even with several processes),
 * and a small pool of read-only connections, which WAL lets read while the writer writes.
 *
 * <p>At durability NORMAL, WAL checkpoints (copying committed pages from the WAL into the database
 * file, with an fsync) run on a thread of their own, every {@link #CHECKPOINT_INTERVAL_MILLIS} ms after
 * commits, never inside a commit: the writer's connection has SQLite's automatic checkpoint off. In
 * line, every ~1,000th page of commits paid for a whole checkpoint while every caller of the batch
 * waited; 64 concurrent appenders ran about 20% faster without that, batches of 100 30-50%. A
 * passive checkpoint takes no lock the writer needs, so the two overlap. At FULL every commit waits
 * for its own fsync, and a checkpoint's fsync running beside it made commits slower (one appender:
 * about 1,300 appends/s against 2,000–2,800 in line), so FULL keeps SQLite's automatic checkpoint.
 */
final class SqliteBackend implements Backend {
  private static final int BUSY_TIMEOUT_MILLIS = 10_000;
  private static final long CHECKPOINT_INTERVAL_MILLIS = 100;

  private final String jdbcUrl;
  private final Durability durability;
  private final ArrayBlockingQueue<Connection> idleReaders;
  private volatile boolean closed;
  private volatile boolean committedSinceCheckpoint;
  private final Thread checkpointer;

  private SqliteBackend(String jdbcUrl, Durability durability, int poolSize) {
    this.jdbcUrl = jdbcUrl;
    this.durability = durability;
    this.idleReaders = new ArrayBlockingQueue<>(poolSize);
    this.checkpointer = Thread.ofPlatform().daemon().name("eventstore-checkpoint").unstarted(this::checkpoints);
  }

  private void checkpoints() {
    Connection c = null;
    while (!closed) {
      try {
        Thread.sleep(CHECKPOINT_INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        break; // close()
      }
      if (!committedSinceCheckpoint) {
        continue;
      }
      committedSinceCheckpoint = false;
      try {
        if (c == null) {
          c = openConnection();
        }
        try (Statement st = c.createStatement()) {
          st.execute("PRAGMA wal_checkpoint(PASSIVE)");
        }
      } catch (SQLException e) {
        // Busy or broken: the WAL only grows until the next try, which opens a fresh connection.
        closeQuietly(c);
        c = null;
        committedSinceCheckpoint = true;
      }
    }
    if (c != null) {
      closeQuietly(c);
    }
  }

  static boolean accepts(String url) {
    return url.startsWith("sqlite:") || url.startsWith("jdbc:sqlite:");
  }

  static SqliteBackend open(StoreConfig config) {
    String path = config.url().substring(config.url().indexOf("sqlite:") + "sqlite:".length());
    if (path.isEmpty() || path.contains(":memory:") || path.startsWith("file:")) {
      throw new IllegalArgumentException(
          "sqlite store url must name a file (sqlite:PATH), was '" + config.url() + "'");
    }
    try {
      Path parent = Path.of(path).toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new EventStoreException("cannot create the directory of sqlite store '" + path + "': " + e, e);
    }
    SqliteBackend backend = new SqliteBackend("jdbc:sqlite:" + path, config.durability(), config.poolSize());
    try (Connection c = backend.openForSchema(); Statement st = c.createStatement()) {
      // A new file takes the page size before anything else; an existing one keeps its own.
      st.execute("PRAGMA page_size = " + config.pageSize());
      st.execute("PRAGMA journal_mode = WAL");
      for (String ddl : Schema.statements(false)) {
        st.execute(ddl);
      }
    } catch (SQLException e) {
      throw new EventStoreException("cannot open sqlite store '" + path + "': " + e.getMessage(), e);
    }
    if (config.durability() == Durability.NORMAL) {
      backend.checkpointer.start();
    }
    return backend;
  }

  @Override
  public Connection openWriter() throws SQLException {
    Connection c = openConnection();
    try (Statement st = c.createStatement()) {
      if (durability == Durability.NORMAL) {
        st.execute("PRAGMA wal_autocheckpoint = 0"); // see the class comment
      }
    } catch (SQLException e) {
      closeQuietly(c);
      throw e;
    }
    return c;
  }

  /** A connection with no settings applied at open: a page size must precede the switch to WAL. */
  private Connection openForSchema() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    return config.createConnection(jdbcUrl);
  }

  private Connection openConnection() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(durability == Durability.FULL
        ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    return config.createConnection(jdbcUrl);
  }

  @Override
  public Heads begin(GroupCommitWriter.WriteContext tx) throws SQLException {
    tx.prepare("BEGIN IMMEDIATE").execute();
    Heads heads;
    try (ResultSet rs = tx.prepare(Schema.HEADS).executeQuery()) {
      rs.next();
      heads = new Heads(rs.getLong(1), rs.getLong(2), -1);
    }
    tx.buffer.fetch(tx); // in process: a statement costs no round trip
    return heads;
  }

  @Override
  public void commit(GroupCommitWriter.WriteContext tx, long lastPosition) throws SQLException {
    tx.buffer.flush(tx);
    // Nothing to announce: subscribers in this process are signalled by the writer, others poll.
    tx.prepare("COMMIT").execute();
    committedSinceCheckpoint = true;
  }

  @Override
  public void rollback(GroupCommitWriter.WriteContext tx) throws SQLException {
    tx.prepare("ROLLBACK").execute();
  }

  @Override
  public Connection reader() throws SQLException {
    if (closed) {
      throw new IllegalStateException("event store is closed");
    }
    Connection c = idleReaders.poll();
    if (c != null) {
      return c;
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    return config.createConnection(jdbcUrl);
  }

  @Override
  public void release(Connection reader) {
    if (closed || !idleReaders.offer(reader)) {
      closeQuietly(reader);
    }
  }

  @Override
  public boolean listen(Runnable onCommit) {
    return false;
  }

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public void close() {
    closed = true;
    checkpointer.interrupt();
    try {
      checkpointer.join(); // returns at once if it never started (FULL)
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Connection c; (c = idleReaders.poll()) != null; ) {
      closeQuietly(c);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // a read connection holds nothing that needs saving
    }
  }
}
