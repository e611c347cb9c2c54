package dev.architect.collections;

import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A priority heap: {@link #pop()} always returns a smallest element by the heap's
 * {@link #comparator()}. The counterpart of PHP's {@code SplMinHeap}, {@code SplMaxHeap} and
 * {@code SplHeap}, and a faster replacement for {@link java.util.PriorityQueue} where only push, pop
 * and peek are needed.
 *
 * <p>Implementations are arrays laid out as complete d-ary trees: {@link #min()}, {@link #max()} and
 * {@link #by(Comparator)} make binary heaps, {@link #dAry(int, Comparator)} a heap of any arity
 * from 2 to 64 (4 is often faster than 2 for large heaps: the tree is half as deep). Push and pop
 * take O(log n) comparisons; peek, size and isEmpty O(1).
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Elements must not be null: {@link #push} rejects null with a {@link NullPointerException}
 *       (so {@link #poll()} can return null for an empty heap).
 *   <li>Elements that compare equal come out in no particular order; use a
 *       {@link StablePriorityQueue} when they must come out first in, first out.
 *   <li>If the comparator throws, the exception propagates and the heap is unchanged: same
 *       elements, same internal order (the moves made before the failure are undone).
 *   <li>The iterator visits the elements in the heap's internal array order, which is unspecified
 *       except that the first element is the one {@link #peek()} returns. It is fail-fast: a push,
 *       pop or clear during the iteration makes it throw {@link ConcurrentModificationException}.
 *       It does not support {@code remove}. {@link #drain()} gives the elements in order.
 *   <li>Changing an element in a way that changes its order while it is in the heap breaks the
 *       heap, as with {@link java.util.PriorityQueue}.
 * </ul>
 *
 * <p>Not thread-safe: confine a heap to one thread at a time, or guard every call with one lock.
 *
 * @param <T> the element type
 */
public interface Heap<T> extends Iterable<T> {
  /** A binary heap that pops the smallest element first, by natural order. */
  static <T extends Comparable<? super T>> Heap<T> min() {
    return new ArrayHeap<>(2, NaturalOrder.ascending());
  }

  /** A binary heap that pops the largest element first, by natural order. */
  static <T extends Comparable<? super T>> Heap<T> max() {
    return new ArrayHeap<>(2, NaturalOrder.descending());
  }

  /**
   * A binary heap that pops the smallest element by {@code order} first.
   *
   * @throws NullPointerException if {@code order} is null
   */
  static <T> Heap<T> by(Comparator<? super T> order) {
    return new ArrayHeap<>(2, Checks.notNull(order, "order"));
  }

  /**
   * A d-ary heap ({@code arity} children per node) that pops the smallest element by {@code order}
   * first. {@code dAry(2, order)} is the same as {@code by(order)}.
   *
   * @throws IllegalArgumentException if {@code arity} is not between 2 and 64
   * @throws NullPointerException if {@code order} is null
   */
  static <T> Heap<T> dAry(int arity, Comparator<? super T> order) {
    if (arity < 2 || arity > ArrayHeap.MAX_ARITY) {
      throw new IllegalArgumentException("arity must be between 2 and " + ArrayHeap.MAX_ARITY + ", was " + arity);
    }
    return new ArrayHeap<>(arity, Checks.notNull(order, "order"));
  }

  /**
   * Adds {@code element}.
   *
   * @throws NullPointerException if {@code element} is null
   * @throws IllegalStateException if the heap already holds the largest number of elements a Java
   *     array can (about 2^31)
   */
  void push(T element);

  /**
   * A smallest element, left in the heap.
   *
   * @throws NoSuchElementException if the heap is empty
   */
  T peek();

  /**
   * Removes and returns a smallest element.
   *
   * @throws NoSuchElementException if the heap is empty
   */
  T pop();

  /** Removes and returns a smallest element, or returns null if the heap is empty. */
  T poll();

  /** The number of elements. */
  int size();

  /** True when the heap holds no elements. */
  boolean isEmpty();

  /** Removes every element (the capacity is kept). */
  void clear();

  /** Removes every element and returns them in pop order (ties in no particular order). */
  List<T> drain();

  /** The order the heap pops by: smallest first. */
  Comparator<? super T> comparator();

  /** The number of children per node: 2 for a binary heap. */
  int arity();

  /**
   * The elements in the heap's internal order (unspecified, the top first); fail-fast, and without
   * {@code remove}.
   */
  @Override
  Iterator<T> iterator();
}
