package dev.architect.resilience.distributed;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** A real database for the contract tests: a SQLite file or an embedded PostgreSQL. */
record Backend(String kind, String url, PooledDataSource dataSource) implements AutoCloseable {
  private static final AtomicInteger TABLES = new AtomicInteger();

  /** A SQLite file in WAL mode with a busy timeout, as the package documentation asks for. */
  static Backend sqlite(Path file) {
    return open("sqlite", "jdbc:sqlite:" + file);
  }

  static Backend postgres(String url) {
    return open("postgres", url);
  }

  /** Opens the database described by {@code kind} and {@code url} (also how a child JVM connects). */
  static Backend open(String kind, String url) {
    PooledDataSource.Opener opener = switch (kind) {
      case "sqlite" -> {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(30_000);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl(url);
        yield sqlite::getConnection;
      }
      case "postgres" -> () -> DriverManager.getConnection(url);
      default -> throw new IllegalArgumentException("kind must be sqlite or postgres, was " + kind);
    };
    return new Backend(kind, url, new PooledDataSource(opener));
  }

  /** A table name no other test uses, so tests sharing one PostgreSQL never see each other's rows. */
  static String freshTable(String prefix) {
    return prefix + "_" + TABLES.incrementAndGet();
  }

  /** How a child JVM reaches this database. */
  List<String> childArgs() {
    return List.of(kind, url);
  }

  /** The limiter's and the lock's default clock: the database's on PostgreSQL, the host's on SQLite. */
  Instant defaultClockNow() throws SQLException {
    if (kind.equals("sqlite")) {
      return Instant.now();
    }
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT CAST(EXTRACT(EPOCH FROM statement_timestamp()) * 1000000 AS BIGINT)")) {
      row.next();
      return Database.instant(row.getLong(1));
    }
  }

  void execute(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public void close() throws SQLException {
    dataSource.close();
  }
}
