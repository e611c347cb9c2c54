package dev.architect.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultibindingTest {
  interface Plugin {
    String name();
  }

  record Named(String name) implements Plugin {}

  @Singleton
  static class Audit implements Plugin {
    @Override
    public String name() {
      return "audit";
    }
  }

  static class Host {
    final Set<Plugin> plugins;
    final Map<String, Plugin> byName;
    final Map<String, Provider<Plugin>> lazily;

    @Inject
    Host(Set<Plugin> plugins, Map<String, Plugin> byName, Map<String, Provider<Plugin>> lazily) {
      this.plugins = plugins;
      this.byName = byName;
      this.lazily = lazily;
    }
  }

  @Test
  void setsAndMapsCollectContributionsFromEveryModuleInOrder() {
    Container container = Container.create(
        b -> {
          b.bindSet(Plugin.class).addBinding().to(Audit.class);
          b.bindMap(String.class, Plugin.class).addBinding("audit").to(Audit.class);
        },
        b -> {
          b.bindSet(Plugin.class).addBinding().toInstance(new Named("metrics"));
          b.bindSet(Plugin.class).addBinding().toProvider(() -> new Named("tracing"));
          b.bindMap(String.class, Plugin.class).addBinding("metrics").toInstance(new Named("metrics"));
        });
    Host host = container.getInstance(Host.class);
    assertThat(host.plugins).extracting(Plugin::name).containsExactly("audit", "metrics", "tracing");
    assertThat(host.byName).containsOnlyKeys("audit", "metrics");
    assertThat(host.byName.keySet()).containsExactly("audit", "metrics");
    assertThat(host.lazily.get("audit").get()).isSameAs(host.byName.get("audit"));
    assertThatThrownBy(() -> host.plugins.add(new Named("x"))).isInstanceOf(UnsupportedOperationException.class);
    assertThat(container.getBinding(new Key<Set<Plugin>>() {}).kind()).isEqualTo(Binding.Kind.MULTIBINDING);
  }

  @Test
  void qualifiedSetsAreSeparate() {
    Container container = Container.create(b -> {
      b.bindSet(Key.named(String.class, "a")).addBinding().toInstance("x");
      b.bindSet(String.class).addBinding().toInstance("y");
    });
    assertThat(container.getInstance(new Key<Set<String>>(Names.named("a")) {})).containsExactly("x");
    assertThat(container.getInstance(new Key<Set<String>>() {})).containsExactly("y");
  }

  @Test
  void duplicateMapKeysAndBrokenElementsAreReported() {
    assertThatThrownBy(() -> Container.create(b -> {
      b.bindMap(String.class, Plugin.class).addBinding("a").toInstance(new Named("1"));
      b.bindMap(String.class, Plugin.class).addBinding("a").toInstance(new Named("2"));
      b.bindSet(Plugin.class).addBinding().to(Plugin.class);
    })).isInstanceOf(ConfigurationException.class).message()
        .contains("Map<String, MultibindingTest.Plugin>: key \"a\" bound twice")
        .contains("MultibindingTest.Plugin: bound to itself");
  }

  @Test
  void elementsCanBeScoped() {
    Container container = Container.create(b -> {
      b.bindSet(StringBuilder.class).addBinding().toProvider(StringBuilder::new).in(Singleton.class);
      b.bindSet(StringBuilder.class).addBinding().toProvider(StringBuilder::new);
    });
    List<StringBuilder> first = List.copyOf(container.getInstance(new Key<Set<StringBuilder>>() {}));
    List<StringBuilder> second = List.copyOf(container.getInstance(new Key<Set<StringBuilder>>() {}));
    assertThat(second.get(0)).isSameAs(first.get(0));
    assertThat(second.get(1)).isNotSameAs(first.get(1));
  }
}
