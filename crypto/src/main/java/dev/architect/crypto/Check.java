package dev.architect.crypto;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/** Argument checks with the house messages ({@code "nonce must be 24 bytes, was 23"}). */
final class Check {
  private Check() {}

  static byte[] length(String name, byte[] value, int expected) {
    Objects.requireNonNull(value, name);
    if (value.length != expected) {
      throw new IllegalArgumentException(name + " must be " + expected + " bytes, was " + value.length);
    }
    return value;
  }

  static MemorySegment key(SecretKey key, int expected) {
    return key("key", key, expected);
  }

  static MemorySegment key(String name, SecretKey key, int expected) {
    Objects.requireNonNull(key, name);
    MemorySegment segment = key.segment();
    if (segment.byteSize() != expected) {
      throw new IllegalArgumentException(name + " must be " + expected + " bytes, was " + segment.byteSize());
    }
    return segment;
  }

  static MemorySegment key(byte[] key, int expected) {
    return key("key", key, expected);
  }

  static MemorySegment key(String name, byte[] key, int expected) {
    return MemorySegment.ofArray(length(name, key, expected));
  }

  static int range(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  /** {@code length + extra}, or an error naming {@code name} when that overflows an array. */
  static int plus(String name, int length, int extra) {
    if (length > Integer.MAX_VALUE - 8 - extra) {
      throw new IllegalArgumentException(name + " is too long: " + length + " bytes");
    }
    return length + extra;
  }
}
