package dev.architect.collections;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.StringJoiner;

/**
 * {@link StablePriorityQueue} as a binary heap over two parallel arrays: the elements and their
 * sequence numbers. A pop is bottom-up and compares before it moves anything: it walks the hole down
 * to a leaf towards the child that pops first, recording the path, finds from the bottom where the
 * last element belongs, and only then shifts the path up. A push likewise finds its slot first. So a
 * comparator that throws leaves the queue as it was.
 */
final class StableArrayQueue<T> implements StablePriorityQueue<T> {
  private static final int INITIAL_CAPACITY = 16;
  private static final int MAX_DEPTH = 32;

  private final Comparator<? super T> order;
  private final int[] path = new int[MAX_DEPTH];
  private Object[] elements = new Object[INITIAL_CAPACITY];
  private long[] sequences = new long[INITIAL_CAPACITY];
  private int size;
  private long nextSequence;
  private int modCount;

  StableArrayQueue(Comparator<? super T> order) {
    this.order = order;
  }

  /** Whether (a, sa) pops before (b, sb): by the comparator, then by sequence number. */
  private boolean before(T a, long sa, T b, long sb) {
    int c = order.compare(a, b);
    return c < 0 || (c == 0 && sa < sb);
  }

  @Override
  public void push(T element) {
    Checks.notNull(element, "element");
    int last = size;
    if (last == elements.length) {
      int capacity = Checks.grow(elements.length, "queue");
      elements = Arrays.copyOf(elements, capacity);
      sequences = Arrays.copyOf(sequences, capacity);
    }
    Object[] es = elements;
    long[] seqs = sequences;
    long sequence = nextSequence;
    int hole = last;
    while (hole > 0) {
      int parent = (hole - 1) >>> 1;
      if (!before(element, sequence, elementAt(es, parent), seqs[parent])) {
        break;
      }
      hole = parent;
    }
    for (int slot = last; slot != hole; ) {
      int parent = (slot - 1) >>> 1;
      es[slot] = es[parent];
      seqs[slot] = seqs[parent];
      slot = parent;
    }
    es[hole] = element;
    seqs[hole] = sequence;
    nextSequence = sequence + 1;
    size = last + 1;
    modCount++;
  }

  @Override
  public T peek() {
    if (size == 0) {
      throw new NoSuchElementException("queue is empty");
    }
    return elementAt(elements, 0);
  }

  @Override
  public T pop() {
    if (size == 0) {
      throw new NoSuchElementException("queue is empty");
    }
    return removeTop();
  }

  @Override
  public T poll() {
    return size == 0 ? null : removeTop();
  }

  private T removeTop() {
    Object[] es = elements;
    long[] seqs = sequences;
    T top = elementAt(es, 0);
    int n = size - 1;
    T last = elementAt(es, n);
    long lastSequence = seqs[n];
    if (n > 0) {
      int[] path = this.path;
      // 1. The hole walks down to a leaf, towards the child that pops first.
      int depth = 0;
      int slot = 0;
      int child;
      while ((child = 2 * slot + 1) < n && child > 0) {
        int right = child + 1;
        if (right < n && before(elementAt(es, right), seqs[right], elementAt(es, child), seqs[child])) {
          child = right;
        }
        path[++depth] = child;
        slot = child;
      }
      // 2. From the leaf up, the level where the last element belongs.
      int level = depth;
      while (level > 0 && before(last, lastSequence, elementAt(es, path[level]), seqs[path[level]])) {
        level--;
      }
      // 3. Only now move anything.
      for (int i = 1; i <= level; i++) {
        es[path[i - 1]] = es[path[i]];
        seqs[path[i - 1]] = seqs[path[i]];
      }
      es[path[level]] = last;
      seqs[path[level]] = lastSequence;
    }
    es[n] = null;
    size = n;
    modCount++;
    return top;
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
    Arrays.fill(elements, 0, size, null);
    size = 0;
    nextSequence = 0;
    modCount++;
  }

  @Override
  public List<T> drain() {
    List<T> drained = new ArrayList<>(size);
    while (size > 0) {
      drained.add(removeTop());
    }
    return drained;
  }

  @Override
  public Comparator<? super T> comparator() {
    return order;
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private final int expected = modCount;
      private int cursor;

      @Override
      public boolean hasNext() {
        checkForModification();
        return cursor < size;
      }

      @Override
      public T next() {
        checkForModification();
        if (cursor >= size) {
          throw new NoSuchElementException("no element after the queue's last (" + size + " elements)");
        }
        return elementAt(elements, cursor++);
      }

      @Override
      public void remove() {
        throw new UnsupportedOperationException("queue iterators do not support remove; use pop, poll or clear");
      }

      private void checkForModification() {
        if (modCount != expected) {
          throw new ConcurrentModificationException("queue was modified during iteration");
        }
      }
    };
  }

  /** The elements in iteration order (the next to pop first), as {@code [a, c, b]}. */
  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(", ", "[", "]");
    for (int i = 0; i < size; i++) {
      text.add(String.valueOf(elements[i]));
    }
    return text.toString();
  }

  @SuppressWarnings("unchecked")
  private static <T> T elementAt(Object[] es, int slot) {
    return (T) es[slot];
  }
}
