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
 * {@link Heap} as an array holding a complete d-ary tree: the children of slot {@code i} are the
 * slots {@code d*i + 1} to {@code d*i + d}. Binary heaps take a two-child path of their own.
 *
 * <p>Push and pop sift with a hole, as {@link java.util.PriorityQueue} does: the element being placed
 * is held aside, the elements it passes move one slot each, and it is written once at the end. If the
 * comparator throws half-way, the moves made so far all lie on one path between the start and the
 * hole, so they are undone by walking that path back (no comparison needed), and the exception
 * propagates from an unchanged heap. The undo costs nothing until a comparator throws.
 */
final class ArrayHeap<T> implements Heap<T> {
  static final int MAX_ARITY = 64;
  private static final int INITIAL_CAPACITY = 16;

  private final int arity;
  /** log2(arity) when the arity is a power of two, else -1: a shift instead of a division. */
  private final int shift;
  /** The order as given, which {@link #comparator()} returns. */
  private final Comparator<? super T> given;
  /** The order compared by: {@link NaturalOrder#canonical} of the given one. */
  private final Comparator<? super T> order;
  private Object[] elements = new Object[INITIAL_CAPACITY];
  private int size;
  private int modCount;

  ArrayHeap(int arity, Comparator<? super T> order) {
    this.arity = arity;
    this.shift = Integer.bitCount(arity) == 1 ? Integer.numberOfTrailingZeros(arity) : -1;
    this.given = order;
    this.order = NaturalOrder.canonical(order);
  }

  private int parent(int slot) {
    return shift >= 0 ? (slot - 1) >>> shift : (slot - 1) / arity;
  }

  @Override
  public void push(T element) {
    Checks.notNull(element, "element");
    Object[] es = elements;
    int last = size;
    if (last == es.length) {
      es = elements = Arrays.copyOf(es, Checks.grow(es.length, "heap"));
    }
    Comparator<? super T> cmp = order;
    boolean natural = cmp == NaturalOrder.ASCENDING; // decided once, outside the loop
    int hole = last;
    boolean binary = arity == 2; // a constant shift in the loop, as PriorityQueue's
    try {
      while (hole > 0) {
        int parent = binary ? (hole - 1) >>> 1 : parent(hole);
        T above = elementAt(es, parent);
        if (compare(natural, cmp, element, above) >= 0) {
          break;
        }
        es[hole] = above;
        hole = parent;
      }
    } catch (RuntimeException | Error failure) {
      undoSiftUp(es, last, hole);
      throw failure;
    }
    es[hole] = element;
    size = last + 1;
    modCount++;
  }

  /**
   * Undoes a sift-up from {@code start} that stopped at {@code hole}: every parent passed moved down
   * one slot along the path, so each moves back up, and {@code start} (a new slot) is empty again.
   */
  private void undoSiftUp(Object[] es, int start, int hole) {
    Object carry = null;
    for (int slot = start; slot != hole; slot = parent(slot)) {
      Object moved = es[slot];
      es[slot] = carry;
      carry = moved;
    }
    es[hole] = carry;
  }

  @Override
  public T peek() {
    if (size == 0) {
      throw new NoSuchElementException("heap is empty");
    }
    return elementAt(elements, 0);
  }

  @Override
  public T pop() {
    if (size == 0) {
      throw new NoSuchElementException("heap is empty");
    }
    return removeTop();
  }

  @Override
  public T poll() {
    return size == 0 ? null : removeTop();
  }

  private T removeTop() {
    return arity == 2 ? removeTopBinary() : removeTopDAry();
  }

