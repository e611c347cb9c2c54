package dev.architect.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configuration problems: every one reported at once, each with its dependency path, in exact words. */
class ErrorReportingTest {
  interface Repository {}

  static class Service {
    @Inject
    Service(Repository repository) {}
  }

  static class Controller {
    @Inject
    Controller(Service service) {}
  }

  @Test
  void missingBindingNamesThePathThatLeadsToIt() {
    assertThatThrownBy(() -> Container.create(b -> b.bind(Controller.class)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("ErrorReportingTest.Controller -> ErrorReportingTest.Service -> ErrorReportingTest.Repository: "
            + "no binding for ErrorReportingTest.Repository (an interface; bind it to an implementation)");
  }

  @Test
  void problemsCarryTheirPathAsKeys() {
    ConfigurationException e = (ConfigurationException) catchThrowable(() -> Container.create(b -> b.bind(Controller.class)));
    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.path())
        .containsExactly(Key.of(Controller.class), Key.of(Service.class), Key.of(Repository.class)));
  }

  static class NeedsNamed {
    @Inject
    NeedsNamed(@jakarta.inject.Named("port") Integer port, Runnable task) {}
  }

  @Test
  void allProblemsAreReportedTogether() {
    assertThatThrownBy(() -> Container.create(b -> {
      b.bind(NeedsNamed.class);
      b.bind(Controller.class);
    })).hasMessage("""
        3 configuration problems:
        1) ErrorReportingTest.NeedsNamed -> @Named("port") Integer: no binding for @Named("port") Integer
        2) ErrorReportingTest.NeedsNamed -> Runnable: no binding for Runnable (an interface; bind it to an implementation)
        3) ErrorReportingTest.Controller -> ErrorReportingTest.Service -> ErrorReportingTest.Repository: \
        no binding for ErrorReportingTest.Repository (an interface; bind it to an implementation)""");
  }

  @Test
  void duplicateBindingNamesBothSources() {
    assertThatThrownBy(() -> Container.create(b -> {
      b.bind(Repository.class).toInstance(new Repository() {});
      b.bind(Repository.class).toInstance(new Repository() {});
    })).hasMessageMatching("ErrorReportingTest\\.Repository: bound twice \\(at ErrorReportingTest\\..+\\(ErrorReportingTest"
        + "\\.java:\\d+\\) and ErrorReportingTest\\..+\\(ErrorReportingTest\\.java:\\d+\\)\\)");
  }

  static class A {
    @Inject
    A(B b) {}
  }

  static class B {
    @Inject
    B(C c) {}
  }

  static class C {
    @Inject
    C(A a) {}
  }

  @Test
  void cycleWithoutProviderIsReportedWithItsPath() {
    assertThatThrownBy(() -> Container.create(b -> b.bind(A.class)))
        .hasMessage("ErrorReportingTest.A -> ErrorReportingTest.B -> ErrorReportingTest.C -> ErrorReportingTest.A: "
            + "dependency cycle (inject a Provider somewhere in it to break it)");
  }

  static class BreaksCycle {
    final Provider<LoopBack> loop;

    @Inject
    BreaksCycle(Provider<LoopBack> loop) {
      this.loop = loop;
    }
  }

  static class LoopBack {
    final BreaksCycle first;

    @Inject
    LoopBack(BreaksCycle first) {
      this.first = first;
    }
  }

  @Test
  void cycleThroughProviderIsFine() {
    Container container = Container.create(b -> b.bind(BreaksCycle.class));
    BreaksCycle root = container.getInstance(BreaksCycle.class);
    assertThat(root.loop.get().first).isNotNull().isNotSameAs(root);
  }

  @jakarta.inject.Scope
  @Retention(RetentionPolicy.RUNTIME)
  @interface RequestScoped {}

  @RequestScoped
  static class RequestState {}

  @Singleton
  static class Cache {
    @Inject
    Cache(RequestState state) {}
  }

