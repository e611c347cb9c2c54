package dev.architect.inject;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.function.Supplier;

/**
 * A binding inside the container: what it depends on, how it is scoped, and, once linked, the
 * compiled supplier that produces its instances. Subclasses are the binding kinds.
 */
abstract class Node<T> implements Binding<T> {
  final ContainerImpl owner;
  final Key<T> key;
  final String source;
  final List<Key<?>> dependencyKeys;
  Node<?>[] deps;            // resolved by the linker, index for index with dependencyKeys
  boolean linked;            // validated: its whole graph is known to be sound
  Class<? extends Annotation> scopeAnnotation;
  boolean eager;
  Scope customScope;         // resolved by the linker for scopes other than @Singleton
  private volatile Supplier<T> supplier;

  Node(ContainerImpl owner, Key<T> key, String source, List<Key<?>> dependencyKeys) {
    this.owner = owner;
    this.key = key;
    this.source = source;
    this.dependencyKeys = List.copyOf(dependencyKeys);
    this.deps = new Node<?>[dependencyKeys.size()];
  }

  /** Whether dependency {@code i} is fetched lazily (a provider), so it cannot form a cycle. */
  boolean isLazy(int i) {
    return false;
  }

  /** The node for dependency {@code i}; most kinds look the key up, multibindings know their elements. */
  Node<?> resolveDependency(int i, Linker linker) {
    return linker.resolve(dependencyKeys.get(i));
  }

  /** Problems of this node itself (not of its dependencies), found while linking. */
  void check(Linker linker) {}

  /** The unscoped supplier; may ask dependencies for their suppliers. Called once, under the container lock. */
  abstract Supplier<T> compile();

  boolean isSingleton() {
    return scopeAnnotation != null && InjectionPlan.isSingleton(scopeAnnotation);
  }

  /** The compiled and scoped supplier, built on first use. */
  final Supplier<T> supplier() {
    Supplier<T> s = supplier;
    if (s == null) {
      s = owner.compile(this);
    }
    return s;
  }

  final Supplier<T> compileScoped() {
    Supplier<T> s = supplier;
    if (s != null) {
      return s;
    }
    Supplier<T> unscoped = compile();
    if (scopeAnnotation == null) {
      s = unscoped;
    } else if (isSingleton()) {
      s = new SingletonSupplier<>(owner, key, unscoped);
    } else {
      jakarta.inject.Provider<T> scoped = customScope.scope(key, unscoped::get);
      if (scoped == null) {
        throw new ProvisionException(key, "scope @" + scopeAnnotation.getSimpleName() + " returned no provider");
      }
      s = scoped::get;
    }
    supplier = s;
    return s;
  }

  @Override
  public final Key<T> key() {
    return key;
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public String scope() {
    if (scopeAnnotation == null) {
      return "unscoped";
    }
    return (eager ? "eager @" : "@") + scopeAnnotation.getSimpleName();
  }

  @Override
  public Class<?> constructedClass() {
    return null;
  }

  @Override
  public List<Key<?>> dependencies() {
    return dependencyKeys;
  }

  @Override
  public String toString() {
    return kind() + " binding of " + key + " (" + scope() + ", from " + source + ")";
  }
}
