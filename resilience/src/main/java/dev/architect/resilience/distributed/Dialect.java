package dev.architect.resilience.distributed;

/**
 * The SQL differences between the two supported databases. Times are stored as microseconds since
 * the epoch in BIGINT columns, so both databases compute with exact integers.
 */
enum Dialect {
  /**
   * PostgreSQL: LEAST/GREATEST, and the database's clock when no time is bound. {@code
   * statement_timestamp()} is stable within one statement and, unlike {@code now()}, does not stand
   * still inside a long transaction.
   */
  POSTGRESQL("LEAST", "GREATEST",
      "COALESCE(CAST(? AS BIGINT), CAST(EXTRACT(EPOCH FROM statement_timestamp()) * 1000000 AS BIGINT))"),
  /**
   * SQLite: the scalar MIN/MAX with several arguments; it has no clock worth sharing, so the host's
   * time is always bound (the processes sharing a SQLite file run on one machine).
   */
  SQLITE("MIN", "MAX", "CAST(? AS BIGINT)");

  private final String least;
  private final String greatest;
  private final String now;

  Dialect(String least, String greatest, String now) {
    this.least = least;
    this.greatest = greatest;
    this.now = now;
  }

  /** Whether the database has a clock of its own that every process can share. */
  boolean hasClock() {
    return this == POSTGRESQL;
  }

  /** Expands {table}, {least}, {greatest} and {now} (one bound BIGINT parameter per {now}). */
  String sql(String template, String table) {
    return template.replace("{table}", table)
        .replace("{least}", least)
        .replace("{greatest}", greatest)
        .replace("{now}", now);
  }

  static Dialect of(String productName) {
    if (productName != null) {
      String name = productName.toLowerCase(java.util.Locale.ROOT);
      if (name.contains("postgresql")) {
        return POSTGRESQL;
      }
      if (name.contains("sqlite")) {
        return SQLITE;
      }
    }
    throw new IllegalArgumentException("dataSource must be PostgreSQL or SQLite, was '" + productName + "'");
  }
}
