package dev.architect.eventstore.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.architect.eventstore.EventStoreException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * PostgreSQL through a HikariCP pool for reads, one dedicated writer connection, and (once a
 * subscription starts) one LISTEN connection.
 *
 * <p>Ordering: every write transaction first adds one to the single row of {@code es_writes}, which
 * locks that row until the transaction ends, and only then reads {@code MAX(position)} and assigns the
 * next positions. PostgreSQL makes a transaction visible (ProcArrayEndTransaction) before it releases
 * its locks, so the next writer, and therefore every higher position, commits strictly after every
 * lower one is visible: no reader can ever see position p while a lower position is still in flight.
 * Positions are also gapless, as a rolled-back transaction's positions are reused by the next writer.
 * The cost: appends to the same schema are serialised, from the lock to the commit; group commit makes
 * each writer carry every append waiting at that moment, so the lock is taken once per batch.
 *
 * <p>The row's value, the number of write transactions committed, also tells a writer whether anyone
 * wrote since its own last commit. When nobody did, the writer already knows the last position and the
 * rows of the streams it wrote, and runs the next batch without reading: one statement adds one to the
 * count only if it still holds the value the writer expects, and writes the batch only if that
 * happened ({@link #commitIfUnchanged}). One round trip per batch instead of two.
 */
final class PostgresBackend implements Backend {
  private final HikariDataSource pool;
  private final String jdbcUrl;
  private final Properties credentials;
  private final long lockKey;
  private final String channel;
  private Thread listener;
  private volatile boolean closed;

  private PostgresBackend(HikariDataSource pool, String jdbcUrl, Properties credentials, String schema) {
    this.pool = pool;
    this.jdbcUrl = jdbcUrl;
    this.credentials = credentials;
    this.lockKey = ("architect-eventstore:" + schema).hashCode() & 0xFFFF_FFFFL | 0x4553_0000_0000L;
    this.channel = "es_events_" + Long.toHexString(lockKey);
  }

  static boolean accepts(String url) {
    return url.startsWith("postgresql://") || url.startsWith("postgres://") || url.startsWith("jdbc:postgresql:");
  }

  static PostgresBackend open(StoreConfig config) {
    Properties credentials = new Properties();
    String jdbcUrl = jdbcUrl(config.url(), credentials);
    if (config.user() != null) {
      credentials.setProperty("user", config.user());
    }
    if (config.password() != null) {
      credentials.setProperty("password", config.password());
    }
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(jdbcUrl);
    hikari.setDataSourceProperties(credentials);
    hikari.setMaximumPoolSize(config.poolSize());
    hikari.setMinimumIdle(1);
    hikari.setPoolName("architect-eventstore");
    hikari.setAutoCommit(true);
    hikari.setInitializationFailTimeout(10_000);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new EventStoreException("cannot connect to postgresql at " + jdbcUrl + ": " + e.getMessage(), e);
    }
    try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
      String schema;
      try (ResultSet rs = st.executeQuery("SELECT current_schema()")) {
        rs.next();
        schema = rs.getString(1);
      }
      if (schema == null) {
        throw new EventStoreException("postgresql has no current schema to create the event store in"
            + " (check search_path / currentSchema in " + jdbcUrl + ")");
      }
      PostgresBackend backend = new PostgresBackend(pool, jdbcUrl, credentials, schema);
      // Concurrent CREATE TABLE IF NOT EXISTS can still collide in PostgreSQL: serialise them.
      st.execute("SELECT pg_advisory_lock(" + backend.lockKey + ")");
      try {
        for (String ddl : Schema.statements(true)) {
          st.execute(ddl);
        }
        for (String ddl : Schema.POSTGRES_WRITES) {
          st.execute(ddl);
        }
      } finally {
        st.execute("SELECT pg_advisory_unlock(" + backend.lockKey + ")");
      }
      return backend;
    } catch (SQLException e) {
      pool.close();
      throw new EventStoreException("cannot open postgresql store at " + jdbcUrl + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** {@code postgresql://user:pw@host:port/db?x=y} to a JDBC url, moving user and password aside. */
  static String jdbcUrl(String url, Properties credentials) {
    if (url.startsWith("jdbc:postgresql:")) {
      return url;
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("postgresql store url is malformed: '" + withoutPassword(url) + "'", e);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("postgresql store url must name a host, was '" + withoutPassword(url) + "'");
    }
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      credentials.setProperty("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
      if (colon >= 0) {
        credentials.setProperty("password", decode(userInfo.substring(colon + 1)));
      }
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return "jdbc:postgresql://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  /** {@code url} with the password of its user info, if any, replaced by {@code ***}: for messages. */
  static String withoutPassword(String url) {
    return url.replaceFirst("(://[^/@:]*:)[^/@]*@", "$1***@");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private Connection direct() throws SQLException {
    return new org.postgresql.Driver().connect(jdbcUrl, credentials);
  }

  @Override
  public Connection openWriter() throws SQLException {
    return direct();
  }

  /**
   * BEGIN, the write count's increment (which takes the row lock that orders writes), the heads query and
   * the lookups of the batch's streams and event ids go out as one compound statement: one round trip.
   * The lock is taken before the heads and rows are read, so no other writer of the schema can be
   * between this transaction's reading and its commit.
   */
  @Override
  public Heads begin(GroupCommitWriter.WriteContext tx) throws SQLException {
    return tx.buffer.beginAndFetch(tx, "BEGIN; UPDATE es_writes SET count = count + 1 RETURNING count");
  }

  /**
   * The batch's rows, the notification (delivered to listeners only when, and if, the transaction
   * commits) and COMMIT go out as one compound statement: one round trip, then the wait for the WAL
   * flush.
   */
  @Override
  public void commit(GroupCommitWriter.WriteContext tx, long lastPosition) throws SQLException {
    if (lastPosition < 0) {
      tx.buffer.flushAndEnd(tx, "COMMIT");
    } else {
      tx.buffer.flushAndEnd(tx, "SELECT pg_notify(?, ?); COMMIT", channel, Long.toString(lastPosition));
    }
  }

  /**
   * One statement, its own transaction: the write count's increment, conditional on its value, gates
   * every write and the notification. Waiting for the count's row lock orders this transaction after
   * any other writer in flight, which then leaves the count changed and this statement writing nothing.
   */
  @Override
  public boolean commitIfUnchanged(GroupCommitWriter.WriteContext tx, long writes, long lastPosition)
      throws SQLException {
    return lastPosition < 0
        ? tx.buffer.commitIfUnchanged(tx, writes, "SELECT count FROM w")
        : tx.buffer.commitIfUnchanged(tx, writes, "SELECT count, pg_notify(?, ?) FROM w", channel,
            Long.toString(lastPosition));
  }

  @Override
  public void rollback(GroupCommitWriter.WriteContext tx) throws SQLException {
    try (Statement st = tx.connection.createStatement()) {
      st.execute("ROLLBACK");
    }
  }

  @Override
  public Connection reader() throws SQLException {
    return pool.getConnection();
  }

  @Override
  public void release(Connection reader) {
    try {
      reader.close();
    } catch (SQLException ignored) {
      // returning a connection to the pool does not fail in a way the reader could act on
    }
  }

  @Override
  public synchronized boolean listen(Runnable onCommit) {
    if (listener != null && listener.isAlive()) {
      return true;
    }
    listener = Thread.ofPlatform().daemon().name("eventstore-listen").start(() -> listenLoop(onCommit));
    return true;
  }

  private void listenLoop(Runnable onCommit) {
    while (!closed) {
      try (Connection c = direct(); Statement st = c.createStatement()) {
        st.execute("LISTEN " + channel);
        onCommit.run(); // anything committed before LISTEN took effect is found by the next read
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] notes = pg.getNotifications(250);
          if (notes != null && notes.length > 0) {
            onCommit.run();
          }
        }
      } catch (SQLException e) {
        if (closed) {
          return;
        }
        // The connection broke: subscribers keep polling at their interval meanwhile; reconnect.
        try {
          Thread.sleep(500);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public void close() {
    closed = true;
    Thread l;
    synchronized (this) {
      l = listener;
    }
    if (l != null) {
      try {
        l.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    pool.close();
  }
}
