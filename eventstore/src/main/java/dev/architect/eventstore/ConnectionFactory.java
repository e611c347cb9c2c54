package dev.architect.eventstore;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Opens JDBC connections to a database of the application's (a read model, a snapshot table): the
 * event store's own connections are never lent out. {@code dataSource::getConnection} is one.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ConnectionFactory {
  /**
   * A new connection, which the caller closes.
   *
   * @throws SQLException if the database cannot be reached
   */
  Connection open() throws SQLException;

  /** Connections from {@code dataSource}. */
  static ConnectionFactory of(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return dataSource::getConnection;
  }

  /**
   * Connections to a JDBC url through {@link DriverManager}: {@code jdbc:sqlite:PATH} (may be the event
   * store's own file) or {@code jdbc:postgresql://...}.
   *
   * @throws IllegalArgumentException if the url does not start with {@code jdbc:}
   */
  static ConnectionFactory url(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException("jdbcUrl must start with jdbc:, was '" + jdbcUrl + "'");
    }
    return () -> DriverManager.getConnection(jdbcUrl);
  }
}
