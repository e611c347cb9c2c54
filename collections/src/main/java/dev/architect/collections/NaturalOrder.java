package dev.architect.collections;

import java.util.Comparator;

/**
 * Natural order (and its reverse) for the heaps made by {@code min()} and {@code max()}. It compares
 * exactly as {@link Comparator#naturalOrder()} and {@link Comparator#reverseOrder()} do, but through
 * a {@code compareTo} call site of this package's own: the JIT inlines {@code compareTo} by the types
 * it has seen at a call site, and the JDK's shared natural-order comparator sees every type any
 * library sorts (strings, in most programs), while this one sees only heap elements.
 */
enum NaturalOrder implements Comparator<Comparable<Object>> {
  ASCENDING {
    @Override
    public int compare(Comparable<Object> a, Comparable<Object> b) {
      return a.compareTo(b);
    }

    @Override
    public Comparator<Comparable<Object>> reversed() {
      return DESCENDING;
    }
  },
  DESCENDING {
    @Override
    public int compare(Comparable<Object> a, Comparable<Object> b) {
      return b.compareTo(a);
    }

    @Override
    public Comparator<Comparable<Object>> reversed() {
      return ASCENDING;
    }
  };

  @SuppressWarnings("unchecked")
  static <T extends Comparable<? super T>> Comparator<T> ascending() {
    return (Comparator<T>) (Comparator<?>) ASCENDING;
  }

  @SuppressWarnings("unchecked")
  static <T extends Comparable<? super T>> Comparator<T> descending() {
    return (Comparator<T>) (Comparator<?>) DESCENDING;
  }

  /**
   * {@code order}, or this package's own natural order when {@code order} is the JDK's
   * {@link Comparator#naturalOrder()} or {@link Comparator#reverseOrder()}: they compare alike, and
   * the heaps take a faster path for {@link #ASCENDING}.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <T> Comparator<? super T> canonical(Comparator<? super T> order) {
    if (order == (Comparator) Comparator.naturalOrder()) {
      return (Comparator<? super T>) (Comparator<?>) ASCENDING;
    }
    if (order == (Comparator) Comparator.reverseOrder()) {
      return (Comparator<? super T>) (Comparator<?>) DESCENDING;
    }
    return order;
  }
}
