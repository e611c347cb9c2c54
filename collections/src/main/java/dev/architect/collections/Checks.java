package dev.architect.collections;

/** The argument checks shared by this package, with its error messages in one place. */
final class Checks {
  private Checks() {}

  static void index(int index, int length) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index " + index + " out of bounds for length " + length);
    }
  }

  static int length(String name, int length) {
    if (length < 0) {
      throw new IllegalArgumentException(name + " must not be negative, was " + length);
    }
    return length;
  }

  static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    return value;
  }

  /** The largest array Java reliably allocates (some VMs reserve header words in an array). */
  static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

  /** The next capacity of a growing array: doubled while small, then 1.5 times. */
  static int grow(int capacity, String what) {
    if (capacity >= MAX_CAPACITY) {
      throw new IllegalStateException(what + " is full: it cannot hold more than " + MAX_CAPACITY + " elements");
    }
    int grown = capacity < 64 ? capacity * 2 + 2 : capacity + (capacity >> 1);
    return grown < 0 || grown > MAX_CAPACITY ? MAX_CAPACITY : grown;
  }
}
