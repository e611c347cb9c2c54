package dev.architect.collections;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An array of references whose length is fixed when it is created: the counterpart of PHP's
 * {@code SplFixedArray}, with Java's bounds checks and value semantics.
 *
 * <p>Every index is checked: an index outside {@code [0, length())} throws an
 * {@link IndexOutOfBoundsException} naming the index and the length. Slots start out {@code null},
 * and {@code null} is a valid element everywhere. Unlike {@link java.util.ArrayList} it never holds
 * spare capacity: it takes one reference per slot and a small header, nothing more. To change the
 * length, make a copy with {@link #resized(int)}.
 *
 * <p>Two fixed arrays are {@linkplain #equals equal} when they hold equal elements in the same
 * order. The length never changes, so iteration never fails; an element {@linkplain #set set} while
 * iterating is seen by the iterator if its slot has not been passed yet.
 *
 * <p>Not thread-safe: concurrent writers, or a writer and readers, need external synchronization.
 *
 * @param <T> the element type
 */
public final class FixedArray<T> implements Iterable<T> {
  private final Object[] elements;

  private FixedArray(Object[] elements) {
    this.elements = elements;
  }

  /**
   * A fixed array of {@code length} slots, each {@code null}.
   *
   * @throws IllegalArgumentException if {@code length} is negative
   */
  public static <T> FixedArray<T> ofLength(int length) {
    return new FixedArray<>(new Object[Checks.length("length", length)]);
  }

  /**
   * A fixed array holding a copy of {@code elements}, in order (nulls included).
   *
   * @throws NullPointerException if the {@code elements} array itself is null
   */
  @SafeVarargs
  public static <T> FixedArray<T> of(T... elements) {
    if (elements == null) {
      throw new NullPointerException("elements must not be null");
    }
    // Copied element by element: the varargs array never escapes (no heap pollution).
    Object[] copy = new Object[elements.length];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = elements[i];
    }
    return new FixedArray<>(copy);
  }

  /**
   * A fixed array holding the elements of {@code source}, in its iteration order.
   *
   * @throws NullPointerException if {@code source} is null
   */
  public static <T> FixedArray<T> copyOf(Collection<? extends T> source) {
    return new FixedArray<>(Checks.notNull(source, "source").toArray());
  }

  /** The number of slots, fixed at creation. */
  public int length() {
    return elements.length;
  }

  /**
   * The element at {@code index} ({@code null} if the slot was never set).
   *
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
   */
  @SuppressWarnings("unchecked")
  public T get(int index) {
    Checks.index(index, elements.length);
    return (T) elements[index];
  }

  /**
   * Stores {@code element} (which may be null) at {@code index} and returns what was there.
   *
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, length())}
   */
  @SuppressWarnings("unchecked")
  public T set(int index, T element) {
    Checks.index(index, elements.length);
    T previous = (T) elements[index];
    elements[index] = element;
    return previous;
  }

  /** Stores {@code element} (which may be null) in every slot. */
  public void fill(T element) {
    Arrays.fill(elements, element);
  }

  /**
   * A new fixed array of {@code newLength} slots holding this one's elements: truncated if shorter,
   * padded with nulls if longer. This array is unchanged.
   *
   * @throws IllegalArgumentException if {@code newLength} is negative
   */
  public FixedArray<T> resized(int newLength) {
    return new FixedArray<>(Arrays.copyOf(elements, Checks.length("newLength", newLength)));
  }

  /**
   * Sorts the elements in place, stably, by {@code order}; a null {@code order} means the elements'
   * natural order (as {@link List#sort} does).
   *
   * @throws ClassCastException if {@code order} is null and the elements are not mutually comparable
   * @throws NullPointerException if {@code order} is null and a slot holds null
   */
  public void sort(Comparator<? super T> order) {
    @SuppressWarnings("unchecked")
    T[] typed = (T[]) elements;
    Arrays.sort(typed, order);
  }

  /**
   * A fixed-size {@link List} view of this array: {@code set} writes through, while {@code add} and
   * {@code remove} throw {@link UnsupportedOperationException}.
   */
  public List<T> asList() {
    @SuppressWarnings("unchecked")
    T[] typed = (T[]) elements;
    return Arrays.asList(typed);
  }

  /** A sequential stream of the elements, in index order. */
  public Stream<T> stream() {
    return StreamSupport.stream(spliterator(), false);
  }

  /** A new {@code Object[]} holding the elements in index order. */
  public Object[] toArray() {
    return elements.clone();
  }

  /** Iterates the elements in index order; {@code remove} is not supported. */
  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private int cursor;

      @Override
      public boolean hasNext() {
        return cursor < elements.length;
      }

      @Override
      @SuppressWarnings("unchecked")
      public T next() {
        if (cursor >= elements.length) {
          throw new NoSuchElementException("no element after index " + (elements.length - 1));
        }
        return (T) elements[cursor++];
      }

      @Override
      public void remove() {
        throw new UnsupportedOperationException("a fixed array cannot remove elements; set the slot to null instead");
      }
    };
  }

  @Override
  public Spliterator<T> spliterator() {
    return Spliterators.spliterator(elements, Spliterator.ORDERED);
  }

  /** True when {@code other} is a fixed array of the same length with equal elements in order. */
  @Override
  public boolean equals(Object other) {
    return other instanceof FixedArray<?> that && Arrays.equals(elements, that.elements);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(elements);
  }

  /** The elements in index order, as {@code [a, b, null]}. */
  @Override
  public String toString() {
    return Arrays.toString(elements);
  }
}
