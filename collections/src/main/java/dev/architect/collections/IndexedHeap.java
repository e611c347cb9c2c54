package dev.architect.collections;

import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.StringJoiner;

/**
 * {@link IndexedPriorityQueue} as a 4-ary heap over three parallel arrays: keys, sequence numbers and
 * entries. Comparisons read only the two {@code long} arrays (four children sit next to each other in
 * one or two cache lines); every move updates the moved entry's slot, which is what makes a handle
 * O(1) to find.
 *
 * <p>Keys are the priorities XOR {@code flip}: 0 for min-first, -1 (bitwise not) for max-first. The
 * bitwise not reverses the order of all {@code long}s exactly, with no overflow at
 * {@link Long#MIN_VALUE}, so both orders share one min-heap.
 */
final class IndexedHeap<T> implements IndexedPriorityQueue<T> {
  private static final int INITIAL_CAPACITY = 16;

  private final long flip;
  private long[] keys = new long[INITIAL_CAPACITY];
  private long[] sequences = new long[INITIAL_CAPACITY];
  private Object[] entries = new Object[INITIAL_CAPACITY];
  private int size;
  private long nextSequence;
  private int modCount;

  IndexedHeap(boolean maxFirst) {
    this.flip = maxFirst ? -1L : 0L;
  }

  /** An element, its priority and its current slot (-1 once it left the queue): the handle. */
  static final class Entry<T> implements Handle<T> {
    private final T element;
    private final IndexedHeap<T> queue;
    private long priority;
    private int slot = -1;

    Entry(T element, long priority, IndexedHeap<T> queue) {
      this.element = element;
      this.priority = priority;
      this.queue = queue;
    }

    @Override
    public T element() {
      return element;
    }

    @Override
    public long priority() {
      return priority;
    }

    @Override
    public boolean isQueued() {
      return slot >= 0;
    }

    /** {@code element@priority}. */
    @Override
    public String toString() {
      return element + "@" + priority;
    }
  }

  /** Whether key/sequence (k1, s1) pops before (k2, s2). */
  private static boolean before(long k1, long s1, long k2, long s2) {
    return k1 < k2 || (k1 == k2 && s1 < s2);
  }

  @Override
  public Handle<T> push(T element, long priority) {
    Checks.notNull(element, "element");
    int slot = size;
    if (slot == entries.length) {
      int capacity = Checks.grow(entries.length, "queue");
      keys = Arrays.copyOf(keys, capacity);
      sequences = Arrays.copyOf(sequences, capacity);
      entries = Arrays.copyOf(entries, capacity);
    }
    Entry<T> entry = new Entry<>(element, priority, this);
    size = slot + 1;
    siftUp(slot, priority ^ flip, nextSequence++, entry);
    modCount++;
    return entry;
  }

  @Override
  public T peek() {
    return peekHandle().element();
  }

  @Override
  public long peekPriority() {
    if (size == 0) {
      throw new NoSuchElementException("queue is empty");
    }
    return keys[0] ^ flip;
  }

  @Override
  public Handle<T> peekHandle() {
    if (size == 0) {
      throw new NoSuchElementException("queue is empty");
    }
    return entryAt(entries, 0);
  }

  @Override
  public T pop() {
    if (size == 0) {
      throw new NoSuchElementException("queue is empty");
    }
    return removeAt(0);
  }

  @Override
  public T poll() {
    return size == 0 ? null : removeAt(0);
  }

  @Override
  public void update(Handle<T> handle, long newPriority) {
    Entry<T> entry = queued(handle);
    int slot = entry.slot;
    long key = newPriority ^ flip;
    long sequence = nextSequence++;
    entry.priority = newPriority;
    if (before(key, sequence, keys[slot], sequences[slot])) {
      siftUp(slot, key, sequence, entry);
    } else {
      siftDown(slot, key, sequence, entry);
    }
    modCount++;
  }

  @Override
  public T remove(Handle<T> handle) {
    return removeAt(queued(handle).slot);
  }

  @Override
  public boolean contains(Handle<T> handle) {
    return handle instanceof Entry<T> entry && entry.queue == this && entry.slot >= 0;
  }

