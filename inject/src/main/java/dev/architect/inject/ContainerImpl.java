package dev.architect.inject;

import dev.architect.inject.BinderImpl.MapBinderImpl;
import dev.architect.inject.BinderImpl.ProviderMethod;
import dev.architect.inject.BinderImpl.SetBinderImpl;
import dev.architect.inject.ConfigurationException.Problem;
import dev.architect.inject.Declarations.Declaration;
import jakarta.inject.Provider;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** The container: its own bindings, a cache of every node it has resolved, and its lifecycle. */
final class ContainerImpl implements Container {
  private final ContainerImpl parent;
  private final ReentrantLock lock; // shared by a whole container tree: linking, compiling, singleton creation
  private final Map<Key<?>, Node<?>> explicit = new LinkedHashMap<>();
  private final Map<Key<?>, Node<?>> justInTime = new ConcurrentHashMap<>();
  private final Map<Key<?>, Node<?>> resolved = new ConcurrentHashMap<>();     // fast path, by key
  private final Map<Class<?>, Node<?>> resolvedClasses = new ConcurrentHashMap<>(); // fast path, unqualified classes
  private final Map<Class<? extends Annotation>, Scope> scopes = new LinkedHashMap<>();
  private final List<Interceptors.Rule> interceptorRules = new ArrayList<>();
  private final Map<java.lang.Module, MethodHandles.Lookup> grants = new LinkedHashMap<>();
  private final List<Object> destroyable = new ArrayList<>(); // guarded by lock, creation order
  private final List<ContainerImpl> children = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private ContainerImpl(ContainerImpl parent) {
    this.parent = parent;
    this.lock = parent == null ? new ReentrantLock() : parent.lock;
    if (parent != null) {
      scopes.putAll(parent.scopes);
      interceptorRules.addAll(parent.interceptorRules);
      grants.putAll(parent.grants);
    }
  }

  static ContainerImpl build(ContainerImpl parent, Iterable<? extends Module> modules) {
    Objects.requireNonNull(modules, "modules");
    ContainerImpl container = new ContainerImpl(parent);
    BinderImpl binder = new BinderImpl();
    for (Module module : modules) {
      binder.install(Objects.requireNonNull(module, "module"));
    }
    binder.close();
    List<Node<?>> roots;
    container.lock.lock();
    try {
      roots = container.configure(binder);
    } finally {
      container.lock.unlock();
    }
    try {
      container.initialize(roots);
    } catch (RuntimeException | Error e) {
      try {
        container.close(); // what was created before the failure gets its pre-destroy calls
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    if (parent != null) {
      parent.children.add(container);
    }
    return container;
  }

  // ---- building --------------------------------------------------------------------------------

  /** Turns declarations into nodes and links them; returns the roots that need work at start. */
  private List<Node<?>> configure(BinderImpl binder) {
    List<Problem> problems = new ArrayList<>(binder.problems);
    scopes.putAll(binder.scopes);
    interceptorRules.addAll(binder.interceptors);
    grants.putAll(binder.grants);
    for (Declaration<?> declaration : binder.declarations) {
      register(nodeFor(declaration, problems), problems);
    }
    for (ProviderMethod method : binder.providerMethods) {
      try {
        register(new Nodes.ProviderMethodNode<>(this, method), problems);
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(List.of(), "@Provides method " + method.source() + ": " + e.getMessage()));
      }
    }
    for (SetBinderImpl<?> set : binder.sets.values()) {
      register(setNode(set, problems), problems);
    }
    for (Map.Entry<Key<?>, MapBinderImpl<?, ?>> map : binder.maps.entrySet()) {
      Node<?> values = mapNode(map.getKey(), map.getValue(), problems);
      register(values, problems);
      Key<?> providersKey = Key.withQualifierOf(Types.parameterized(Map.class, map.getValue().keyType,
          Types.parameterized(Provider.class, map.getValue().valueKey.type())), map.getValue().valueKey);
      register(new Nodes.MapOfProvidersNode<>(this, providersKey, values.key, values.source), problems);
    }
    Linker linker = new Linker(this);
    linker.problems.addAll(problems);
    List<Node<?>> roots = new ArrayList<>(explicit.values());
    for (Class<?> type : staticTypesOf(binder.staticInjections)) {
      roots.add(new Nodes.MembersNode(this, type, null));
    }
    for (Object instance : binder.instanceInjections) {
      roots.add(new Nodes.MembersNode(this, instance.getClass(), instance));
    }
    for (Node<?> node : explicit.values()) {
      if (node instanceof Nodes.InstanceNode<?> || node instanceof Nodes.ProviderInstanceNode<?>) {
        Object target = node instanceof Nodes.InstanceNode<?> i ? i.instance : ((Nodes.ProviderInstanceNode<?>) node).provider;
        roots.add(new Nodes.MembersNode(this, target.getClass(), target));
      }
    }
    for (Node<?> root : roots) {
      linker.link(root);
    }
    if (!linker.finish()) {
      throw new ConfigurationException(linker.problems);
    }
    return roots;
  }

  /** Runs member injection of instances and statics, then creates eager singletons. */
  private void initialize(List<Node<?>> roots) {
    for (Node<?> root : roots) {
      if (root instanceof Nodes.MembersNode members) {
        provide(members.key, members);
      }
    }
    for (Node<?> node : explicit.values()) {
      if (node.eager) {
        provide(node.key, node);
      }
    }
  }

  // Static injection of a class covers its superclasses first, each class once per container.
  private static Set<Class<?>> staticTypesOf(List<Class<?>> requested) {
    Set<Class<?>> types = new java.util.LinkedHashSet<>();
    for (Class<?> type : requested) {
      List<Class<?>> chain = new ArrayList<>();
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        chain.add(c);
      }
      types.addAll(chain.reversed());
    }
    return types;
  }

