package dev.architect.collections;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator that can show its next element without consuming it: the counterpart of PHP's
 * {@code CachingIterator} look-ahead. Made by {@link Iterators#lookahead(Iterator)}.
 *
 * <p>Not thread-safe, like the iterator it wraps.
 *
 * @param <T> the element type
 */
public interface PeekingIterator<T> extends Iterator<T> {
  /**
   * The element the next call to {@link #next()} will return, without consuming it. Repeated calls
   * return the same element and pull at most one element from the underlying iterator.
   *
   * @throws NoSuchElementException if there is no next element
   */
  T peek();
}
