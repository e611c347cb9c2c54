package dev.architect.resilience;

import java.time.Duration;

/** The checked parameters of an exponential curve, for {@link Backoff}. Immutable. */
final class Curve {
  final long initial;
  final double multiplier;
  final long max;

  Curve(String initialName, Duration initial, double multiplier, Duration max) {
    this.initial = Checks.positiveNanos(initialName, initial);
    this.multiplier = Checks.atLeastOne("multiplier", multiplier);
    this.max = Checks.positiveNanos("max", max);
    if (this.max < this.initial) {
      throw new IllegalArgumentException("max must not be below " + initialName + " (" + initial + "), was " + max);
    }
  }

  /** {@code initial × multiplier^(retry-1)}, at most {@code max}. */
  long at(int retry) {
    double value = initial * Math.pow(multiplier, Math.max(0, retry - 1));
    return value >= max ? max : (long) value;
  }
}
