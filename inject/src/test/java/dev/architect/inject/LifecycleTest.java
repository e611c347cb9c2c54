package dev.architect.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  static final List<String> EVENTS = new ArrayList<>();

  static class Base {
    @PostConstruct
    void baseStarted() {
      EVENTS.add("base started " + getClass().getSimpleName());
    }

    @PreDestroy
    void baseStopped() {
      EVENTS.add("base stopped " + getClass().getSimpleName());
    }
  }

  @Singleton
  static class Database extends Base {
    @Inject
    Database() {
      EVENTS.add("new Database");
    }

    @PostConstruct
    void open() {
      EVENTS.add("open Database");
    }

    @PreDestroy
    void close() {
      EVENTS.add("close Database");
    }
  }

  @Singleton
  static class Repository {
    @Inject
    Repository(Database db) {
      EVENTS.add("new Repository");
    }

    @PreDestroy
    void flush() {
      EVENTS.add("flush Repository");
    }
  }

  static class Unscoped {
    @PreDestroy
    void never() {
      EVENTS.add("never");
    }
  }

  @Test
  void postConstructRunsTopDownAndPreDestroyInReverseCreationOrder() {
    EVENTS.clear();
    Container container = Container.create();
    container.getInstance(Repository.class);
    container.getInstance(Unscoped.class);
    assertThat(EVENTS).containsExactly("new Database", "base started Database", "open Database", "new Repository");
    EVENTS.clear();
    container.close();
    container.close(); // twice: nothing more
    assertThat(EVENTS).containsExactly("flush Repository", "close Database", "base stopped Database");
  }

  @Test
  void closingAParentClosesItsChildrenFirst() {
    EVENTS.clear();
    Container parent = Container.create();
    parent.getInstance(Database.class);
    Container child = parent.createChild(b -> b.bind(Repository.class));
    child.getInstance(Repository.class);
    EVENTS.clear();
    parent.close();
    assertThat(EVENTS).containsExactly("flush Repository", "close Database", "base stopped Database");
  }

  @Singleton
  static class FailsToStop {
    @PreDestroy
    void stop() {
      throw new IllegalStateException("stuck");
    }
  }

  @Test
  void everyPreDestroyRunsEvenWhenOneFails() {
    EVENTS.clear();
    Container container = Container.create();
    container.getInstance(Database.class);
    container.getInstance(FailsToStop.class);
    EVENTS.clear();
    assertThatThrownBy(container::close).isInstanceOf(InjectionException.class)
        .hasMessage("@PreDestroy method LifecycleTest.FailsToStop.stop() failed: java.lang.IllegalStateException: stuck");
    assertThat(EVENTS).containsExactly("close Database", "base stopped Database");
  }

  @Singleton
  static class FailsToStart {
    @Inject
    FailsToStart(Database database) {
      throw new IllegalStateException("no config");
    }
  }

  @Test
  void aFailingEagerSingletonFailsTheBuildAndStopsWhatWasAlreadyStarted() {
    EVENTS.clear();
    assertThatThrownBy(() -> Container.create(b -> {
      b.bind(Database.class).asEagerSingleton();
      b.bind(FailsToStart.class).asEagerSingleton();
    })).isInstanceOf(ProvisionException.class)
        .hasMessage("error providing LifecycleTest.FailsToStart: IllegalStateException (no config)");
    assertThat(EVENTS).containsExactly("new Database", "base started Database", "open Database", "close Database",
        "base stopped Database");
  }
}
