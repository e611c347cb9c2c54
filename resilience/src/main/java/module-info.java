/**
 * Architect Resilience: circuit breaker, retry, rate limiter, bulkhead, timeout and fallback, alone or
 * composed into a {@link dev.architect.resilience.Pipeline}.
 */
module dev.architect.resilience {
  requires transitive io.opentelemetry.api;
  requires transitive java.sql;

  exports dev.architect.resilience;
  exports dev.architect.resilience.distributed;
}
