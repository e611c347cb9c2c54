package dev.architect.resilience.distributed;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LockContract} on PostgreSQL, started once for the class. */
class PostgresLockTest extends LockContract {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();

  @Override
  Backend backend() {
    return POSTGRES.backend();
  }
}
