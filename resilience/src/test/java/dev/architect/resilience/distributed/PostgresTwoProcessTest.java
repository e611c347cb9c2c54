package dev.architect.resilience.distributed;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TwoProcessContract} on PostgreSQL, started once for the class. */
class PostgresTwoProcessTest extends TwoProcessContract {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();

  @Override
  Backend backend() {
    return POSTGRES.backend();
  }
}
