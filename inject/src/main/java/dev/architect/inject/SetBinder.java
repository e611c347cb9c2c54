package dev.architect.inject;

/**
 * Adds elements to a {@code Set<T>} multibinding; modules can each contribute. The injected set is
 * unmodifiable, iterates in the order elements were added, and holds equal elements once.
 *
 * <pre>{@code
 * binder.bindSet(Plugin.class).addBinding().to(AuditPlugin.class);
 * @Inject Reporter(Set<Plugin> plugins) { ... }
 * }</pre>
 *
 * @param <T> the element type
 */
public interface SetBinder<T> {
  /** Starts the binding of one more element (its qualifier cannot be changed). */
  BindingBuilder<T> addBinding();
}
