package dev.architect.async;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Internal: the await combinators and {@link Future#iterate}, on a {@link CompletionQueue}. Every
 * combinator works on keys and futures in arrays; a list's keys are its indexes.
 */
final class Combinators {
  private Combinators() {}

  /** The futures and their keys (null keys for a collection: the index is the key). */
  record Input<K>(Object[] keys, Future<?>[] futures) {
    @SuppressWarnings("unchecked")
    K key(int index) {
      return keys == null ? (K) Integer.valueOf(index) : (K) keys[index];
    }
  }

  static Input<Integer> input(Collection<? extends Future<?>> futures) {
    Objects.requireNonNull(futures, "futures");
    Future<?>[] array = futures.toArray(new Future<?>[0]);
    for (int i = 0; i < array.length; i++) {
      if (array[i] == null) {
        throw new NullPointerException("futures[" + i + "] is null");
      }
    }
    return new Input<>(null, array);
  }

  static <K> Input<K> input(Map<K, ? extends Future<?>> futures) {
    Objects.requireNonNull(futures, "futures");
    Object[] keys = new Object[futures.size()];
    Future<?>[] array = new Future<?>[futures.size()];
    int i = 0;
    for (Map.Entry<K, ? extends Future<?>> entry : futures.entrySet()) {
      if (entry.getValue() == null) {
        throw new NullPointerException("futures[" + entry.getKey() + "] is null");
      }
      keys[i] = entry.getKey();
      array[i++] = entry.getValue();
    }
    return new Input<>(keys, array);
  }

  // ---- await: all values, the first error (in completion order) wins.

  static <T> List<T> awaitList(Collection<? extends Future<? extends T>> futures, Cancellation cancellation) {
    Input<Integer> in = input(futures);
    Object[] values = new Object[in.futures.length];
    CompletionQueue queue = new CompletionQueue(in.futures, cancellation);
    try {
      for (int i = queue.next(); i >= 0; i = queue.next()) {
        values[i] = FutureState.unwrap(in.futures[i].state.outcome());
      }
    } finally {
      queue.close();
    }
    @SuppressWarnings("unchecked")
    List<T> list = (List<T>) Collections.unmodifiableList(Arrays.asList(values));
    return list;
  }

  static <K, T> Map<K, T> awaitMap(Map<K, ? extends Future<? extends T>> futures, Cancellation cancellation) {
    Input<K> in = input(futures);
    Map<K, T> values = new LinkedHashMap<>();
    CompletionQueue queue = new CompletionQueue(in.futures, cancellation);
    try {
      for (int i = queue.next(); i >= 0; i = queue.next()) {
        values.put(in.key(i), FutureState.<T>unwrap(in.futures[i].state.outcome()));
      }
    } finally {
      queue.close();
    }
    return Collections.unmodifiableMap(values);
  }

  // ---- awaitAll: every error and every value.

  static <K, T> Settled<K, T> awaitAll(Input<K> in, Cancellation cancellation) {
    Map<K, Throwable> errors = new LinkedHashMap<>();
    Map<K, T> values = new LinkedHashMap<>();
    CompletionQueue queue = new CompletionQueue(in.futures, cancellation);
    try {
      for (int i = queue.next(); i >= 0; i = queue.next()) {
        Object outcome = in.futures[i].state.outcome();
        if (outcome instanceof Failure failure) {
          errors.put(in.key(i), failure.error());
        } else {
          values.put(in.key(i), FutureState.value(outcome));
        }
      }
    } finally {
      queue.close();
    }
    return new Settled<>(errors, values);
  }

  // ---- awaitAnyN: the first count successes; errors tolerated until success is impossible.

  /** The first {@code count} successes, key to value in completion order. */
  static <K, T> Map<K, T> awaitAnyN(int count, Input<K> in, Cancellation cancellation) {
    if (count <= 0) {
      throw new IllegalArgumentException("count must be positive, was " + count);
    }
    if (count > in.futures.length) {
      throw new IllegalArgumentException(
          "count must not exceed the number of futures (" + in.futures.length + "), was " + count);
    }
    Map<K, T> values = new LinkedHashMap<>();
    Map<Object, Throwable> errors = new LinkedHashMap<>();
    CompletionQueue queue = new CompletionQueue(in.futures, cancellation);
    try {
      for (int i = queue.next(); i >= 0; i = queue.next()) {
        Object outcome = in.futures[i].state.outcome();
        if (outcome instanceof Failure failure) {
          errors.put(in.key(i), failure.error());
        } else {
          values.put(in.key(i), FutureState.value(outcome));
          if (values.size() == count) {
            return Collections.unmodifiableMap(values);
          }
        }
      }
    } finally {
      queue.close();
    }
    // Like Amp, waited for every future: fewer than count succeeded.
    if (count == 1) {
      throw new CompositeException("all " + in.futures.length + " futures failed", errors);
    }
    throw new CompositeException(errors.size() + " of " + in.futures.length + " futures failed, so fewer than "
        + count + " succeeded", errors);
  }

  // ---- awaitFirst: the first to complete, value or error.

  static <T> T awaitFirst(Input<?> in, Cancellation cancellation) {
    if (in.futures.length == 0) {
      throw new IllegalArgumentException("futures must not be empty");
    }
    CompletionQueue queue = new CompletionQueue(in.futures, cancellation);
    try {
      return FutureState.unwrap(in.futures[queue.next()].state.outcome());
    } finally {
      queue.close();
    }
  }

  static <T> T awaitAny(Input<?> in, Cancellation cancellation) {
    if (in.futures.length == 0) {
      throw new IllegalArgumentException("futures must not be empty");
    }
    Map<?, T> first = awaitAnyN(1, in, cancellation);
    return first.values().iterator().next();
  }

  // ---- iteration in completion order.

  static <T> Iterable<Future<T>> iterate(Collection<? extends Future<? extends T>> futures,
      Cancellation cancellation) {
    Input<Integer> in = input(futures);
    return () -> new Iterator<>() {
      private final CompletionQueue queue = new CompletionQueue(in.futures, cancellation);

      @Override
      public boolean hasNext() {
        return queue.hasNext();
      }

      @Override
      @SuppressWarnings("unchecked")
      public Future<T> next() {
        int index = queue.next();
        if (index < 0) {
          throw new NoSuchElementException("all " + queue.size() + " futures were returned");
        }
        return (Future<T>) in.futures[index];
      }
    };
  }

  static <K, T> Iterable<Map.Entry<K, Future<T>>> iterate(Map<K, ? extends Future<? extends T>> futures,
      Cancellation cancellation) {
    Input<K> in = input(futures);
    return () -> new Iterator<>() {
      private final CompletionQueue queue = new CompletionQueue(in.futures, cancellation);

      @Override
      public boolean hasNext() {
        return queue.hasNext();
      }

      @Override
      @SuppressWarnings("unchecked")
      public Map.Entry<K, Future<T>> next() {
        int index = queue.next();
        if (index < 0) {
          throw new NoSuchElementException("all " + queue.size() + " futures were returned");
        }
        return new AbstractMap.SimpleImmutableEntry<>(in.key(index), (Future<T>) in.futures[index]);
      }
    };
  }
}
