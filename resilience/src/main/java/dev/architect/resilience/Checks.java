package dev.architect.resilience;

import java.time.Duration;
import java.util.Objects;

/** Configuration checks: fail at build with the parameter's name and value. */
final class Checks {
  private Checks() {}

  static String name(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, was '" + name + "'");
    }
    return name;
  }

  static int positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }

  static long positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }

  static int atMost(String name, int value, int max) {
    if (value > max) {
      throw new IllegalArgumentException(name + " must be at most " + max + ", was " + value);
    }
    return value;
  }

  static double percentage(String name, double value) {
    if (!(value > 0 && value <= 100)) {
      throw new IllegalArgumentException(name + " must be in (0, 100], was " + value);
    }
    return value;
  }

  static double atLeastOne(String name, double value) {
    if (!(value >= 1) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 1, was " + value);
    }
    return value;
  }

  static long positiveNanos(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return saturatedNanos(value);
  }

  static long notNegativeNanos(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
    return saturatedNanos(value);
  }

  /** The nanoseconds of {@code value}, clamped to the range of a long (about 292 years). */
  static long saturatedNanos(Duration value) {
    try {
      return value.toNanos();
    } catch (ArithmeticException tooLong) {
      return value.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** {@code a + b} for non-negative {@code b}, clamped at {@link Long#MAX_VALUE}. */
  static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
