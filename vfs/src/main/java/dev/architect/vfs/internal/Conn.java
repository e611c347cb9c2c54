package dev.architect.vfs.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** One SQLite connection with its prepared statements; used by one thread at a time. */
final class Conn implements AutoCloseable {
  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  Conn(Connection connection) {
    this.connection = connection;
  }

  /** A cached prepared statement for {@code sql}, parameters cleared. */
  PreparedStatement ps(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  void exec(String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  Connection jdbc() {
    return connection;
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement ps : statements.values()) {
      ps.close();
    }
    statements.clear();
    connection.close();
  }
}
