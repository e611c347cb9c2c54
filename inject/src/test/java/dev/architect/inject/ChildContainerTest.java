package dev.architect.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

class ChildContainerTest {
  interface Clock {}

  static class SystemClock implements Clock {}

  interface Tenant {}

  record Acme() implements Tenant {}

  @Singleton
  static class SharedCache {}

  static class TenantService {
    final Tenant tenant;
    final Clock clock;
    final SharedCache cache;

    @Inject
    TenantService(Tenant tenant, Clock clock, SharedCache cache) {
      this.tenant = tenant;
      this.clock = clock;
      this.cache = cache;
    }
  }

  @Test
  void childSeesParentBindingsAndAddsItsOwn() {
    Container parent = Container.create(b -> b.bind(Clock.class).to(SystemClock.class).in(Singleton.class));
    Container child = parent.createChild(b -> b.bind(Tenant.class).to(Acme.class));
    TenantService service = child.getInstance(TenantService.class);
    assertThat(service.tenant).isInstanceOf(Acme.class);
    assertThat(service.clock).isSameAs(parent.getInstance(Clock.class));
    assertThat(child.parent()).containsSame(parent);
    assertThatThrownBy(() -> parent.getInstance(TenantService.class)).isInstanceOf(ConfigurationException.class)
        .hasMessageEndingWith("no binding for ChildContainerTest.Tenant (an interface; bind it to an implementation)");
  }

  @Test
  void justInTimeSingletonsNeedingOnlyParentBindingsLiveInTheParent() {
    Container parent = Container.create(b -> b.bind(Clock.class).to(SystemClock.class));
    Container first = parent.createChild(b -> b.bind(Tenant.class).to(Acme.class));
    Container second = parent.createChild(b -> b.bind(Tenant.class).toInstance(new Acme()));
    assertThat(first.getInstance(SharedCache.class)).isSameAs(second.getInstance(SharedCache.class))
        .isSameAs(parent.getInstance(SharedCache.class));
    assertThat(first.getInstance(TenantService.class).tenant).isNotSameAs(second.getInstance(TenantService.class).tenant);
  }

  @Test
  void childCannotRebindWhatTheParentBound() {
    Container parent = Container.create(b -> b.bind(Clock.class).to(SystemClock.class));
    assertThatThrownBy(() -> parent.createChild(b -> b.bind(Clock.class).toInstance(new SystemClock())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("ChildContainerTest.Clock: already bound in the parent container (at ChildContainerTest.");
  }

  @Test
  void childGetsItsOwnContainerInjected() {
    Container parent = Container.create();
    Container child = parent.createChild();
    assertThat(child.getInstance(Container.class)).isSameAs(child);
    assertThat(parent.getInstance(Container.class)).isSameAs(parent);
  }
}
