package dev.architect.resilience.distributed;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RateLimiterContract} on PostgreSQL, started once for the class. */
class PostgresRateLimiterTest extends RateLimiterContract {
  @RegisterExtension static final PostgresExtension POSTGRES = new PostgresExtension();

  @Override
  Backend backend() {
    return POSTGRES.backend();
  }
}
