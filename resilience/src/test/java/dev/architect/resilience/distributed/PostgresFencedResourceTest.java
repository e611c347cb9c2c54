package dev.architect.resilience.distributed;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link FencedResourceContract} on PostgreSQL, started once for the class. */
class PostgresFencedResourceTest extends FencedResourceContract {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();

  @Override
  Backend backend() {
    return POSTGRES.backend();
  }
}
