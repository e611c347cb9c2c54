package dev.architect.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Qualifier;
import jakarta.inject.Singleton;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Each kind of binding, qualifiers, generic keys, providers, optionals and autowiring. */
class BindingsTest {
  interface Engine {
    String name();
  }

  static class V8 implements Engine {
    @Override
    public String name() {
      return "v8";
    }
  }

  static class Electric implements Engine {
    @Override
    public String name() {
      return "electric";
    }
  }

  @Qualifier
  @Retention(RetentionPolicy.RUNTIME)
  @interface Fast {}

  static class Car {
    final Engine engine;
    final Engine fast;
    final Engine named;

    @Inject
    Car(Engine engine, @Fast Engine fast, @Named("spare") Engine named) {
      this.engine = engine;
      this.fast = fast;
      this.named = named;
    }
  }

  @Test
  void linkedInstanceAndQualifiedBindings() {
    Electric spare = new Electric();
    Container container = Container.create(b -> {
      b.bind(Engine.class).to(V8.class);
      b.bind(Engine.class).annotatedWith(Fast.class).to(Electric.class);
      b.bind(Engine.class).named("spare").toInstance(spare);
    });
    Car car = container.getInstance(Car.class);
    assertThat(car.engine).isInstanceOf(V8.class);
    assertThat(car.fast).isInstanceOf(Electric.class).isNotSameAs(spare);
    assertThat(car.named).isSameAs(spare);
    assertThat(container.getInstance(Key.of(Engine.class, Fast.class))).isInstanceOf(Electric.class);
    assertThat(container.getInstance(Key.named(Engine.class, "spare"))).isSameAs(spare);
  }

  @Test
  void providerInstanceProviderClassAndProviderMethods() {
    AtomicInteger made = new AtomicInteger();
    Container container = Container.create(
        b -> b.bind(Engine.class).toProvider(() -> {
          made.incrementAndGet();
          return new V8();
        }),
        b -> b.bind(Engine.class).named("electric").toProvider(ElectricProvider.class),
        new Module() {
          @Override
          public void configure(Binder binder) {}

          @Provides
          @Named("label")
          String label(Engine engine, @Named("electric") Engine other) {
            return engine.name() + "+" + other.name();
          }

          @Provides
          @Singleton
          List<String> names(@Named("label") String label) {
            return List.of(label, "again");
          }
        });
    assertThat(container.getInstance(Key.named(String.class, "label"))).isEqualTo("v8+electric");
    assertThat(made).hasValue(1);
    List<String> names = container.getInstance(new Key<List<String>>() {});
    assertThat(names).containsExactly("v8+electric", "again");
    assertThat(container.getInstance(new Key<List<String>>() {})).isSameAs(names);
    assertThat(container.getBinding(new Key<List<String>>() {}).kind()).isEqualTo(Binding.Kind.PROVIDER_METHOD);
    assertThat(container.getBinding(new Key<List<String>>() {}).scope()).isEqualTo("@Singleton");
  }

  static class ElectricProvider implements Provider<Engine> {
    @Override
    public Engine get() {
      return new Electric();
    }
  }

  static class Counter {
    static final AtomicInteger CREATED = new AtomicInteger();

    Counter() {
      CREATED.incrementAndGet();
    }
  }

  @Singleton
  static class Registry {}

  static class UsesProviders {
    @Inject
    Provider<Registry> registries;
    @Inject
    Optional<Engine> engine;
    @Inject
    @Fast
    Optional<Engine> fastEngine;
    @Inject
    Container container;
  }

  @Test
  void providersOptionalsAndTheContainerItselfAreInjectable() {
    Container container = Container.create(b -> b.bind(Engine.class).to(V8.class));
    UsesProviders uses = container.getInstance(UsesProviders.class);
    assertThat(uses.registries.get()).isSameAs(uses.registries.get()).isSameAs(container.getInstance(Registry.class));
    assertThat(uses.engine).containsInstanceOf(V8.class);
    assertThat(uses.fastEngine).isEmpty();
    assertThat(uses.container).isSameAs(container);
  }

  @Test
  void scopes() {
    Container container = Container.create(b -> {
      b.bind(Counter.class).in(Singleton.class);
      b.bind(V8.class).asEagerSingleton();
    });
    assertThat(container.getInstance(Counter.class)).isSameAs(container.getInstance(Counter.class));
    assertThat(container.getInstance(Registry.class)).isSameAs(container.getInstance(Registry.class));
    assertThat(container.getInstance(Electric.class)).isNotSameAs(container.getInstance(Electric.class));
    assertThat(container.getBinding(Key.of(V8.class)).scope()).isEqualTo("eager @Singleton");
  }

