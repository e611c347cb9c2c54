package dev.architect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.architect.inject.Container;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The architect-inject example of the root README.md, kept compiling and working. */
class ReadmeExampleTest {
  public interface Greeter {
    String greet(String name);
  }

  public static class PlainGreeter implements Greeter {
    @Override
    public String greet(String name) {
      return "hello, " + name;
    }
  }

  public static class Welcome {
    private final Greeter greeter;

    @Inject
    public Welcome(Greeter greeter) {
      this.greeter = greeter;
    }

    public String to(String name) {
      return greeter.greet(name);
    }
  }

  @Test
  void bindsAnInterfaceAndAutowiresTheRest() {
    try (Container container = Container.create(binder -> binder.bind(Greeter.class).to(PlainGreeter.class))) {
      Welcome welcome = container.getInstance(Welcome.class);
      assertThat(welcome.to("world")).isEqualTo("hello, world");
    }
  }
}
