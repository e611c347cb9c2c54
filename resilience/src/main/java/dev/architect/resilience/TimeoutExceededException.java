package dev.architect.resilience;

import java.time.Duration;

/** The call took longer than its {@link Timeout}; it was cancelled (its thread interrupted). */
public final class TimeoutExceededException extends ResilienceException {
  private static final long serialVersionUID = 1L;
  private final Duration timeout;

  TimeoutExceededException(String name, Duration timeout) {
    super(name, "timeout '" + name + "': the call did not complete within " + timeout);
    this.timeout = timeout;
  }

  /** The time the call was allowed. */
  public Duration timeout() {
    return timeout;
  }
}
