package dev.architect.resilience.distributed;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Argument checks: fail at once with the parameter's name and value. */
final class Args {
  /** The longest lease: far from overflowing microseconds since the epoch. */
  static final Duration MAX_LEASE = Duration.ofDays(3650);

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,47}");

  private Args() {}

  static String name(String parameter, String value) {
    Objects.requireNonNull(value, parameter);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(parameter + " must not be empty");
    }
    return value;
  }

  /** Table names are spliced into SQL text, so only plain identifiers are accepted. */
  static String table(String value) {
    Objects.requireNonNull(value, "table");
    if (!IDENTIFIER.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "table must be a plain SQL identifier (a letter or underscore, then letters, digits or underscores,"
              + " at most 48 characters), was '" + value + "'");
    }
    return value;
  }

  static long positive(String parameter, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(parameter + " must be positive, was " + value);
    }
    return value;
  }

  /** A duration in whole microseconds between 1 microsecond and {@code max}. */
  static long micros(String parameter, Duration value, Duration max) {
    Objects.requireNonNull(value, parameter);
    if (value.compareTo(Duration.ofNanos(1000)) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          parameter + " must be between 1 microsecond and " + describe(max) + ", was " + value);
    }
    return TimeUnit.MICROSECONDS.convert(value);
  }

  static long notNegativeNanos(String parameter, Duration value) {
    Objects.requireNonNull(value, parameter);
    if (value.isNegative()) {
      throw new IllegalArgumentException(parameter + " must not be negative, was " + value);
    }
    return TimeUnit.NANOSECONDS.convert(value); // saturates at Long.MAX_VALUE
  }

  /** "3650 days", "1 hour": limits in words (values are shown as {@link Duration#toString()}). */
  private static String describe(Duration limit) {
    long days = limit.toDays();
    long hours = limit.toHours();
    return limit.toSeconds() % 86_400 == 0
        ? days + (days == 1 ? " day" : " days")
        : hours + (hours == 1 ? " hour" : " hours");
  }

  static String quoted(String value) {
    return "'" + value + "'";
  }
}
