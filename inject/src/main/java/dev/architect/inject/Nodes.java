package dev.architect.inject;

import dev.architect.inject.BinderImpl.ProviderMethod;
import jakarta.inject.Provider;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The kinds of binding. */
final class Nodes {
  private Nodes() {}

  @SuppressWarnings("unchecked")
  static <T> Supplier<T> supplierOf(Node<?> node) {
    return (Supplier<T>) node.supplier();
  }

  static Supplier<?>[] suppliersOf(Node<?>[] nodes) {
    Supplier<?>[] suppliers = new Supplier<?>[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      suppliers[i] = nodes[i].supplier();
    }
    return suppliers;
  }

  /** Constructed by the container: constructor, fields, methods, post-construct; maybe intercepted. */
  static final class ConstructorNode<T> extends Node<T> {
    final InjectionPlan plan;
    private Interceptors.Plan interception;
    private Class<?> constructed;

    ConstructorNode(ContainerImpl owner, Key<T> key, Class<?> type, String source) {
      this(owner, key, InjectionPlan.of(type), source);
    }

    private ConstructorNode(ContainerImpl owner, Key<T> key, InjectionPlan plan, String source) {
      super(owner, key, source, plan.isConstructible() ? plan.dependencies() : List.of());
      this.plan = plan;
    }

    @Override
    void check(Linker linker) {
      plan.constructorProblems.forEach(problem -> linker.problem(key, problem));
      plan.memberProblems.forEach(problem -> linker.problem(key, problem));
      if (plan.isConstructible()) {
        List<String> problems = new ArrayList<>();
        interception = Interceptors.plan(plan.type, owner.interceptorRules(), problems);
        problems.forEach(p -> linker.problem(key, p));
      }
    }

    @Override
    Supplier<T> compile() {
      Factories.Template template;
      if (interception == null || interception.isEmpty()) {
        template = Factories.template(plan);
        constructed = plan.type;
      } else {
        Proxies.Proxy proxy = Proxies.define(plan, interception, owner.grantOf(plan.type.getModule()));
        template = Factories.define(plan, proxy.constructor());
        constructed = proxy.type();
      }
      return template.instantiate(suppliersOf(deps));
    }

    @Override
    public Kind kind() {
      return Kind.CONSTRUCTOR;
    }

    @Override
    public Class<?> constructedClass() {
      return constructed != null ? constructed : plan.type;
    }
  }

  /** {@code bind(A).to(B)}: whatever B is bound to. */
  static final class LinkedNode<T> extends Node<T> {
    LinkedNode(ContainerImpl owner, Key<T> key, Key<? extends T> target, String source) {
      super(owner, key, source, List.of(target));
    }

    @Override
    Supplier<T> compile() {
      return supplierOf(deps[0]);
    }

    @Override
    public Kind kind() {
      return Kind.LINKED;
    }
  }

  static final class InstanceNode<T> extends Node<T> {
    final T instance;

    InstanceNode(ContainerImpl owner, Key<T> key, T instance, String source) {
      super(owner, key, source, List.of());
      this.instance = instance;
    }

    @Override
    Supplier<T> compile() {
      T value = instance;
      return () -> value;
    }

    @Override
    public Kind kind() {
      return Kind.INSTANCE;
    }
  }

  static final class ProviderInstanceNode<T> extends Node<T> {
    final Provider<? extends T> provider;

    ProviderInstanceNode(ContainerImpl owner, Key<T> key, Provider<? extends T> provider, String source) {
      super(owner, key, source, List.of());
      this.provider = provider;
    }

    @Override
    Supplier<T> compile() {
      Provider<? extends T> p = provider;
      return p::get;
    }

    @Override
    public Kind kind() {
      return Kind.PROVIDER;
    }
  }

  /** {@code toProvider(SomeProvider.class)}: the container constructs the provider, then asks it. */
  static final class ProviderClassNode<T> extends Node<T> {
    ProviderClassNode(ContainerImpl owner, Key<T> key, Key<? extends Provider<? extends T>> providerKey,
        String source) {
      super(owner, key, source, List.of(providerKey));
    }

    @Override
    Supplier<T> compile() {
      Supplier<Provider<? extends T>> providers = supplierOf(deps[0]);
      return () -> providers.get().get();
    }

    @Override
    public Kind kind() {
      return Kind.PROVIDER;
    }
  }

  static final class ProviderMethodNode<T> extends Node<T> {
    private final ProviderMethod method;

    @SuppressWarnings("unchecked")
    ProviderMethodNode(ContainerImpl owner, ProviderMethod method) {
      super(owner, (Key<T>) keyOf(method.method()), method.source(), parameterKeys(method.method()));
      this.method = method;
      for (Annotation a : method.method().getAnnotations()) {
        if (a.annotationType().isAnnotationPresent(jakarta.inject.Scope.class)) {
          if (scopeAnnotation != null) {
            throw new IllegalArgumentException("more than one scope annotation");
          }
          scopeAnnotation = a.annotationType();
        }
      }
    }

