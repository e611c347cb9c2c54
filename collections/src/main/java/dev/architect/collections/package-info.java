/**
 * Fixed-size arrays, heaps, priority queues and iterator tools.
 *
 * <ul>
 *   <li>{@link dev.architect.collections.FixedArray}, {@link dev.architect.collections.IntArray},
 *       {@link dev.architect.collections.LongArray}, {@link dev.architect.collections.DoubleArray}:
 *       arrays of a fixed length, bounds-checked, the primitive ones without boxing.
 *   <li>{@link dev.architect.collections.Heap}: binary and d-ary heaps ordered by a comparator.
 *   <li>{@link dev.architect.collections.IndexedPriorityQueue}: {@code long} priorities, handles to
 *       update or remove a queued element in O(log n), FIFO among equal priorities.
 *   <li>{@link dev.architect.collections.StablePriorityQueue}: a comparator-ordered queue that pops
 *       equal elements in the order they were pushed.
 *   <li>{@link dev.architect.collections.Iterators}: lazy limit, skip, lookahead, chunk and zip.
 * </ul>
 *
 * <p>None of these types is thread-safe: confine each instance to one thread at a time, or guard it
 * with a lock of your own. Iterators over the heaps and queues are fail-fast.
 */
package dev.architect.collections;
