package dev.architect.resilience.distributed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * One connection per operation from the caller's {@link DataSource}, the dialect, and the clock.
 * Holds no lock and no connection between operations, so any number of threads (virtual or not) may
 * share it; pooling is the data source's job.
 */
final class Database {
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  final Dialect dialect;
  /** The name of the lock, limiter or resource, for errors. */
  private final String name;
  /** "lock 'orders'": how errors begin. */
  private final String label;
  private final DataSource dataSource;
  /** Null: the database's own clock (PostgreSQL only). */
  private final InstantSource clock;

  private Database(DataSource dataSource, Dialect dialect, InstantSource clock, String name, String label) {
    this.name = name;
    this.label = label;
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.clock = clock;
  }

  /** Connects once to learn the dialect; the clock, when null, is the database's or else the host's. */
  static Database of(DataSource dataSource, InstantSource clock, String kind, String name) {
    Objects.requireNonNull(dataSource, "dataSource");
    String label = kind + " " + Args.quoted(name);
    Dialect dialect;
    try (Connection connection = dataSource.getConnection()) {
      dialect = Dialect.of(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new DistributedStoreException(name, label + ": cannot connect: " + e.getMessage(), e);
    }
    InstantSource effective = clock != null ? clock : dialect.hasClock() ? null : InstantSource.system();
    return new Database(dataSource, dialect, effective, name, label);
  }

  /** Whether times come from the database's clock (rather than a clock in this process). */
  boolean databaseClock() {
    return clock == null;
  }

  /** Binds the "now" parameter: the process's clock reading, or NULL for the database's own. */
  void bindNow(PreparedStatement statement, int index) throws SQLException {
    if (clock == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, micros(clock.instant()));
    }
  }

  /** Runs one unit of work; a statement in auto-commit mode is its own transaction. */
  <T> T run(String operation, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      T result = work.run(connection);
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      return result;
    } catch (SQLException e) {
      throw new DistributedStoreException(name, label + ": " + operation + " failed: " + e.getMessage(), e);
    }
  }

  /** Runs work in one transaction, rolled back if it throws. */
  <T> T transaction(String operation, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      } finally {
        if (autoCommit) {
          connection.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw new DistributedStoreException(name, label + ": " + operation + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Creates a table if it is missing. Two processes creating it at once may collide (PostgreSQL
   * reports a duplicate type); that is fine as long as the table is there afterwards.
   */
  void createTable(String table, String ddl) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      try {
        statement.execute(ddl);
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
      } catch (SQLException e) {
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
        try {
          statement.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
        } catch (SQLException missing) {
          e.addSuppressed(missing);
          throw e;
        }
      }
    } catch (SQLException e) {
      throw new DistributedStoreException(name, label + ": cannot create table " + table + ": " + e.getMessage(), e);
    }
  }

  static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }
}
