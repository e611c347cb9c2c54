package dev.architect.async;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Async#awaitAll} found: the errors and the values of every future, each under the key of
 * its future (for a list of futures, its index), in the order the futures completed. Amp's
 * {@code awaitAll} returns the same pair as {@code [$errors, $values]}. Immutable and thread-safe.
 *
 * @param errors the futures that failed: key to error; unmodifiable
 * @param values the futures that completed: key to value (null for a future completed with null);
 *     unmodifiable
 * @param <K> the type of the keys
 * @param <T> the type of the values
 */
public record Settled<K, T>(Map<K, Throwable> errors, Map<K, T> values) {
  /**
   * Copies both maps, keeping their order, into unmodifiable maps (values may be null).
   *
   * @throws NullPointerException if a map is null
   */
  public Settled {
    errors = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(errors, "errors")));
    values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
  }
}