  private Entry<T> queued(Handle<T> handle) {
    Checks.notNull(handle, "handle");
    if (!(handle instanceof Entry<T> entry) || entry.queue != this) {
      throw new IllegalArgumentException("handle " + handle + " was not returned by this queue");
    }
    if (entry.slot < 0) {
      throw new IllegalArgumentException(
          "handle " + handle + " is stale: its entry was already popped, removed or cleared");
    }
    return entry;
  }

  /** Takes the entry at {@code slot} out and fills the slot with the last entry. */
  private T removeAt(int slot) {
    Object[] es = entries;
    Entry<T> removed = entryAt(es, slot);
    int last = --size;
    if (slot != last) {
      long key = keys[last];
      long sequence = sequences[last];
      Entry<T> moved = entryAt(es, last);
      es[last] = null;
      siftDown(slot, key, sequence, moved);
      if (moved.slot == slot) {
        // It did not go down; a removal from the middle may have to move it up instead.
        siftUp(slot, key, sequence, moved);
      }
    } else {
      es[last] = null;
    }
    removed.slot = -1;
    modCount++;
    return removed.element;
  }

  /** Places (key, sequence, entry) at {@code slot} or above, moving the parents it passes down. */
  private void siftUp(int slot, long key, long sequence, Entry<T> entry) {
    long[] ks = keys;
    long[] ss = sequences;
    Object[] es = entries;
    while (slot > 0) {
      int parent = (slot - 1) >>> 2;
      long parentKey = ks[parent];
      if (!before(key, sequence, parentKey, ss[parent])) {
        break;
      }
      ks[slot] = parentKey;
      ss[slot] = ss[parent];
      Entry<T> moved = entryAt(es, parent);
      es[slot] = moved;
      moved.slot = slot;
      slot = parent;
    }
    ks[slot] = key;
    ss[slot] = sequence;
    es[slot] = entry;
    entry.slot = slot;
  }

  /** Places (key, sequence, entry) at {@code slot} or below, moving the smallest children it passes up. */
  private void siftDown(int slot, long key, long sequence, Entry<T> entry) {
    long[] ks = keys;
    long[] ss = sequences;
    Object[] es = entries;
    int n = size;
    int lastParent = n >= 2 ? (n - 2) >>> 2 : -1;
    while (slot <= lastParent) {
      int child = (slot << 2) + 1;
      int end = Math.min(child + 4, n);
      int best = child;
      long bestKey = ks[child];
      long bestSequence = ss[child];
      for (int c = child + 1; c < end; c++) {
        long k = ks[c];
        if (k < bestKey || (k == bestKey && ss[c] < bestSequence)) {
          best = c;
          bestKey = k;
          bestSequence = ss[c];
        }
      }
      if (!before(bestKey, bestSequence, key, sequence)) {
        break;
      }
      ks[slot] = bestKey;
      ss[slot] = bestSequence;
      Entry<T> moved = entryAt(es, best);
      es[slot] = moved;
      moved.slot = slot;
      slot = best;
    }
    ks[slot] = key;
    ss[slot] = sequence;
    es[slot] = entry;
    entry.slot = slot;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public void clear() {
    Object[] es = entries;
    for (int i = 0; i < size; i++) {
      entryAt(es, i).slot = -1;
      es[i] = null;
    }
    size = 0;
    nextSequence = 0;
    modCount++;
  }

  @Override
  public Iterator<Handle<T>> iterator() {
    return new Iterator<>() {
      private final int expected = modCount;
      private int cursor;

      @Override
      public boolean hasNext() {
        checkForModification();
        return cursor < size;
      }

      @Override
      public Handle<T> next() {
        checkForModification();
        if (cursor >= size) {
          throw new NoSuchElementException("no entry after the queue's last (" + size + " entries)");
        }
        return entryAt(entries, cursor++);
      }

      @Override
      public void remove() {
        throw new UnsupportedOperationException(
            "queue iterators do not support remove; use IndexedPriorityQueue.remove(handle)");
      }

      private void checkForModification() {
        if (modCount != expected) {
          throw new ConcurrentModificationException("queue was modified during iteration");
        }
      }
    };
  }

  /** The entries in iteration order (the next to pop first), as {@code [a@1, c@7, b@3]}. */
  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(", ", "[", "]");
    for (int i = 0; i < size; i++) {
      text.add(entries[i].toString());
    }
    return text.toString();
  }

  @SuppressWarnings("unchecked")
  private static <T> Entry<T> entryAt(Object[] es, int slot) {
    return (Entry<T>) es[slot];
  }
}