    private static Key<?> keyOf(Method m) {
      if (!Types.isFullySpecified(m.getGenericReturnType())) {
        throw new IllegalArgumentException("its return type " + m.getGenericReturnType().getTypeName()
            + " is not fully specified");
      }
      return Key.of(m.getGenericReturnType(), Qualifiers.find(m.getAnnotations(), "method " + m.getName()));
    }

    private static List<Key<?>> parameterKeys(Method m) {
      List<Key<?>> keys = new ArrayList<>();
      var types = m.getGenericParameterTypes();
      var annotations = m.getParameterAnnotations();
      for (int i = 0; i < types.length; i++) {
        if (!Types.isFullySpecified(types[i])) {
          throw new IllegalArgumentException("parameter " + m.getParameters()[i].getName() + " has a type that is "
              + "not fully specified: " + types[i].getTypeName());
        }
        keys.add(Key.of(types[i], Qualifiers.find(annotations[i], "parameter " + m.getParameters()[i].getName())));
      }
      return keys;
    }

    @Override
    @SuppressWarnings("unchecked")
    Supplier<T> compile() {
      MethodHandle handle = Invokers.providerMethod(method.module(), method.method());
      Supplier<?>[] arguments = suppliersOf(deps);
      return () -> (T) Invokers.invoke(handle, arguments);
    }

    @Override
    public Kind kind() {
      return Kind.PROVIDER_METHOD;
    }
  }

