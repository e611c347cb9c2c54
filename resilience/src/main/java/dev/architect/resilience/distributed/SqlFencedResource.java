package dev.architect.resilience.distributed;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The fenced journal: {@code <table>(resource, token, seq)} and {@code <table>_entry(resource, seq, token, entry)}. */
final class SqlFencedResource implements FencedResource {
  static String ddl(String table) {
    return "CREATE TABLE IF NOT EXISTS " + table
        + " (resource TEXT PRIMARY KEY, token BIGINT NOT NULL, seq BIGINT NOT NULL)";
  }

  static String entryDdl(String table) {
    return "CREATE TABLE IF NOT EXISTS " + table + "_entry (resource TEXT NOT NULL, seq BIGINT NOT NULL,"
        + " token BIGINT NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (resource, seq))";
  }

  /**
   * Raises the highest token and takes the next sequence number only WHERE the token is not lower.
   * The row stays locked until the journal insert commits, so sequence order is acceptance order.
   */
  private static final String FENCE = """
      INSERT INTO {table} AS f (resource, token, seq) VALUES (?, ?, 1)
      ON CONFLICT (resource) DO UPDATE SET token = EXCLUDED.token, seq = f.seq + 1
        WHERE f.token <= EXCLUDED.token
      RETURNING seq""";

  private static final String INSERT = "INSERT INTO {table}_entry (resource, seq, token, entry) VALUES (?, ?, ?, ?)";

  private static final String HIGHEST = "SELECT token FROM {table} WHERE resource = ?";

  private static final String ENTRIES = "SELECT seq, token, entry FROM {table}_entry WHERE resource = ? ORDER BY seq";

  private final Database database;
  private final String name;
  private final String fenceSql;
  private final String insertSql;
  private final String highestSql;
  private final String entriesSql;

  SqlFencedResource(Database database, String table, String name) {
    this.database = database;
    this.name = name;
    this.fenceSql = database.dialect.sql(FENCE, table);
    this.insertSql = database.dialect.sql(INSERT, table);
    this.highestSql = database.dialect.sql(HIGHEST, table);
    this.entriesSql = database.dialect.sql(ENTRIES, table);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long append(long token, String value) {
    Args.positive("token", token);
    Objects.requireNonNull(value, "value");
    return database.transaction("append", connection -> {
      long sequence;
      try (PreparedStatement fence = connection.prepareStatement(fenceSql)) {
        fence.setString(1, name);
        fence.setLong(2, token);
        try (ResultSet row = fence.executeQuery()) {
          if (!row.next()) {
            long highest;
            try (PreparedStatement read = connection.prepareStatement(highestSql)) {
              read.setString(1, name);
              try (ResultSet current = read.executeQuery()) {
                highest = current.next() ? current.getLong(1) : 0;
              }
            }
            throw new StaleTokenException(name, token, highest);
          }
          sequence = row.getLong(1);
        }
      }
      try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
        insert.setString(1, name);
        insert.setLong(2, sequence);
        insert.setLong(3, token);
        insert.setString(4, value);
        insert.executeUpdate();
      }
      return sequence;
    });
  }

  @Override
  public long highestToken() {
    return database.run("read highest token", connection -> {
      try (PreparedStatement read = connection.prepareStatement(highestSql)) {
        read.setString(1, name);
        try (ResultSet row = read.executeQuery()) {
          return row.next() ? row.getLong(1) : 0L;
        }
      }
    });
  }

  @Override
  public List<Entry> entries() {
    return database.run("read entries", connection -> {
      try (PreparedStatement read = connection.prepareStatement(entriesSql)) {
        read.setString(1, name);
        try (ResultSet row = read.executeQuery()) {
          List<Entry> entries = new ArrayList<>();
          while (row.next()) {
            entries.add(new Entry(row.getLong(1), row.getLong(2), row.getString(3)));
          }
          return List.copyOf(entries);
        }
      }
    });
  }

  @Override
  public String toString() {
    return "FencedResource[" + name + "]";
  }
}
