/**
 * Architect Collections: fixed-size arrays (object and primitive), binary and d-ary heaps, an
 * indexed priority queue with update and remove by handle, a stable priority queue, and lazy
 * iterator tools.
 *
 * <p>Start at {@link dev.architect.collections.Heap}, {@link dev.architect.collections.IndexedPriorityQueue}
 * or {@link dev.architect.collections.Iterators}. Nothing here is thread-safe.
 */
module dev.architect.collections {
  exports dev.architect.collections;
}
