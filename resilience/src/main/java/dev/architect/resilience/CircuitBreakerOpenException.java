package dev.architect.resilience;

import java.util.Locale;

/** The circuit breaker refused the call: it is open, forced open, or out of half-open trial calls. */
public final class CircuitBreakerOpenException extends RejectedException {
  private static final long serialVersionUID = 1L;
  private final CircuitBreaker.State state;

  CircuitBreakerOpenException(String name, CircuitBreaker.State state, long retryAfterNanos) {
    super(name, "circuit breaker '" + name + "' is " + state.name().toLowerCase(Locale.ROOT).replace('_', '-')
        + " and does not permit calls", retryAfterNanos);
    this.state = state;
  }

  /** The breaker's state when it refused the call. */
  public CircuitBreaker.State state() {
    return state;
  }
}
