package dev.architect.collections;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;

/**
 * Lazy iterator tools: {@link #limit}, {@link #skip}, {@link #lookahead}, {@link #chunk} and
 * {@link #zip}. The counterparts of PHP's {@code LimitIterator}, {@code CachingIterator} and
 * {@code MultipleIterator}, for any {@link Iterator}, including endless ones.
 *
 * <p>Every tool is lazy: creating one pulls nothing from its source, and each call pulls only what it
 * needs ({@code limit(it, 0)} never touches {@code it}; {@code skip} skips on the first
 * {@code hasNext} or {@code next}). Elements pass through unchanged, nulls included. The iterators
 * returned do not support {@code remove}: it throws {@link UnsupportedOperationException} naming the
 * tool. A source must not be used directly once wrapped (the wrapper may have pulled ahead of it).
 *
 * <p>The iterators are not thread-safe, like their sources.
 */
public final class Iterators {
  private Iterators() {}

  /**
   * The first {@code max} elements of {@code source}, or fewer if it has fewer.
   *
   * @throws NullPointerException if {@code source} is null
   * @throws IllegalArgumentException if {@code max} is negative
   */
  public static <T> Iterator<T> limit(Iterator<? extends T> source, long max) {
    Checks.notNull(source, "source");
    if (max < 0) {
      throw new IllegalArgumentException("max must not be negative, was " + max);
    }
    return new Tool<>("limit") {
      private long left = max;

      @Override
      public boolean hasNext() {
        return left > 0 && source.hasNext();
      }

      @Override
      public T next() {
        if (left <= 0) {
          throw new NoSuchElementException("limit of " + max + " elements reached");
        }
        T next = source.next();
        left--;
        return next;
      }
    };
  }

  /**
   * {@code source} without its first {@code count} elements (empty if it has no more than that). The
   * elements are skipped on the first call to {@code hasNext} or {@code next}.
   *
   * @throws NullPointerException if {@code source} is null
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public static <T> Iterator<T> skip(Iterator<? extends T> source, long count) {
    Checks.notNull(source, "source");
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    return new Tool<>("skip") {
      private long toSkip = count;

      @Override
      public boolean hasNext() {
        skipAhead();
        return source.hasNext();
      }

      @Override
      public T next() {
        skipAhead();
        return source.next();
      }

      private void skipAhead() {
        while (toSkip > 0 && source.hasNext()) {
          source.next();
          toSkip--;
        }
        toSkip = 0;
      }
    };
  }

  /**
   * {@code source} with {@link PeekingIterator#peek() peek}: a look at the next element that does
   * not consume it.
   *
   * @throws NullPointerException if {@code source} is null
   */
  public static <T> PeekingIterator<T> lookahead(Iterator<? extends T> source) {
    Checks.notNull(source, "source");
    return new Lookahead<>(source);
  }

  /**
   * {@code source} in consecutive chunks of {@code size} elements; the last chunk holds what is left
   * (1 to {@code size} elements), and there is no empty chunk. Each chunk is an unmodifiable list,
   * pulled from the source when {@code next} is called.
   *
   * @throws NullPointerException if {@code source} is null
   * @throws IllegalArgumentException if {@code size} is not positive
   */
  public static <T> Iterator<List<T>> chunk(Iterator<? extends T> source, int size) {
    Checks.notNull(source, "source");
    if (size <= 0) {
      throw new IllegalArgumentException("size must be positive, was " + size);
    }
    return new Tool<>("chunk") {
      @Override
      public boolean hasNext() {
        return source.hasNext();
      }

      @Override
      public List<T> next() {
        if (!source.hasNext()) {
          throw new NoSuchElementException("no chunk left");
        }
        List<T> chunk = new ArrayList<>(Math.min(size, 1024));
        while (chunk.size() < size && source.hasNext()) {
          chunk.add(source.next());
        }
        // Not List.copyOf: elements may be null.
        return Collections.unmodifiableList(chunk);
      }
    };
  }

  /**
   * Pairs of elements taken from {@code first} and {@code second} in step, combined by
   * {@code combiner}; it ends when either source ends (the other is left where it was, at most one
   * element ahead: {@code hasNext} asks {@code first}, then {@code second}).
   *
   * @throws NullPointerException if an argument is null
   */
  public static <A, B, R> Iterator<R> zip(Iterator<? extends A> first, Iterator<? extends B> second,
      BiFunction<? super A, ? super B, ? extends R> combiner) {
    Checks.notNull(first, "first");
    Checks.notNull(second, "second");
    Checks.notNull(combiner, "combiner");
    return new Tool<>("zip") {
      @Override
      public boolean hasNext() {
        return first.hasNext() && second.hasNext();
      }

      @Override
      public R next() {
        if (!hasNext()) {
          throw new NoSuchElementException("one of the zipped iterators is exhausted");
        }
        return combiner.apply(first.next(), second.next());
      }
    };
  }

  /** An iterator made by one of the tools: {@code remove} names it. */
  private abstract static class Tool<T> implements Iterator<T> {
    private final String name;

    Tool(String name) {
      this.name = name;
    }

    @Override
    public final void remove() {
      throw new UnsupportedOperationException("Iterators." + name + " does not support remove");
    }
  }

  private static final class Lookahead<T> extends Tool<T> implements PeekingIterator<T> {
    private final Iterator<? extends T> source;
    private boolean peeked;
    private T next;

    Lookahead(Iterator<? extends T> source) {
      super("lookahead");
      this.source = source;
    }

    @Override
    public boolean hasNext() {
      return peeked || source.hasNext();
    }

    @Override
    public T peek() {
      if (!peeked) {
        if (!source.hasNext()) {
          throw new NoSuchElementException("nothing to peek at: the iterator is exhausted");
        }
        next = source.next();
        peeked = true;
      }
      return next;
    }

    @Override
    public T next() {
      if (!peeked) {
        return source.next();
      }
      T result = next;
      next = null;
      peeked = false;
      return result;
    }
  }
}
