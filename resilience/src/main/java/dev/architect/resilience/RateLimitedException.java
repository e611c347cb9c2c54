package dev.architect.resilience;

/** The rate limiter refused the call: not enough tokens, or none would arrive within the wait allowed. */
public final class RateLimitedException extends RejectedException {
  private static final long serialVersionUID = 1L;

  RateLimitedException(String name, long retryAfterNanos) {
    super(name, "rate limiter '" + name + "' does not permit the call now", retryAfterNanos);
  }
}