  /** {@code Provider<T>} for any bound {@code T}: resolved lazily, so it breaks cycles. */
  static final class ProviderNode<T> extends Node<Provider<T>> {
    ProviderNode(ContainerImpl owner, Key<Provider<T>> key, Key<T> target) {
      super(owner, key, "derived", List.of(target));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Node<?> of(ContainerImpl owner, Key<?> key, Key<?> target) {
      return new ProviderNode(owner, key, target);
    }

    @Override
    boolean isLazy(int i) {
      return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    Supplier<Provider<T>> compile() {
      Provider<T> provider = new ContainerProvider<>((Node<T>) deps[0]);
      return () -> provider;
    }

    @Override
    public Kind kind() {
      return Kind.DERIVED;
    }
  }

  /** {@code Optional<T>}: present when {@code T} is bound explicitly. */
  static final class OptionalNode<T> extends Node<Optional<T>> {
    OptionalNode(ContainerImpl owner, Key<Optional<T>> key, Key<T> target, boolean present) {
      super(owner, key, "derived", present ? List.of(target) : List.of());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Node<?> of(ContainerImpl owner, Key<?> key, Key<?> target, boolean present) {
      return new OptionalNode(owner, key, target, present);
    }

    @Override
    Supplier<Optional<T>> compile() {
      if (deps.length == 0) {
        return Optional::empty;
      }
      Supplier<T> target = supplierOf(deps[0]);
      return () -> Optional.ofNullable(target.get());
    }

    @Override
    public Kind kind() {
      return Kind.DERIVED;
    }
  }

  static final class ContainerNode extends Node<Container> {
    @SuppressWarnings("unchecked")
    ContainerNode(ContainerImpl owner, Key<?> key) {
      super(owner, (Key<Container>) key, "built in", List.of());
    }

    @Override
    Supplier<Container> compile() {
      Container container = owner;
      return () -> container;
    }

    @Override
    public Kind kind() {
      return Kind.CONTAINER;
    }
  }

  static final class SetNode<T> extends Node<Set<T>> {
    private final List<Node<? extends T>> elements;

    @SuppressWarnings("unchecked")
    SetNode(ContainerImpl owner, Key<T> elementKey, List<Node<? extends T>> elements, String source) {
      super(owner, (Key<Set<T>>) Key.withQualifierOf(Types.parameterized(Set.class, elementKey.type()), elementKey),
          source, elements.stream().<Key<?>>map(Node::key).toList());
      this.elements = elements;
    }

    @Override
    Node<?> resolveDependency(int i, Linker linker) {
      return elements.get(i);
    }

    @Override
    Supplier<Set<T>> compile() {
      Supplier<?>[] suppliers = suppliersOf(deps);
      return () -> {
        Set<Object> set = new LinkedHashSet<>();
        for (Supplier<?> s : suppliers) {
          set.add(s.get());
        }
        @SuppressWarnings("unchecked")
        Set<T> result = (Set<T>) Collections.unmodifiableSet(set);
        return result;
      };
    }

    @Override
    public Kind kind() {
      return Kind.MULTIBINDING;
    }
  }

  /** {@code Map<K, V>}: the values in the order their entries were added. */
  static final class MapNode<K, V> extends Node<Map<K, V>> {
    private final List<K> keys;
    private final List<Node<? extends V>> values;

    @SuppressWarnings("unchecked")
    MapNode(ContainerImpl owner, Key<?> mapKey, Map<K, Node<? extends V>> entries, String source) {
      super(owner, (Key<Map<K, V>>) mapKey, source, entries.values().stream().<Key<?>>map(Node::key).toList());
      this.keys = List.copyOf(entries.keySet());
      this.values = List.copyOf(entries.values());
    }

    @Override
    Node<?> resolveDependency(int i, Linker linker) {
      return values.get(i);
    }

    @Override
    Supplier<Map<K, V>> compile() {
      Supplier<?>[] suppliers = suppliersOf(deps);
      List<K> mapKeys = keys;
      return () -> {
        Map<K, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < suppliers.length; i++) {
          map.put(mapKeys.get(i), suppliers[i].get());
        }
        @SuppressWarnings("unchecked")
        Map<K, V> result = (Map<K, V>) Collections.unmodifiableMap(map);
        return result;
      };
    }

    @Override
    public Kind kind() {
      return Kind.MULTIBINDING;
    }
  }

  /** {@code Map<K, Provider<V>>}: a provider per entry of the {@code Map<K, V>} binding, each lazy. */
  static final class MapOfProvidersNode<K, V> extends Node<Map<K, Provider<V>>> {
    @SuppressWarnings("unchecked")
    MapOfProvidersNode(ContainerImpl owner, Key<?> key, Key<?> valuesMapKey, String source) {
      super(owner, (Key<Map<K, Provider<V>>>) key, source, List.of(valuesMapKey));
    }

    @Override
    boolean isLazy(int i) {
      return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    Supplier<Map<K, Provider<V>>> compile() {
      MapNode<K, V> values = (MapNode<K, V>) deps[0];
      Map<K, Provider<V>> map = new LinkedHashMap<>();
      for (int i = 0; i < values.keys.size(); i++) {
        map.put(values.keys.get(i), new ContainerProvider<>((Node<V>) values.values.get(i)));
      }
      Map<K, Provider<V>> result = Collections.unmodifiableMap(map);
      return () -> result;
    }

    @Override
    public Kind kind() {
      return Kind.MULTIBINDING;
    }
  }

  /**
   * Member injection of an existing object, or of a class's statics when {@code instance} is null.
   * Not a binding anyone can ask for: the container uses it for requestInjection, requestStaticInjection,
   * injectMembers, and instance and provider bindings.
   */
  static final class MembersNode extends Node<Object> {
    private final InjectionPlan plan;
    private final Object instance;

    @SuppressWarnings("unchecked")
    MembersNode(ContainerImpl owner, Class<?> type, Object instance) {
      this(owner, type, instance, instance == null ? InjectionPlan.ofStatics(type) : InjectionPlan.of(type));
    }

    @SuppressWarnings("unchecked")
    private MembersNode(ContainerImpl owner, Class<?> type, Object instance, InjectionPlan plan) {
      super(owner, (Key<Object>) (Key<?>) Key.of(type), instance == null ? "static injection" : "member injection",
          membersKeys(plan));
      this.plan = plan;
      this.instance = instance;
    }

    private static List<Key<?>> membersKeys(InjectionPlan plan) {
      List<Key<?>> keys = new ArrayList<>();
      plan.steps.forEach(step -> keys.addAll(step.keys()));
      return keys;
    }

    @Override
    void check(Linker linker) {
      plan.memberProblems.forEach(problem -> linker.problem(key, problem));
    }

    @Override
    Supplier<Object> compile() {
      Supplier<?>[] suppliers = suppliersOf(deps);
      List<Invokers.MemberInjector> injectors = Invokers.memberInjectors(plan);
      Object target = instance;
      return () -> {
        int next = 0;
        for (Invokers.MemberInjector injector : injectors) {
          next = injector.inject(target, suppliers, next);
        }
        return target;
      };
    }

    @Override
    public Kind kind() {
      return Kind.INSTANCE;
    }
  }

  /** The provider handed out by the container; failures come out as ProvisionException. */
  static final class ContainerProvider<T> implements Provider<T> {
    private final Node<T> node;

    ContainerProvider(Node<T> node) {
      this.node = node;
    }

    @Override
    public T get() {
      return ContainerImpl.provide(node.key, node);
    }

    @Override
    public String toString() {
      return "Provider<" + node.key + ">";
    }
  }

  static boolean isOverridable(Method m) {
    int mod = m.getModifiers();
    return !Modifier.isPrivate(mod) && !Modifier.isStatic(mod) && !Modifier.isFinal(mod);
  }
}
