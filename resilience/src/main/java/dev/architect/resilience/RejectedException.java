package dev.architect.resilience;

import java.time.Duration;
import java.util.Optional;

/**
 * A policy refused the call before it ran: an open breaker, an exhausted rate limit, a full bulkhead.
 * The protected code was not called, so a circuit breaker does not count these, and a retry may use
 * {@link #retryAfter()} as its next delay.
 */
public abstract sealed class RejectedException extends ResilienceException
    permits CircuitBreakerOpenException, RateLimitedException, BulkheadFullException {
  private static final long serialVersionUID = 1L;
  private final long retryAfterNanos;

  RejectedException(String policy, String message, long retryAfterNanos) {
    super(policy, message);
    this.retryAfterNanos = retryAfterNanos;
  }

  /** When trying again may succeed, if the policy knows (time left in OPEN, until the next token). */
  public Optional<Duration> retryAfter() {
    return retryAfterNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(retryAfterNanos));
  }

  long retryAfterNanos() {
    return retryAfterNanos;
  }
}
