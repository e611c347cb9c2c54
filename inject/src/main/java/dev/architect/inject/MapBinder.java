package dev.architect.inject;

/**
 * Adds entries to a {@code Map<K, V>} multibinding, also injectable as {@code Map<K, Provider<V>>}.
 * The injected map is unmodifiable and iterates in the order entries were added. A key added twice is
 * reported when the container is built.
 *
 * @param <K> the map key type
 * @param <V> the value type
 */
public interface MapBinder<K, V> {
  /** Starts the binding of the value for {@code key} (its qualifier cannot be changed). */
  BindingBuilder<V> addBinding(K key);
}
