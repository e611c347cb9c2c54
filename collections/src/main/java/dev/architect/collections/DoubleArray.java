package dev.architect.collections;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.function.DoubleConsumer;
import java.util.stream.DoubleStream;

/**
 * A fixed-length array of {@code double} values, stored unboxed: eight bytes per element, where a
 * {@code List<Double>} pays a reference and usually a 16-byte {@code Double} object for each.
 *
 * <p>Every index is checked: an index outside {@code [0, length())} throws an
 * {@link IndexOutOfBoundsException} naming the index and the length. New arrays hold zeros. No
 * method boxes: use {@link #stream()}, {@link #forEach(DoubleConsumer)} or the
 * {@link PrimitiveIterator.OfDouble#nextDouble() nextDouble()} of {@link #iterator()}. Two arrays are
 * {@linkplain #equals equal} when they hold the same values in the same order, compared as
 * {@link Double#equals} does: {@code NaN} equals {@code NaN}, and {@code 0.0} differs from {@code -0.0}.
 *
 * <p>Not thread-safe: concurrent writers, or a writer and readers, need external synchronization.
 */
public final class DoubleArray {
  private final double[] values;

  private DoubleArray(double[] values) {
    this.values = values;
  }

  /**
   * An array of {@code length} zeros.
   *
   * @throws IllegalArgumentException if {@code length} is negative
   */
  public static DoubleArray ofLength(int length) {
    return new DoubleArray(new double[Checks.length("length", length)]);
  }

  /**
   * An array holding a copy of {@code values}.
   *
   * @throws NullPointerException if {@code values} is null
   */
  public static DoubleArray of(double... values) {
    return new DoubleArray(Checks.notNull(values, "values").clone());
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
  public double get(int index) {
    Checks.index(index, values.length);
    return values[index];
  }

  /**
   * Stores {@code value} at {@code index}.
   *
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
   */
  public void set(int index, double value) {
    Checks.index(index, values.length);
    values[index] = value;
  }

  /** Stores {@code value} in every element. */
  public void fill(double value) {
    Arrays.fill(values, value);
  }

  /** An independent copy of this array. */
  public DoubleArray copy() {
    return new DoubleArray(values.clone());
  }

  /**
   * A new array of {@code newLength} elements holding this one's values: truncated if shorter,
   * padded with zeros if longer. This array is unchanged.
   *
   * @throws IllegalArgumentException if {@code newLength} is negative
   */
  public DoubleArray resized(int newLength) {
    return new DoubleArray(Arrays.copyOf(values, Checks.length("newLength", newLength)));
  }

  /**
   * Sorts the values in place, ascending in the total order of {@link Double#compare}: {@code -0.0}
   * before {@code 0.0}, and {@code NaN} last.
   */
  public void sort() {
    Arrays.sort(values);
  }

  /**
   * The index of {@code key} in this array, which must be sorted ascending; otherwise
   * {@code -(insertion point) - 1}, as {@link Arrays#binarySearch(double[], double)} defines it.
   */
  public int binarySearch(double key) {
    return Arrays.binarySearch(values, key);
  }

  /** A sequential stream of the values, in index order. */
  public DoubleStream stream() {
    return Arrays.stream(values);
  }

  /** Calls {@code action} with each value, in index order. */
  public void forEach(DoubleConsumer action) {
    Checks.notNull(action, "action");
    for (double value : values) {
      action.accept(value);
    }
  }

  /** Iterates the values in index order; use {@code nextDouble()} to avoid boxing. */
  public PrimitiveIterator.OfDouble iterator() {
    return new PrimitiveIterator.OfDouble() {
      private int cursor;

      @Override
      public boolean hasNext() {
        return cursor < values.length;
      }

      @Override
      public double nextDouble() {
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

  /** A new {@code double[]} holding the values in index order. */
  public double[] toArray() {
    return values.clone();
  }

  /**
   * True when {@code other} is a {@code DoubleArray} holding the same values in the same order, as
   * {@link Double#equals} compares them.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof DoubleArray that && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  /** The values in index order, as {@code [1.0, 2.5, NaN]}. */
  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
