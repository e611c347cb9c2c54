package dev.architect.inject;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of inject/README.md, compiled and run. */
class ReadmeExampleTest {
  interface Greeter {
    String greet(String name);
  }

  static class PoliteGreeter implements Greeter {
    @Override
    public String greet(String name) {
      return "Good morning, " + name + ".";
    }
  }

  static class Frontdesk {
    private final Greeter greeter;

    @Inject
    Frontdesk(Greeter greeter) {
      this.greeter = greeter;
    }

    @Timed
    String welcome(String guest) {
      return greeter.greet(guest);
    }
  }

  @Retention(RetentionPolicy.RUNTIME)
  @interface Timed {}

  @Test
  void smallestUsefulExample() {
    try (Container container = Container.create(binder -> binder.bind(Greeter.class).to(PoliteGreeter.class))) {
      Frontdesk desk = container.getInstance(Frontdesk.class);
      assertThat(desk.welcome("Ada")).isEqualTo("Good morning, Ada.");
    }
  }

  @Test
  void interceptionExample() {
    List<String> metrics = new ArrayList<>();
    Container container = Container.create(
        binder -> binder.bind(Greeter.class).to(PoliteGreeter.class),
        binder -> binder.bindInterceptor(Timed.class, call -> {
          long start = System.nanoTime();
          try {
            return call.proceed();
          } finally {
            metrics.add(call.method().getName() + " " + (System.nanoTime() - start >= 0));
          }
        }));
    assertThat(container.getInstance(Frontdesk.class).welcome("Grace")).isEqualTo("Good morning, Grace.");
    assertThat(metrics).containsExactly("welcome true");
  }
}
