package dev.architect.eventstore;

/**
 * What an append expects of its stream: {@link #ANY}, {@link #NO_STREAM}, {@link #STREAM_EXISTS}, or
 * an {@link #exactly(long) exact} last version (0-based).
 *
 * <p>A stream that was soft-deleted counts as not existing until something is appended to it again.
 * Instances are immutable values and thread-safe.
 */
public final class ExpectedVersion {
  /** Any state of the stream: no check. */
  public static final ExpectedVersion ANY = new ExpectedVersion(-2);
  /** The stream has no events (never written, or soft-deleted). */
  public static final ExpectedVersion NO_STREAM = new ExpectedVersion(-1);
  /** The stream has at least one event and is not deleted. */
  public static final ExpectedVersion STREAM_EXISTS = new ExpectedVersion(-4);

  private final long value;

  private ExpectedVersion(long value) {
    this.value = value;
  }

  /**
   * The stream's last event has version {@code version}.
   *
   * @throws IllegalArgumentException if {@code version} is negative
   */
  public static ExpectedVersion exactly(long version) {
    if (version < 0) {
      throw new IllegalArgumentException("expected version must be >= 0, was " + version);
    }
    return new ExpectedVersion(version);
  }

  /**
   * Parses {@code any}, {@code no-stream}, {@code exists} or a version number, the forms printed by
   * {@link #toString()}.
   *
   * @throws IllegalArgumentException naming the text if it is none of those
   */
  public static ExpectedVersion parse(String text) {
    return switch (text) {
      case "any" -> ANY;
      case "no-stream" -> NO_STREAM;
      case "exists" -> STREAM_EXISTS;
      default -> {
        try {
          yield exactly(Long.parseLong(text));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "expected version must be any, no-stream, exists or a version >= 0, was '" + text + "'");
        }
      }
    };
  }

  /** Whether this is an exact version (then {@link #version()} is it). */
  public boolean isExact() {
    return value >= 0;
  }

  /**
   * The exact version expected.
   *
   * @throws IllegalStateException if this is ANY, NO_STREAM or STREAM_EXISTS
   */
  public long version() {
    if (value < 0) {
      throw new IllegalStateException("expected version " + this + " is not an exact version");
    }
    return value;
  }

  /** Whether a stream whose current version is {@code current} (-1: no stream) satisfies this. */
  public boolean matches(long current) {
    if (this == ANY) {
      return true;
    } else if (this == NO_STREAM) {
      return current < 0;
    } else if (this == STREAM_EXISTS) {
      return current >= 0;
    }
    return current == value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExpectedVersion other && other.value == value;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(value);
  }

  /** {@code any}, {@code no-stream}, {@code exists}, or the version number. */
  @Override
  public String toString() {
    if (value == -2) {
      return "any";
    } else if (value == -1) {
      return "no-stream";
    } else if (value == -4) {
      return "exists";
    }
    return Long.toString(value);
  }
}
