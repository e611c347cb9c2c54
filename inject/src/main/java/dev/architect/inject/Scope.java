package dev.architect.inject;

import jakarta.inject.Provider;

/**
 * Decides how long instances live: the container asks the scope to wrap each unscoped provider.
 * Bound to a scope annotation with {@link Binder#bindScope}. {@code @Singleton} is built in.
 *
 * <p>A singleton that depends directly on an instance of a custom scope would keep one such instance
 * forever; the container reports that as a scope mismatch (inject a {@code Provider} instead).
 */
@FunctionalInterface
public interface Scope {
  /** Returns a provider that gives instances of {@code key} as long as this scope wants them kept. */
  <T> Provider<T> scope(Key<T> key, Provider<T> unscoped);
}