  @Test
  void singletonDependingOnNarrowerScopeIsAMismatch() {
    assertThatThrownBy(() -> Container.create(b -> {
      b.bindScope(RequestScoped.class, new Scope() {
        @Override
        public <T> Provider<T> scope(Key<T> key, Provider<T> unscoped) {
          return unscoped;
        }
      });
      b.bind(Cache.class);
    })).hasMessage("ErrorReportingTest.Cache -> ErrorReportingTest.RequestState: scope mismatch: @Singleton "
        + "ErrorReportingTest.Cache would keep one @RequestScoped ErrorReportingTest.RequestState forever "
        + "(inject Provider<ErrorReportingTest.RequestState> instead)");
  }

  @Test
  void unboundScopeIsReported() {
    assertThatThrownBy(() -> Container.create(b -> b.bind(RequestState.class)))
        .hasMessage("ErrorReportingTest.RequestState: no scope is bound for @RequestScoped (bind one with Binder.bindScope)");
  }

  static class TwoConstructors {
    @Inject
    TwoConstructors() {}

    @Inject
    TwoConstructors(String s) {}
  }

  static class FinalField {
    @Inject
    final String value = "x";
  }

  static class NoUsableConstructor {
    NoUsableConstructor(String s) {}
  }

  @Test
  void classProblemsAreNamed() {
    assertThatThrownBy(() -> Container.create(b -> {
      b.bind(TwoConstructors.class);
      b.bind(FinalField.class);
      b.bind(NoUsableConstructor.class);
    })).hasMessage("""
        3 configuration problems:
        1) ErrorReportingTest.TwoConstructors: ErrorReportingTest.TwoConstructors has more than one @Inject constructor
        2) ErrorReportingTest.FinalField: cannot inject final field ErrorReportingTest.FinalField.value
        3) ErrorReportingTest.NoUsableConstructor: no binding for ErrorReportingTest.NoUsableConstructor \
        (no @Inject constructor, and no public constructor to choose from)""");
  }

  @Test
  void builderMisuseIsReported() {
    assertThatThrownBy(() -> Container.create(b -> b.bind(Repository.class).to(Repository.class)))
        .hasMessageStartingWith("ErrorReportingTest.Repository: bound to itself (at ErrorReportingTest.");
    assertThatThrownBy(() -> Container.create(b -> b.bind(Service.class).toInstance(new Service(null)).in(Singleton.class)))
        .hasMessageStartingWith("ErrorReportingTest.Service: an instance binding cannot be scoped (at ErrorReportingTest.");
    assertThatThrownBy(() -> Container.create(b -> b.bind(new Key<List<String>>() {})))
        .hasMessageStartingWith("List<String>: a generic type must be bound to a target (at ErrorReportingTest.");
  }

  @Test
  void runtimeLookupOfUnboundKeyFailsAndLeavesTheContainerUsable() {
    Container container = Container.create();
    assertThatThrownBy(() -> container.getInstance(Controller.class))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageEndingWith("no binding for ErrorReportingTest.Repository (an interface; bind it to an implementation)");
    assertThatThrownBy(() -> container.getInstance(Key.named(String.class, "missing")))
        .hasMessage("@Named(\"missing\") String: no binding for @Named(\"missing\") String");
    assertThat(container.getInstance(BreaksCycle.class)).isNotNull();
  }

  static class Exploding {
    @Inject
    Exploding() throws java.io.IOException {
      throw new java.io.IOException("disk on fire");
    }
  }

  @Test
  void failureInAConstructorIsAProvisionExceptionWithTheCause() {
    Container container = Container.create();
    assertThatThrownBy(() -> container.getInstance(Exploding.class))
        .isInstanceOf(ProvisionException.class)
        .hasMessage("error providing ErrorReportingTest.Exploding: IOException (disk on fire)")
        .hasCauseInstanceOf(java.io.IOException.class);
  }

  @Test
  void closedContainerRefusesWork() {
    Container container = Container.create();
    container.close();
    assertThatThrownBy(() -> container.getInstance(Service.class)).isInstanceOf(IllegalStateException.class)
        .hasMessage("the container is closed");
  }

  private static Throwable catchThrowable(Runnable r) {
    try {
      r.run();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }
}
