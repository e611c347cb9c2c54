package dev.architect.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lab 07's output is computed: these check what it found, not fixed text. */
class Lab07InjectionTest {
  private static String output;

  @BeforeAll
  static void runTheLab() {
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      new Lab07Injection().run(out);
    }
    output = text.toString();
  }

  @Test
  void readsTheInjectionAnnotationsByReflection() {
    assertThat(output).contains(
        "== 1. Annotations, read by reflection",
        "@Inject OrderService(OrderRepository repository, Clock clock, @Named(\"currency\") String currency)",
        "@Inject Set<OrderPlugin> plugins",
        "@Inject void setNotifier(Notifier notifier)",
        "@Named(\"currency\") on parameter currency",
        "scope:                @Singleton",
        "@PostConstruct ready()",
        "@Timed place()");
  }

  @Test
  void printsTheAutowiredGraphFromTheBindings() {
    assertThat(output).contains(
        "== 2. Autowiring: the graph behind Shop.OrderService",
        "Shop.OrderRepository",
        "Shop.InMemoryOrderRepository",
        "Clock  [provider method",
        "@Named(\"currency\") String  [instance",
        "Set<Shop.OrderPlugin>  [multibinding",
        "Shop.Notifier",
        "@PostConstruct ran after injection: true",
        "plugins injected into the field, in binding order: QuantityLimit, AuditTrail");
  }

  @Test
  void interceptsThroughAHiddenProxyClass() {
    assertThat(output).contains(
        "== 3. Interception through a generated proxy",
        "superclass:      dev.architect.cli.lab.Shop$OrderService",
        "hidden class:    true",
        "same singleton:  true",
        "threw IllegalArgumentException: quantity must be between 1 and 10, was 50",
        "the audit plugin saw 3 orders",
        "@PreDestroy closed the repository: true");
    assertThat(output.lines().filter(line -> line.matches("  @Timed +[0-9.]+ us  place\\(.*")).count()).isEqualTo(4);
    assertThat(output.lines().filter(line -> line.matches("  @Timed +[0-9.]+ us  totalQuantity\\(\\) -> 6")).count())
        .isEqualTo(1);
  }

  @Test
  void showsTheErrorOfAMissingBinding() {
    assertThat(output).contains("== 4. A missing binding", "ConfigurationException (2 problems",
        "Shop.Checkout -> Shop.PaymentGateway", "@Named(\"merchant-id\") String");
  }
}