  @Test
  void eagerSingletonsAreCreatedAtBuild() {
    int before = Counter.CREATED.get();
    Container.create(b -> b.bind(Counter.class).asEagerSingleton());
    assertThat(Counter.CREATED.get()).isEqualTo(before + 1);
  }

  @jakarta.inject.Scope
  @Retention(RetentionPolicy.RUNTIME)
  @interface PerThread {}

  /** A custom scope: one instance per thread. */
  static final class ThreadScope implements Scope {
    @Override
    public <T> Provider<T> scope(Key<T> key, Provider<T> unscoped) {
      ThreadLocal<T> instances = ThreadLocal.withInitial(unscoped::get);
      return instances::get;
    }
  }

  @PerThread
  static class Session {}

  @Test
  void customScopes() throws Exception {
    Container container = Container.create(b -> b.bindScope(PerThread.class, new ThreadScope()));
    Session here = container.getInstance(Session.class);
    assertThat(container.getInstance(Session.class)).isSameAs(here);
    Session[] there = new Session[1];
    Thread t = Thread.ofVirtual().start(() -> there[0] = container.getInstance(Session.class));
    t.join();
    assertThat(there[0]).isNotNull().isNotSameAs(here);
  }

  static class Autowired {
    final V8 engine;

    public Autowired(V8 engine) { // a single public constructor: no @Inject needed
      this.engine = engine;
    }
  }

  record Point(V8 engine) {}

  @Test
  void autowiresUnboundConcreteClasses() {
    Container container = Container.create();
    assertThat(container.getInstance(Autowired.class).engine).isNotNull();
    assertThat(container.getInstance(Point.class).engine()).isNotNull();
    assertThat(container.getBinding(Key.of(Autowired.class)).dependencies()).containsExactly(Key.of(V8.class));
  }

  static class Fields {
    @Inject
    private V8 privateField;
    @Inject
    int number;
    V8 viaMethod;

    @Inject
    private void set(V8 engine) {
      this.viaMethod = engine;
    }
  }

  @Test
  void injectsMembersIncludingPrivateOnesAndPrimitives() {
    Container container = Container.create(b -> b.bind(Integer.class).toInstance(7));
    Fields fields = container.getInstance(Fields.class);
    assertThat(fields.privateField).isNotNull();
    assertThat(fields.number).isEqualTo(7);
    assertThat(fields.viaMethod).isNotNull();

    Fields existing = new Fields();
    container.injectMembers(existing);
    assertThat(existing.privateField).isNotNull();
  }

  @Test
  void genericKeysAreDistinct() {
    Container container = Container.create(b -> {
      b.bind(new Key<List<String>>() {}).toInstance(List.of("a"));
      b.bind(new Key<List<Integer>>() {}).toInstance(List.of(1));
    });
    assertThat(container.getInstance(new Key<List<String>>() {})).containsExactly("a");
    assertThat(container.getInstance(new Key<List<Integer>>() {})).containsExactly(1);
    assertThat(container.bindings()).containsKeys(new Key<List<String>>() {}, new Key<List<Integer>>() {});
  }

  @Test
  void keysAreValuesThatReadWell() {
    assertThat(Key.of(int.class)).isEqualTo(Key.of(Integer.class));
    assertThat(Key.of(Engine.class, Names.named("x"))).isEqualTo(Key.named(Engine.class, "x"))
        .hasToString("@Named(\"x\") BindingsTest.Engine");
    assertThat(new Key<Map<String, List<Engine>>>(Fast.class) {})
        .hasToString("@Fast Map<String, List<BindingsTest.Engine>>")
        .isEqualTo(Key.of(Types.parameterized(Map.class, String.class, Types.parameterized(List.class, Engine.class)))
            .withQualifier(Fast.class));
    assertThatThrownBy(() -> Key.of(Engine.class, Retention.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("qualifier must be annotated with @Qualifier, was @java.lang.annotation.Retention");
  }

  @Test
  void getProviderResolvesNowAndProvidesLater() {
    Container container = Container.create(b -> b.bind(Engine.class).to(V8.class));
    Provider<Engine> engines = container.getProvider(Engine.class);
    assertThat(engines.get()).isInstanceOf(V8.class).isNotSameAs(engines.get());
    assertThat(engines).hasToString("Provider<BindingsTest.Engine>");
  }
}
