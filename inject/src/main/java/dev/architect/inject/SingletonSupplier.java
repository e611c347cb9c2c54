package dev.architect.inject;

import java.util.function.Supplier;

/**
 * Creates its instance once, on first use. Reads are a single volatile load; creation takes the
 * container's creation lock (one lock per container tree, so two singletons that need each other
 * through providers cannot deadlock across threads) and is re-checked under it.
 */
final class SingletonSupplier<T> implements Supplier<T> {
  private static final Object NULL = new Object();
  private final ContainerImpl owner;
  private final Key<T> key;
  private final Supplier<T> unscoped;
  private volatile Object instance;
  private boolean creating; // guarded by the creation lock

  SingletonSupplier(ContainerImpl owner, Key<T> key, Supplier<T> unscoped) {
    this.owner = owner;
    this.key = key;
    this.unscoped = unscoped;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get() {
    Object value = instance;
    if (value == null) {
      value = create();
    }
    return value == NULL ? null : (T) value;
  }

  private Object create() {
    var lock = owner.creationLock();
    lock.lock();
    try {
      Object value = instance;
      if (value != null) {
        return value;
      }
      if (creating) {
        throw new ProvisionException(key, "the singleton was requested again while it was being created "
            + "(a cycle through a provider that is called in a constructor)");
      }
      creating = true;
      try {
        T created = unscoped.get();
        value = created == null ? NULL : created;
        instance = value;
        if (created != null) {
          owner.created(created);
        }
        return value;
      } finally {
        creating = false;
      }
    } finally {
      lock.unlock();
    }
  }
}