  private T removeTopBinary() {
    Object[] es = elements;
    T top = elementAt(es, 0);
    int n = size - 1; // the size afterwards; es[n], the last element, fills the hole left by the top
    if (n > 0) {
      T last = elementAt(es, n);
      Comparator<? super T> cmp = order;
      boolean natural = cmp == NaturalOrder.ASCENDING; // decided once, outside the loop
      int hole = 0;
      int half = n >>> 1; // the slots below half have a child
      try {
        while (hole < half) {
          int child = 2 * hole + 1;
          T smaller = elementAt(es, child);
          int right = child + 1;
          if (right < n) {
            T other = elementAt(es, right);
            if (compare(natural, cmp, other, smaller) < 0) {
              child = right;
              smaller = other;
            }
          }
          if (compare(natural, cmp, last, smaller) <= 0) {
            break;
          }
          es[hole] = smaller;
          hole = child;
        }
      } catch (RuntimeException | Error failure) {
        undoSiftDown(es, hole, top);
        throw failure;
      }
      es[hole] = last;
    }
    es[n] = null;
    size = n;
    modCount++;
    return top;
  }

  private T removeTopDAry() {
    Object[] es = elements;
    T top = elementAt(es, 0);
    int n = size - 1;
    if (n > 0) {
      T last = elementAt(es, n);
      Comparator<? super T> cmp = order;
      boolean natural = cmp == NaturalOrder.ASCENDING; // decided once, outside the loop
      int d = arity;
      int hole = 0;
      try {
        long first; // long: hole * d + 1 can pass Integer.MAX_VALUE in a very large heap
        while ((first = (long) hole * d + 1) < n) {
          int child = (int) first;
          int end = n - child > d ? child + d : n;
          T smallest = elementAt(es, child);
          for (int c = child + 1; c < end; c++) {
            T candidate = elementAt(es, c);
            if (compare(natural, cmp, candidate, smallest) < 0) {
              child = c;
              smallest = candidate;
            }
          }
          if (compare(natural, cmp, last, smallest) <= 0) {
            break;
          }
          es[hole] = smallest;
          hole = child;
        }
      } catch (RuntimeException | Error failure) {
        undoSiftDown(es, hole, top);
        throw failure;
      }
      es[hole] = last;
    }
    es[n] = null;
    size = n;
    modCount++;
    return top;
  }

  /**
   * Undoes a sift-down from the root that stopped at {@code hole}: every child passed moved up one
   * slot along the path, so each moves back down, and the root gets {@code top} back.
   */
  private void undoSiftDown(Object[] es, int hole, T top) {
    for (int slot = hole; slot > 0; ) {
      int parent = parent(slot);
      es[slot] = es[parent];
      slot = parent;
    }
    es[0] = top;
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
    return given;
  }

  @Override
  public int arity() {
    return arity;
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
          throw new NoSuchElementException("no element after the heap's last (" + size + " elements)");
        }
        return elementAt(elements, cursor++);
      }

      @Override
      public void remove() {
        throw new UnsupportedOperationException("heap iterators do not support remove; use pop, poll or clear");
      }

      private void checkForModification() {
        if (modCount != expected) {
          throw new ConcurrentModificationException("heap was modified during iteration");
        }
      }
    };
  }

  /** The elements in iteration order (the top first), as {@code [1, 4, 2]}. */
  @Override
  public String toString() {
    StringJoiner text = new StringJoiner(", ", "[", "]");
    for (int i = 0; i < size; i++) {
      text.add(String.valueOf(elements[i]));
    }
    return text.toString();
  }

  /**
   * {@code cmp.compare(a, b)}, except that natural order ({@code natural}: {@code cmp} is
   * {@link NaturalOrder#ASCENDING}) calls {@code compareTo} directly, as
   * {@link java.util.PriorityQueue} does. A program holds heaps with many comparators, so the JIT
   * often sees several at {@code cmp.compare} and cannot inline it; the {@code compareTo} call site
   * below sees only the element types of natural-order heaps, and is inlined as PriorityQueue's is.
   */
  @SuppressWarnings("unchecked")
  private static <T> int compare(boolean natural, Comparator<? super T> cmp, T a, T b) {
    return natural ? ((Comparable<? super T>) a).compareTo(b) : cmp.compare(a, b);
  }

  @SuppressWarnings("unchecked")
  private static <T> T elementAt(Object[] es, int slot) {
    return (T) es[slot];
  }
}
