package dev.architect.inject;

/**
 * A unit of configuration: declares bindings on a {@link Binder}.
 *
 * <p>Besides {@link #configure}, the container reads {@link Provides @Provides} methods declared on the
 * module's class. Modules are usually lambdas or small classes:
 *
 * <pre>{@code
 * Module storage = binder -> binder.bind(Store.class).to(SqliteStore.class).in(Singleton.class);
 * }</pre>
 */
@FunctionalInterface
public interface Module {
  /** Declares this module's bindings. Called once per container built with this module. */
  void configure(Binder binder);
}
