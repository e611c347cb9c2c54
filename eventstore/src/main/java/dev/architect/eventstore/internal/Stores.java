package dev.architect.eventstore.internal;

import dev.architect.eventstore.EventStore;

/** Opens the backend named by a store url. */
public final class Stores {
  private Stores() {}

  /** Whether {@code url} names a backend this module has. */
  public static boolean knownScheme(String url) {
    return SqliteBackend.accepts(url) || PostgresBackend.accepts(url);
  }

  /** Opens the store described by {@code config}. */
  public static EventStore open(StoreConfig config) {
    Backend backend = SqliteBackend.accepts(config.url())
        ? SqliteBackend.open(config) : PostgresBackend.open(config);
    return new JdbcEventStore(backend, config);
  }
}
