package dev.architect.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Method interception through generated hidden-class proxies. */
class InterceptionTest {
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.TYPE})
  @interface Traced {}

  static class Greeter {
    final List<String> calls = new ArrayList<>();
    final String greeting;

    @Inject
    Greeter(Punctuation punctuation) {
      this.greeting = "hello" + punctuation.mark;
    }

    @Traced
    public String greet(String name) {
      calls.add(name);
      return greeting + " " + name;
    }

    @Traced
    int add(int a, long b) { // package-private, primitives
      return (int) (a + b);
    }

    @Traced
    protected void touch(List<String> into) {
      into.add("touched");
    }

    public String plain() {
      return "plain";
    }
  }

  static class Punctuation {
    final String mark = "!";
  }

  private static final MethodInterceptor UPPERCASE = call -> call.proceed() instanceof String s ? s.toUpperCase() : call.proceed();

  @Test
  void interceptsPublicPackagePrivateAndProtectedMethodsOfAConcreteClass() {
    List<String> log = new ArrayList<>();
    Container container = Container.create(b -> b.bindInterceptor(Traced.class, call -> {
      log.add(call.method().getName() + List.of(call.arguments()));
      return call.proceed();
    }));
    Greeter greeter = container.getInstance(Greeter.class);

    assertThat(greeter.getClass()).isNotEqualTo(Greeter.class).hasSuperclass(Greeter.class);
    assertThat(greeter.getClass().isHidden()).isTrue();
    assertThat(greeter.greet("ada")).isEqualTo("hello! ada");
    assertThat(greeter.add(2, 40L)).isEqualTo(42);
    List<String> into = new ArrayList<>();
    greeter.touch(into);
    assertThat(greeter.plain()).isEqualTo("plain");

    assertThat(into).containsExactly("touched");
    assertThat(log).containsExactly("greet[ada]", "add[2, 40]", "touch[[]]");
    assertThat(container.getBinding(Key.of(Greeter.class)).constructedClass()).isSameAs(greeter.getClass());
  }

  @Test
  void interceptorCanChangeResultSkipRetryAndChangeArguments() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    Container container = Container.create(b -> {
      b.bindInterceptor(c -> c == Flaky.class, m -> m.getName().equals("fetch"), call -> {
        while (true) {
          try {
            return call.proceed();
          } catch (IllegalStateException e) {
            attempts.incrementAndGet(); // retry
          }
        }
      });
      b.bindInterceptor(c -> c == Flaky.class, m -> m.getName().equals("skipped"), call -> "skipped by interceptor");
      b.bindInterceptor(c -> c == Flaky.class, m -> m.getName().equals("twice"), call -> call.proceed(
          (Integer) call.arguments()[0] * 2));
      b.bindInterceptor(c -> c == Flaky.class, m -> m.getName().equals("shout"), UPPERCASE);
    });
    Flaky flaky = container.getInstance(Flaky.class);

    assertThat(flaky.fetch()).isEqualTo("ok after 3");
    assertThat(attempts).hasValue(2);
    assertThat(flaky.skipped()).isEqualTo("skipped by interceptor");
    assertThat(flaky.calledSkipped).isFalse();
    assertThat(flaky.twice(21)).isEqualTo(42);
    assertThat(flaky.shout()).isEqualTo("QUIET");
  }

  static class Flaky {
    int calls;
    boolean calledSkipped;

    public String fetch() {
      if (++calls < 3) {
        throw new IllegalStateException("not yet");
      }
      return "ok after " + calls;
    }

    public String skipped() {
      calledSkipped = true;
      return "original";
    }

    public int twice(int value) {
      return value;
    }

    public String shout() {
      return "quiet";
    }
  }

  @Test
  void interceptorsRunInBindingOrderAndExceptionsPassThrough() {
    List<String> order = new ArrayList<>();
    Container container = Container.create(b -> {
      b.bindInterceptor(Traced.class, call -> {
        order.add("outer");
        return call.proceed();
      });
      b.bindInterceptor(Traced.class, call -> {
        order.add("inner");
        return call.proceed();
      });
    });
    Thrower thrower = container.getInstance(Thrower.class);
    assertThatThrownBy(thrower::fail).isInstanceOf(java.io.IOException.class).hasMessage("checked");
    assertThat(order).containsExactly("outer", "inner");
  }

  @Traced // class-level: every overridable method
  static class Thrower {
    public void fail() throws java.io.IOException {
      throw new java.io.IOException("checked");
    }

    private void helper() {} // private: not a candidate of a class-wide rule

    static void utility() {}
  }

  @Test
  void wrongResultTypeFromAnInterceptorIsAClearError() {
    Container container = Container.create(b -> b.bindInterceptor(Traced.class, call -> "not a number"));
    Greeter greeter = container.getInstance(Greeter.class);
    assertThatThrownBy(() -> greeter.add(1, 2)).isInstanceOf(ClassCastException.class)
        .hasMessage("an interceptor returned a java.lang.String for InterceptionTest.Greeter.add(), which returns int");
  }

  @Test
  void proceedWithWrongArgumentsIsRejected() {
    Container container = Container.create(b -> b.bindInterceptor(Traced.class, call -> call.proceed("x", "y")));
    Greeter greeter = container.getInstance(Greeter.class);
    assertThatThrownBy(() -> greeter.add(1, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("argument 0 of InterceptionTest.Greeter.add() must be a int, was java.lang.String");
  }

  static class Sealed {
    @Traced
    public final void locked() {}

    @Traced
    private void hidden() {}
  }

  static final class FinalClass {
    @Traced
    public void anything() {}
  }

  @Test
  void methodsThatCannotBeInterceptedAreReportedAtBuild() {
    assertThatThrownBy(() -> Container.create(b -> {
      b.bindInterceptor(Traced.class, Invocation::proceed);
      b.bind(Sealed.class);
      b.bind(FinalClass.class);
    })).isInstanceOf(ConfigurationException.class).message()
        .contains("InterceptionTest.Sealed: cannot intercept InterceptionTest.Sealed.locked(): it is final (interceptor "
            + "bound at InterceptionTest.")
        .contains("InterceptionTest.Sealed: cannot intercept InterceptionTest.Sealed.hidden(): it is private")
        .contains("InterceptionTest.FinalClass: cannot intercept InterceptionTest.FinalClass.anything(): its class "
            + "InterceptionTest.FinalClass is final");
  }

  static class CallsFromConstructor {
    final String seen;

    @Inject
    CallsFromConstructor() {
      seen = name(); // the interceptor runs even here, during the super constructor
    }

    @Traced
    public String name() {
      return "original";
    }
  }

  @Test
  void methodsCalledByTheConstructorAreInterceptedToo() {
    Container container = Container.create(b -> b.bindInterceptor(Traced.class, call -> "intercepted"));
    assertThat(container.getInstance(CallsFromConstructor.class).seen).isEqualTo("intercepted");
  }

  static class PrivateConstructor {
    @Inject
    private PrivateConstructor() {}

    @Traced
    public String value() {
      return "v";
    }
  }

  @Test
  void classesWithPrivateInjectConstructorsCanBeProxied() {
    Container container = Container.create(b -> b.bindInterceptor(Traced.class, UPPERCASE));
    assertThat(container.getInstance(PrivateConstructor.class).value()).isEqualTo("V");
  }

  @Test
  void instancesAreNotInterceptedAndUnmatchedClassesAreNotProxied() {
    Container container = Container.create(b -> {
      b.bindInterceptor(Traced.class, UPPERCASE);
      b.bind(Greeter.class).toInstance(new Greeter(new Punctuation()));
    });
    assertThat(container.getInstance(Greeter.class).getClass()).isEqualTo(Greeter.class);
    assertThat(container.getInstance(Punctuation.class).getClass()).isEqualTo(Punctuation.class);
  }

  @Test
  void grantAccessNeedsAFullPrivilegeLookup() {
    var reduced = java.lang.invoke.MethodHandles.lookup().dropLookupMode(java.lang.invoke.MethodHandles.Lookup.PRIVATE);
    assertThatThrownBy(() -> Container.create(b -> b.grantAccess(reduced)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("lookup must have full privilege access (pass MethodHandles.lookup()), was ");
  }

  @Test
  void oneProxyClassServesEveryContainer() {
    Greeter first = Container.create(b -> b.bindInterceptor(Traced.class, UPPERCASE)).getInstance(Greeter.class);
    Greeter second = Container.create(b -> b.bindInterceptor(Traced.class, Invocation::proceed)).getInstance(Greeter.class);
    assertThat(second.getClass()).isSameAs(first.getClass());
    assertThat(first.greet("x")).isEqualTo("HELLO! X");
    assertThat(second.greet("x")).isEqualTo("hello! x");
  }

  @Test
  void ordinaryProxiesForModulesThatOnlyOpenTheirPackageBehaveTheSame() throws Throwable {
    List<String> log = new ArrayList<>();
    MethodInterceptor logging = call -> {
      log.add(call.method().getName());
      return call.proceed();
    };
    InjectionPlan plan = InjectionPlan.of(Greeter.class);
    List<String> problems = new ArrayList<>();
    Interceptors.Plan interception = Interceptors.plan(Greeter.class,
        List.of(Interceptors.Rule.byAnnotation(Traced.class, List.of(logging), "test")), problems);
    assertThat(problems).isEmpty();

    Proxies.Proxy proxy = Proxies.defineOrdinary(plan, interception);
    Greeter greeter = (Greeter) proxy.constructor().invoke(new Punctuation());

    assertThat(proxy.type().isHidden()).isFalse();
    assertThat(proxy.type().getName()).startsWith(Greeter.class.getName() + "$$Proxy$");
    assertThat(greeter.greet("ada")).isEqualTo("hello! ada");
    assertThat(greeter.add(2, 40L)).isEqualTo(42);
    assertThat(log).containsExactly("greet", "add");

    InjectionPlan throwerPlan = InjectionPlan.of(Thrower.class);
    Interceptors.Plan throwerInterception = Interceptors.plan(Thrower.class,
        List.of(Interceptors.Rule.byAnnotation(Traced.class, List.of(logging), "test")), problems);
    Thrower thrower = (Thrower) Proxies.defineOrdinary(throwerPlan, throwerInterception).constructor().invoke();
    assertThatThrownBy(thrower::fail).isInstanceOf(java.io.IOException.class).hasMessage("checked");
  }
}
