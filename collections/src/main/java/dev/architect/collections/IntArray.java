package dev.architect.collections;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * A fixed-length array of {@code int} values, stored unboxed: four bytes per element, where a
 * {@code List<Integer>} pays a reference and usually a 16-byte {@code Integer} object for each.
 *
 * <p>Every index is checked: an index outside {@code [0, length())} throws an
 * {@link IndexOutOfBoundsException} naming the index and the length. New arrays hold zeros. No
 * method boxes: use {@link #stream()}, {@link #forEach(IntConsumer)} or the
 * {@link PrimitiveIterator.OfInt#nextInt() nextInt()} of {@link #iterator()}. Two arrays are
 * {@linkplain #equals equal} when they hold the same values in the same order.
 *
 * <p>Not thread-safe: concurrent writers, or a writer and readers, need external synchronization.
 */
public final class IntArray {
  private final int[] values;

  private IntArray(int[] values) {
    this.values = values;
  }

  /**
   * An array of {@code length} zeros.
   *
   * @throws IllegalArgumentException if {@code length} is negative
   */
  public static IntArray ofLength(int length) {
    return new IntArray(new int[Checks.length("length", length)]);
  }

  /**
   * An array holding a copy of {@code values}.
   *
   * @throws NullPointerException if {@code values} is null
   */
  public static IntArray of(int... values) {
    return new IntArray(Checks.notNull(values, "values").clone());
  }

  /** The number of elements, fixed at creation. */
  public int length() {
    return values.length;
  }

  /**
   * The value at {@code index}.
   *
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
   */
  public int get(int index) {
    Checks.index(index, values.length);
    return values[index];
  }

  /**
   * Stores {@code value} at {@code index}.
   *
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
   */
  public void set(int index, int value) {
    Checks.index(index, values.length);
    values[index] = value;
  }

  /** Stores {@code value} in every element. */
  public void fill(int value) {
    Arrays.fill(values, value);
  }

  /** An independent copy of this array. */
  public IntArray copy() {
    return new IntArray(values.clone());
  }

  /**
   * A new array of {@code newLength} elements holding this one's values: truncated if shorter,
   * padded with zeros if longer. This array is unchanged.
   *
   * @throws IllegalArgumentException if {@code newLength} is negative
   */
  public IntArray resized(int newLength) {
    return new IntArray(Arrays.copyOf(values, Checks.length("newLength", newLength)));
  }

  /** Sorts the values in place, ascending. */
  public void sort() {
    Arrays.sort(values);
  }

  /**
   * The index of {@code key} in this array, which must be sorted ascending; otherwise
   * {@code -(insertion point) - 1}, as {@link Arrays#binarySearch(int[], int)} defines it.
   */
  public int binarySearch(int key) {
    return Arrays.binarySearch(values, key);
  }

  /** A sequential stream of the values, in index order. */
  public IntStream stream() {
    return Arrays.stream(values);
  }

  /** Calls {@code action} with each value, in index order. */
  public void forEach(IntConsumer action) {
    Checks.notNull(action, "action");
    for (int value : values) {
      action.accept(value);
    }
  }

  /** Iterates the values in index order; use {@code nextInt()} to avoid boxing. */
  public PrimitiveIterator.OfInt iterator() {
    return new PrimitiveIterator.OfInt() {
      private int cursor;

      @Override
      public boolean hasNext() {
        return cursor < values.length;
      }

      @Override
      public int nextInt() {
        if (cursor >= values.length) {
          throw new NoSuchElementException("no element after index " + (values.length - 1));
        }
        return values[cursor++];
      }

      @Override
      public void remove() {
        throw new UnsupportedOperationException("a fixed-length array cannot remove elements");
      }
    };
  }

  /** A new {@code int[]} holding the values in index order. */
  public int[] toArray() {
    return values.clone();
  }

  /** True when {@code other} is an {@code IntArray} holding the same values in the same order. */
  @Override
  public boolean equals(Object other) {
    return other instanceof IntArray that && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  /** The values in index order, as {@code [1, 2, 3]}. */
  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