  private void register(Node<?> node, List<Problem> problems) {
    if (node == null) {
      return;
    }
    Node<?> previous = explicit.putIfAbsent(node.key, node);
    if (previous != null) {
      problems.add(new Problem(List.of(node.key), "bound twice (at " + previous.source + " and " + node.source + ")"));
      return;
    }
    for (ContainerImpl p = parent; p != null; p = p.parent) {
      Node<?> inParent = p.explicit.get(node.key);
      if (inParent != null) {
        problems.add(new Problem(List.of(node.key), "already bound in the parent container (at " + inParent.source
            + "); a child cannot rebind it (at " + node.source + ")"));
        return;
      }
    }
    applyScope(node, problems);
  }

  private void applyScope(Node<?> node, List<Problem> problems) {
    Class<? extends Annotation> scope = node.scopeAnnotation;
    if (scope != null && !InjectionPlan.isSingleton(scope)) {
      node.customScope = scopes.get(scope);
      if (node.customScope == null) {
        problems.add(new Problem(List.of(node.key), "no scope is bound for @" + scope.getSimpleName()
            + " (bind one with Binder.bindScope)"));
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private <T> Node<T> nodeFor(Declaration<T> d, List<Problem> problems) {
    if (d.invalid) {
      return null;
    }
    Node<T> node = switch (d.target) {
      case NONE -> {
        if (!(d.key.type() instanceof Class<?> type)) {
          problems.add(new Problem(List.of(d.key), "a generic type must be bound to a target (at " + d.source + ")"));
          yield null;
        }
        yield new Nodes.ConstructorNode<>(this, d.key, type, d.source);
      }
      case LINKED -> new Nodes.LinkedNode<>(this, d.key, (Key<? extends T>) d.targetValue, d.source);
      case INSTANCE -> new Nodes.InstanceNode<>(this, d.key, (T) d.targetValue, d.source);
      case PROVIDER_INSTANCE -> new Nodes.ProviderInstanceNode<>(this, d.key, (Provider<? extends T>) d.targetValue,
          d.source);
      case PROVIDER_CLASS -> new Nodes.ProviderClassNode<>(this, d.key, (Key) d.targetValue, d.source);
    };
    if (node == null) {
      return null;
    }
    if (d.scope != null) {
      if (d.target == Declarations.Target.INSTANCE) {
        problems.add(new Problem(List.of(d.key), "an instance binding cannot be scoped (at " + d.source + ")"));
      }
      node.scopeAnnotation = d.scope;
      node.eager = d.eager;
    } else if (node instanceof Nodes.ConstructorNode<?> c) {
      node.scopeAnnotation = c.plan.scope;
    }
    return node;
  }

  private <T> Node<Set<T>> setNode(SetBinderImpl<T> set, List<Problem> problems) {
    List<Node<? extends T>> elements = new ArrayList<>();
    for (Declaration<T> element : set.elements) {
      Node<T> node = nodeFor(element, problems);
      if (node != null) {
        applyScope(node, problems);
        elements.add(node);
      }
    }
    return new Nodes.SetNode<>(this, set.elementKey, elements, set.elements.isEmpty() ? BinderImpl.source()
        : set.elements.getFirst().source);
  }

  private <K, V> Node<?> mapNode(Key<?> mapKey, MapBinderImpl<K, V> map, List<Problem> problems) {
    Map<K, Node<? extends V>> entries = new LinkedHashMap<>();
    for (Map.Entry<K, Declaration<V>> entry : map.entries.entrySet()) {
      Node<V> node = nodeFor(entry.getValue(), problems);
      if (node != null) {
        applyScope(node, problems);
        entries.put(entry.getKey(), node);
      }
    }
    String source = map.entries.isEmpty() ? BinderImpl.source() : map.entries.values().iterator().next().source;
    return new Nodes.MapNode<>(this, mapKey, entries, source);
  }

  // ---- resolution -------------------------------------------------------------------------------

  /** Finds or creates the node for {@code key} during a linking pass, or records why there is none. */
  Node<?> resolve(Key<?> key, Linker linker) {
    Node<?> node = findExisting(key);
    if (node != null) {
      return node;
    }
    if (key.hasAttributeQualifier()) {
      // Like Guice: a binding for the qualifier type alone serves every attribute value.
      node = findExisting(key.withQualifierTypeOnly());
      if (node != null) {
        return node;
      }
    }
    node = derived(key, linker);
    if (node == null) {
      node = justInTime(key, linker);
    }
    if (node != null) {
      linker.created.put(key, node);
    }
    return node;
  }

  private Node<?> findExisting(Key<?> key) {
    for (ContainerImpl c = this; c != null; c = c.parent) {
      Node<?> node = c.explicit.get(key);
      if (node == null) {
        node = c.justInTime.get(key);
      }
      if (node != null) {
        return node;
      }
    }
    return null;
  }

  /** Whether {@code key} has a binding declared by a module of this container or an ancestor. */
  boolean isExplicitlyBound(Key<?> key) {
    for (ContainerImpl c = this; c != null; c = c.parent) {
      if (c.explicit.containsKey(key)) {
        return true;
      }
    }
    return false;
  }

  private Node<?> derived(Key<?> key, Linker linker) {
    Class<?> raw = key.rawType();
    Type argument = Types.argument(key.type(), 0);
    if (raw == Provider.class || raw == Optional.class) {
      if (argument == null || !Types.isFullySpecified(argument)) {
        linker.problem(key, "no binding for " + key + " (give its type argument)");
        return null;
      }
      Key<?> target = Key.withQualifierOf(argument, key);
      return raw == Provider.class ? Nodes.ProviderNode.of(this, key, target)
          : Nodes.OptionalNode.of(this, key, target, isExplicitlyBound(target));
    }
    if (raw == Container.class && key.qualifierType() == null) {
      return new Nodes.ContainerNode(this, key);
    }
    return null;
  }

  private Node<?> justInTime(Key<?> key, Linker linker) {
    if (key.qualifierType() != null || !(key.type() instanceof Class<?> type)) {
      linker.problem(key, "no binding for " + key);
      return null;
    }
    if (parent != null) {
      Node<?> inParent = parent.tryJustInTime(key);
      if (inParent != null) {
        return inParent;
      }
    }
    Nodes.ConstructorNode<?> node = new Nodes.ConstructorNode<>(this, key, type, "just-in-time");
    node.scopeAnnotation = node.plan.scope;
    if (node.scopeAnnotation != null && !InjectionPlan.isSingleton(node.scopeAnnotation)) {
      node.customScope = scopes.get(node.scopeAnnotation);
      if (node.customScope == null) {
        linker.problem(key, "no scope is bound for @" + node.scopeAnnotation.getSimpleName()
            + " (bind one with Binder.bindScope)");
      }
    }
    return node;
  }

  /** Creates a just-in-time binding here if everything it needs is bound here; else returns null. */
  private Node<?> tryJustInTime(Key<?> key) {
    Linker attempt = new Linker(this);
    Node<?> node = attempt.resolve(key);
    if (node == null) {
      return null;
    }
    attempt.link(node);
    return attempt.finish() ? node : null;
  }

  /** Adds a node created by a successful linking pass to the lookup tables. */
  void publish(Node<?> node) {
    if (!explicit.containsKey(node.key)) {
      justInTime.putIfAbsent(node.key, node);
    }
  }

  /** Resolves {@code key} outside the build: the runtime path for keys not seen before. */
  @SuppressWarnings("unchecked")
  private <T> Node<T> node(Key<T> key) {
    Node<T> node = (Node<T>) resolved.get(key);
    if (node != null) {
      return node;
    }
    lock.lock();
    try {
      checkOpen();
      Linker linker = new Linker(this);
      node = (Node<T>) linker.resolve(key);
      if (node != null) {
        linker.link(node);
      }
      if (node == null || !linker.finish()) {
        throw new ConfigurationException(linker.problems);
      }
      resolved.put(key, node);
      if (key.type() instanceof Class<?> c && key.qualifierType() == null) {
        resolvedClasses.put(c, node);
      }
      return node;
    } finally {
      lock.unlock();
    }
  }

  <T> Supplier<T> compile(Node<T> node) {
    lock.lock();
    try {
      return node.compileScoped();
    } finally {
      lock.unlock();
    }
  }

  ReentrantLock creationLock() {
    return lock;
  }

  /** Called under the lock when a singleton was created, to run its pre-destroy methods on close. */
  void created(Object instance) {
    if (!InjectionPlan.of(instance.getClass()).preDestroy.isEmpty()
        || instance.getClass().isHidden() && !InjectionPlan.of(instance.getClass().getSuperclass()).preDestroy.isEmpty()) {
      destroyable.add(instance);
    }
  }

  // ---- the public API ---------------------------------------------------------------------------

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getInstance(Class<T> type) {
    checkOpen();
    Node<T> node = (Node<T>) resolvedClasses.get(type);
    if (node == null) {
      node = node(Key.of(type));
    }
    return provide(node.key, node);
  }

  @Override
  public <T> T getInstance(Key<T> key) {
    checkOpen();
    return provide(key, node(Objects.requireNonNull(key, "key")));
  }

  /** Gets an instance, turning failures of user code into a ProvisionException naming the key. */
  static <T> T provide(Key<?> requested, Node<T> node) {
    try {
      return node.supplier().get();
    } catch (InjectionException e) {
      throw e;
    } catch (Throwable t) {
      if (t instanceof Error error) {
        throw error;
      }
      throw new ProvisionException(requested, t);
    }
  }

  @Override
  public <T> Provider<T> getProvider(Class<T> type) {
    return getProvider(Key.of(Objects.requireNonNull(type, "type")));
  }

  @Override
  public <T> Provider<T> getProvider(Key<T> key) {
    return new Nodes.ContainerProvider<>(node(Objects.requireNonNull(key, "key")));
  }

  @Override
  public void injectMembers(Object instance) {
    Objects.requireNonNull(instance, "instance");
    Nodes.MembersNode members;
    lock.lock();
    try {
      checkOpen();
      members = new Nodes.MembersNode(this, instance.getClass(), instance);
      Linker linker = new Linker(this);
      linker.link(members);
      if (!linker.finish()) {
        throw new ConfigurationException(linker.problems);
      }
    } finally {
      lock.unlock();
    }
    provide(members.key, members);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Binding<T> getBinding(Key<T> key) {
    Node<T> own = (Node<T>) explicit.get(key);
    return own != null ? own : node(Objects.requireNonNull(key, "key"));
  }

  @Override
  public Map<Key<?>, Binding<?>> bindings() {
    return Collections.unmodifiableMap(explicit);
  }

  @Override
  public Container createChild(Module... modules) {
    checkOpen();
    return build(this, List.of(modules));
  }

  @Override
  public Optional<Container> parent() {
    return Optional.ofNullable(parent);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the container is closed");
    }
  }

  @Override
  public void close() {
    List<Object> toDestroy;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      toDestroy = new ArrayList<>(destroyable).reversed();
      destroyable.clear();
    } finally {
      lock.unlock();
    }
    RuntimeException failure = null;
    for (ContainerImpl child : children.reversed()) {
      try {
        child.close();
      } catch (RuntimeException e) {
        failure = addFailure(failure, e);
      }
    }
    for (Object instance : toDestroy) {
      Class<?> type = instance.getClass().isHidden() ? instance.getClass().getSuperclass() : instance.getClass();
      for (var method : InjectionPlan.of(type).preDestroy) {
        try {
          Invokers.invokeLifecycle(method, instance);
        } catch (Throwable t) {
          if (t instanceof Error e) {
            throw e;
          }
          failure = addFailure(failure, new InjectionException("@PreDestroy method " + Types.shortName(type) + "."
              + method.getName() + "() failed: " + t, t));
        }
      }
    }
    if (parent != null) {
      parent.children.remove(this);
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static RuntimeException addFailure(RuntimeException first, RuntimeException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  @Override
  public String toString() {
    return "Container(" + explicit.size() + " bindings" + (parent == null ? "" : ", child") + ")";
  }

  List<Interceptors.Rule> interceptorRules() {
    return interceptorRules;
  }

  /** The full-privilege lookup a module granted with {@link Binder#grantAccess}, or null. */
  MethodHandles.Lookup grantOf(java.lang.Module module) {
    return grants.get(module);
  }
}
