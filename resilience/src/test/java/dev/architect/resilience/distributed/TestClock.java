package dev.architect.resilience.distributed;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand; readable from any thread. */
final class TestClock implements InstantSource {
  static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

  private volatile Instant now;

  TestClock() {
    this(START);
  }

  TestClock(Instant now) {
    this.now = now;
  }

  @Override
  public Instant instant() {
    return now;
  }

  void advance(Duration duration) {
    now = now.plus(duration);
  }

  void set(Instant instant) {
    now = instant;
  }
}
