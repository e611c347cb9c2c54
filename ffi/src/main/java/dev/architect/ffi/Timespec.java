package dev.architect.ffi;

import java.time.Duration;
import java.time.Instant;

/**
 * A {@code struct timespec} as the kernel filled it: whole seconds and nanoseconds. What the
 * seconds count from depends on the {@link Clock} (the epoch for {@link Clock#REALTIME}, an
 * arbitrary point for {@link Clock#MONOTONIC}). Immutable.
 *
 * @param seconds {@code tv_sec}
 * @param nanos {@code tv_nsec}, 0 to 999,999,999
 */
public record Timespec(long seconds, long nanos) {
  /** @throws IllegalArgumentException if {@code nanos} is outside 0..999,999,999 */
  public Timespec {
    if (nanos < 0 || nanos > 999_999_999) {
      throw new IllegalArgumentException("nanos must be within 0..999999999, was " + nanos);
    }
  }

  /** The time since the clock's origin. */
  public Duration toDuration() {
    return Duration.ofSeconds(seconds, nanos);
  }

  /** This time as an instant, meaningful for {@link Clock#REALTIME} (seconds since the epoch). */
  public Instant toInstant() {
    return Instant.ofEpochSecond(seconds, nanos);
  }
}
