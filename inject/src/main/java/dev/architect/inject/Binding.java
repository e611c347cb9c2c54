package dev.architect.inject;

import java.util.List;

/**
 * How a key is bound: read-only information for tools, tests and diagnostics.
 *
 * @param <T> the bound type
 */
public interface Binding<T> {
  /** What kind of binding this is. */
  enum Kind {
    /** Constructed by the container through an injectable constructor. */
    CONSTRUCTOR,
    /** Bound to another key ({@code bind(A).to(B)}). */
    LINKED,
    /** Bound to one instance. */
    INSTANCE,
    /** Bound to a provider instance or a provider class. */
    PROVIDER,
    /** Bound by a {@link Provides} method. */
    PROVIDER_METHOD,
    /** A {@code Set} or {@code Map} multibinding. */
    MULTIBINDING,
    /** {@code Provider<T>} or {@code Optional<T>}, derived from the binding of {@code T}. */
    DERIVED,
    /** The container itself. */
    CONTAINER
  }

  /** The bound key. */
  Key<T> key();

  /** What kind of binding this is. */
  Kind kind();

  /**
   * Where the binding comes from: the declaring call ({@code AppModule.configure(AppModule.java:12)}),
   * a provider method, or {@code "just-in-time"}, {@code "derived"} or {@code "built in"}.
   */
  String source();

  /** The scope: {@code "unscoped"}, {@code "@Singleton"}, {@code "eager @Singleton"} or {@code "@YourScope"}. */
  String scope();

  /**
   * The class the container constructs for this binding (a generated proxy class when methods are
   * intercepted), or null when the binding constructs nothing itself.
   */
  Class<?> constructedClass();

  /**
   * The keys this binding depends on directly, in injection order: constructor parameters, then
   * fields and methods from the top of the class hierarchy down. A {@code Provider<X>} dependency is
   * listed as {@code Provider<X>}: it is resolved lazily, so it does not form a cycle.
   */
  List<Key<?>> dependencies();
}
