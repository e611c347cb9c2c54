package dev.architect.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that tests move by hand. */
final class MutableClock implements InstantSource {
  private volatile Instant now = Instant.parse("2025-06-01T12:00:00Z");

  @Override
  public Instant instant() {
    return now;
  }

  void advance(Duration d) {
    now = now.plus(d);
  }
}
