package dev.architect.collections;

import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A priority queue of elements with {@code long} priorities, where {@link #push} returns a
 * {@link Handle} through which the element can later be re-prioritised ({@link #update}) or taken out
 * ({@link #remove}) in O(log n): the queue for timers (priority = deadline, cancel = remove), for
 * schedulers, and for algorithms that decrease keys (Dijkstra, Prim, A*).
 *
 * <p>Order: {@link #minFirst()} pops the smallest priority first, {@link #maxFirst()} the largest.
 * Equal priorities pop first in, first out: each push, and each {@link #update}, stamps the entry with
 * the next value of a 64-bit sequence counter, which breaks ties. An update therefore counts as a
 * re-insertion: the entry goes behind the entries that already have its new priority, even when the
 * priority did not change. Priorities are plain {@code long}s (all values allowed, no boxing, no
 * comparator), so no operation can fail half-way.
 *
 * <p>Handles: a handle stays valid while its entry is queued. Once the entry is popped, polled,
 * removed or cleared, the handle is stale: {@link Handle#isQueued()} turns false, and {@code update}
 * or {@code remove} with it throws {@link IllegalArgumentException} (so does a handle of another
 * queue). {@link #contains(Handle)} checks without throwing: cancelling a timer that may already have
 * fired is {@code if (queue.contains(h)) queue.remove(h)}. A handle keeps its element and last
 * priority readable after it goes stale.
 *
 * <p>Costs: push, pop, update and remove O(log n), peek O(1), clear O(n) (it marks every handle
 * stale). The queue is a 4-ary heap over parallel arrays of priorities, sequence numbers and entries,
 * so comparisons read primitive arrays, never the entries; each push allocates one small entry (the
 * handle). Elements must not be null.
 *
 * <p>Iteration visits the queued handles in internal order (unspecified, the next to pop first); the
 * iterator is fail-fast ({@link ConcurrentModificationException} after any push, pop, update, remove
 * or clear) and does not support {@code remove}.
 *
 * <p>Not thread-safe, and handles are no safer: confine a queue and its handles to one thread at a
 * time (a scheduler's own thread or carrier, for instance), or guard every call with one lock.
 *
 * @param <T> the element type
 */
public interface IndexedPriorityQueue<T> extends Iterable<IndexedPriorityQueue.Handle<T>> {
  /** An empty queue that pops the smallest priority first (deadlines, distances). */
  static <T> IndexedPriorityQueue<T> minFirst() {
    return new IndexedHeap<>(false);
  }

  /** An empty queue that pops the largest priority first (scores, urgency). */
  static <T> IndexedPriorityQueue<T> maxFirst() {
    return new IndexedHeap<>(true);
  }

  /**
   * A queued element: returned by {@link #push}, accepted by {@link #update} and {@link #remove}.
   * Handles compare by identity.
   *
   * @param <T> the element type
   */
  interface Handle<T> {
    /** The element pushed with this handle. */
    T element();

    /** The entry's priority: the current one while queued, the last one after. */
    long priority();

    /** True while the entry is in its queue; false once popped, polled, removed or cleared. */
    boolean isQueued();
  }

  /**
   * Adds {@code element} with {@code priority}, behind any entries of equal priority.
   *
   * @return the handle to update or remove the entry with
   * @throws NullPointerException if {@code element} is null
   * @throws IllegalStateException if the queue already holds the largest number of elements a Java
   *     array can (about 2^31)
   */
  Handle<T> push(T element, long priority);

  /**
   * The element that {@link #pop()} would return, left in the queue.
   *
   * @throws NoSuchElementException if the queue is empty
   */
  T peek();

  /**
   * The priority of the element that {@link #pop()} would return: for timers, the next deadline.
   *
   * @throws NoSuchElementException if the queue is empty
   */
  long peekPriority();

  /**
   * The handle of the element that {@link #pop()} would return, left in the queue.
   *
   * @throws NoSuchElementException if the queue is empty
   */
  Handle<T> peekHandle();

  /**
   * Removes and returns the first element: smallest priority first (largest for
   * {@link #maxFirst()}), ties in push/update order. Its handle becomes stale.
   *
   * @throws NoSuchElementException if the queue is empty
   */
  T pop();

  /** As {@link #pop()}, but returns null if the queue is empty. */
  T poll();

  /**
   * Gives the queued entry of {@code handle} the priority {@code newPriority} and moves it to its new
   * place, behind any entries that already have that priority. O(log n).
   *
   * @throws NullPointerException if {@code handle} is null
   * @throws IllegalArgumentException if the handle is stale or belongs to another queue
   */
  void update(Handle<T> handle, long newPriority);

  /**
   * Takes the queued entry of {@code handle} out of the queue. O(log n). The handle becomes stale.
   *
   * @return the entry's element
   * @throws NullPointerException if {@code handle} is null
   * @throws IllegalArgumentException if the handle is stale or belongs to another queue
   */
  T remove(Handle<T> handle);

  /** True when {@code handle} is queued in this queue (false for null, stale or foreign handles). */
  boolean contains(Handle<T> handle);

  /** The number of queued entries. */
  int size();

  /** True when the queue holds no entries. */
  boolean isEmpty();

  /** Removes every entry, marking every handle stale, and restarts the sequence counter. O(n). */
  void clear();

  /** The queued handles in internal order (unspecified, the next to pop first); fail-fast, without {@code remove}. */
  @Override
  Iterator<Handle<T>> iterator();
}
