package dev.architect.eventstore;

import java.time.Duration;

/**
 * Retention settings of a stream. Events outside them are invisible to every read ({@code $all} and
 * categories included) from the moment the metadata is set (for max age: from the moment they get too
 * old by the store's clock).
 *
 * @param maxCount keep only the newest this many events, or null for no limit
 * @param maxAge keep only events younger than this, or null for no limit
 * @param truncateBefore hide events with a lower version, or null for none
 */
public record StreamMetadata(Long maxCount, Duration maxAge, Long truncateBefore) {
  /** No limits. */
  public static final StreamMetadata NONE = new StreamMetadata(null, null, null);

  /**
   * Checks the limits.
   *
   * @throws IllegalArgumentException if max count is not positive, max age not positive, or
   *     truncate-before negative
   */
  public StreamMetadata {
    if (maxCount != null && maxCount < 1) {
      throw new IllegalArgumentException("maxCount must be >= 1, was " + maxCount);
    }
    if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
      throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
    }
    if (truncateBefore != null && truncateBefore < 0) {
      throw new IllegalArgumentException("truncateBefore must be >= 0, was " + truncateBefore);
    }
  }

  /** This metadata with another max count. */
  public StreamMetadata withMaxCount(long count) {
    return new StreamMetadata(count, maxAge, truncateBefore);
  }

  /** This metadata with another max age. */
  public StreamMetadata withMaxAge(Duration age) {
    return new StreamMetadata(maxCount, age, truncateBefore);
  }

  /** This metadata with another truncate-before version. */
  public StreamMetadata withTruncateBefore(long version) {
    return new StreamMetadata(maxCount, maxAge, version);
  }
}
