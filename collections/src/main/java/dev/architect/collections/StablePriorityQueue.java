package dev.architect.collections;

import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A priority queue that pops elements that compare equal in the order they were pushed: first in,
 * first out among ties. {@link java.util.PriorityQueue} and {@code SplPriorityQueue} give no such
 * promise (equal elements come out in an order that depends on the heap's history).
 *
 * <p>Ties are broken by a sequence number: each push stamps the element with the next value of a
 * 64-bit counter, and the queue orders by the comparator first and by that number second. The
 * counter restarts at zero when the queue is {@linkplain #clear() cleared}; it cannot wrap in
 * practice (2^63 pushes). The queue is a binary heap over two parallel arrays (elements and
 * numbers), so a push allocates nothing beyond the arrays' occasional growth. Push and pop take
 * O(log n) comparisons.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Elements must not be null: {@link #push} rejects null with a {@link NullPointerException}.
 *   <li>If the comparator throws, the exception propagates and the queue is unchanged.
 *   <li>The iterator visits the elements in the internal array order (unspecified, the next to pop
 *       first), is fail-fast ({@link ConcurrentModificationException} after a push, pop or clear),
 *       and does not support {@code remove}. {@link #drain()} gives the elements in pop order.
 * </ul>
 *
 * <p>Not thread-safe: confine a queue to one thread at a time, or guard every call with one lock.
 *
 * @param <T> the element type
 */
public interface StablePriorityQueue<T> extends Iterable<T> {
  /** A queue that pops the smallest element first by natural order, ties in push order. */
  static <T extends Comparable<? super T>> StablePriorityQueue<T> min() {
    return new StableArrayQueue<>(NaturalOrder.ascending());
  }

  /** A queue that pops the largest element first by natural order, ties in push order. */
  static <T extends Comparable<? super T>> StablePriorityQueue<T> max() {
    return new StableArrayQueue<>(NaturalOrder.descending());
  }

  /**
   * A queue that pops the smallest element by {@code order} first, ties in push order.
   *
   * @throws NullPointerException if {@code order} is null
   */
  static <T> StablePriorityQueue<T> by(Comparator<? super T> order) {
    return new StableArrayQueue<>(Checks.notNull(order, "order"));
  }

  /**
   * Adds {@code element} behind every queued element that compares equal to it.
   *
   * @throws NullPointerException if {@code element} is null
   * @throws IllegalStateException if the queue already holds the largest number of elements a Java
   *     array can (about 2^31)
   */
  void push(T element);

  /**
   * The element {@link #pop()} would return, left in the queue.
   *
   * @throws NoSuchElementException if the queue is empty
   */
  T peek();

  /**
   * Removes and returns the smallest element; among equal ones, the one pushed first.
   *
   * @throws NoSuchElementException if the queue is empty
   */
  T pop();

  /** As {@link #pop()}, but returns null if the queue is empty. */
  T poll();

  /** The number of elements. */
  int size();

  /** True when the queue holds no elements. */
  boolean isEmpty();

  /** Removes every element and restarts the sequence counter (the capacity is kept). */
  void clear();

  /** Removes every element and returns them in pop order. */
  List<T> drain();

  /** The order the queue pops by (before the push order breaks ties): smallest first. */
  Comparator<? super T> comparator();

  /** The elements in internal order (unspecified, the next to pop first); fail-fast, without {@code remove}. */
  @Override
  Iterator<T> iterator();
}
