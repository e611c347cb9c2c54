package dev.architect.collections;

import java.security.SecureRandom;
import java.util.stream.LongStream;

/**
 * The seeds of the model-based tests: fixed ones, so that every run repeats them, and three fresh
 * ones per run, so that runs explore new sequences. Every assertion names its seed and step: a
 * failure found with a fresh seed is repeated by adding that seed to {@link #FIXED}.
 */
final class Seeds {
  static final long[] FIXED = {1, 2, 3, 42, 2024, 31337, -1, 0x5eed_cafeL};

  private Seeds() {}

  static LongStream all() {
    SecureRandom random = new SecureRandom();
    return LongStream.concat(LongStream.of(FIXED), LongStream.generate(random::nextLong).limit(3));
  }
}
