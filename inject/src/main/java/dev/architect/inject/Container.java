package dev.architect.inject;

import jakarta.inject.Provider;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dependency injection container: builds objects and their dependencies from bindings declared by
 * {@link Module modules} and from {@code jakarta.inject} annotations.
 *
 * <pre>{@code
 * try (Container container = Container.create(binder -> binder.bind(Store.class).to(SqlStore.class))) {
 *   Service service = container.getInstance(Service.class);
 * }
 * }</pre>
 *
 * <p>Building a container checks the whole graph reachable from its bindings and reports every problem
 * at once in a {@link ConfigurationException}. Each binding is then compiled into a factory, so getting
 * an instance does no reflection. A concrete class that is not bound is constructed through its
 * {@code @Inject} constructor, its only public constructor, or (for a record) its canonical constructor,
 * when first needed.
 *
 * <p>Containers are thread-safe; a singleton is created exactly once however many threads ask for it
 * first. {@link #close()} calls the {@link PreDestroy} methods of the singletons it created, newest
 * first, after closing its child containers.
 */
public interface Container extends AutoCloseable {
  /**
   * Builds a container from {@code modules}.
   *
   * @throws ConfigurationException listing every problem found in the configuration
   * @throws ProvisionException if an eager singleton, or a requested member injection, failed
   */
  static Container create(Module... modules) {
    return create(List.of(modules));
  }

  /**
   * Builds a container from {@code modules}.
   *
   * @throws ConfigurationException listing every problem found in the configuration
   * @throws ProvisionException if an eager singleton, or a requested member injection, failed
   */
  static Container create(Iterable<? extends Module> modules) {
    return ContainerImpl.build(null, modules);
  }

  /**
   * The instance for {@code type}, unqualified.
   *
   * @throws ConfigurationException if the type cannot be bound (reported with its dependency path)
   * @throws ProvisionException if creating the instance or a dependency threw
   * @throws IllegalStateException if the container is closed
   */
  <T> T getInstance(Class<T> type);

  /**
   * The instance for {@code key}.
   *
   * @throws ConfigurationException if the key cannot be bound (reported with its dependency path)
   * @throws ProvisionException if creating the instance or a dependency threw
   * @throws IllegalStateException if the container is closed
   */
  <T> T getInstance(Key<T> key);

  /** A provider for {@code type}; resolving it now, so configuration problems are thrown here. */
  <T> Provider<T> getProvider(Class<T> type);

  /** A provider for {@code key}; resolving it now, so configuration problems are thrown here. */
  <T> Provider<T> getProvider(Key<T> key);

  /**
   * Injects the {@code @Inject} fields and methods of an object the container did not create.
   *
   * @throws ConfigurationException if a dependency cannot be bound
   * @throws ProvisionException if a dependency or an injected method threw
   */
  void injectMembers(Object instance);

  /**
   * How {@code key} is bound, resolving it (and creating a just-in-time binding) if needed.
   *
   * @throws ConfigurationException if the key cannot be bound
   */
  <T> Binding<T> getBinding(Key<T> key);

  /** The bindings declared by this container's modules (not its parent's), in declaration order. */
  Map<Key<?>, Binding<?>> bindings();

  /**
   * A child container: it sees this container's bindings and adds its own, which may not rebind a key
   * bound here.
   *
   * @throws ConfigurationException listing every problem found in the child's configuration
   */
  Container createChild(Module... modules);

  /** The parent, for a child container. */
  Optional<Container> parent();

  /**
   * Closes the child containers, then calls the {@link PreDestroy} methods of the singletons this
   * container created, newest first. Every method is called even if some throw; the first failure is
   * then thrown with the others suppressed. Closing twice does nothing.
   */
  @Override
  void close();
}
