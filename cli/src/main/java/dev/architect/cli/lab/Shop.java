package dev.architect.cli.lab;

import dev.architect.inject.Binder;
import dev.architect.inject.Module;
import dev.architect.inject.PostConstruct;
import dev.architect.inject.PreDestroy;
import dev.architect.inject.Provides;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The small shop application that lab 07 reads, wires and intercepts: an order service with a
 * repository, a clock, a notifier, a configured currency and a set of plugins.
 */
final class Shop {
  private Shop() {}

  /** Interceptor binding: the lab binds a timing interceptor to methods carrying it. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.METHOD, ElementType.TYPE})
  @interface Timed {}

  /** A placed order. */
  record Order(long id, String item, int quantity, String currency, Instant placedAt) {
    @Override
    public String toString() {
      return "order #" + id + " (" + quantity + " x " + item + ")";
    }
  }

  /** Where orders are kept. */
  interface OrderRepository {
    Order save(String item, int quantity, String currency, Instant placedAt);

    List<Order> all();
  }

  /** Tells someone an order was placed. */
  interface Notifier {
    void orderPlaced(Order order);
  }

  /** Checks or records each order before it is saved; contributed to a {@code Set} multibinding. */
  interface OrderPlugin {
    void beforeSave(String item, int quantity);
  }

  /** The service the lab asks the container for: every kind of injection point in one class. */
  @Singleton
  static class OrderService {
    private final OrderRepository repository;
    private final Clock clock;
    private final String currency;
    private Notifier notifier;
    private boolean ready;

    /** Field injection: a multibinding, filled after the constructor ran. */
    @Inject Set<OrderPlugin> plugins;

    /** Constructor injection, with a qualified parameter. */
    @Inject
    OrderService(OrderRepository repository, Clock clock, @Named("currency") String currency) {
      this.repository = repository;
      this.clock = clock;
      this.currency = currency;
    }

    /** Method injection. */
    @Inject
    void setNotifier(Notifier notifier) {
      this.notifier = notifier;
    }

    @PostConstruct
    void ready() {
      ready = notifier != null && plugins != null;
    }

    boolean isReady() {
      return ready;
    }

    @Timed
    public Order place(String item, int quantity) {
      for (OrderPlugin plugin : plugins) {
        plugin.beforeSave(item, quantity);
      }
      Order order = repository.save(item, quantity, currency, clock.instant());
      notifier.orderPlaced(order);
      return order;
    }

    @Timed
    public int totalQuantity() {
      return repository.all().stream().mapToInt(Order::quantity).sum();
    }
  }

  /** Keeps orders in memory. */
  static final class InMemoryOrderRepository implements OrderRepository {
    private final List<Order> orders = new ArrayList<>();
    private boolean closed;

    @Inject
    InMemoryOrderRepository() {}

    @Override
    public synchronized Order save(String item, int quantity, String currency, Instant placedAt) {
      if (closed) {
        throw new IllegalStateException("repository is closed");
      }
      Order order = new Order(orders.size() + 1L, item, quantity, currency, placedAt);
      orders.add(order);
      return order;
    }

    @Override
    public synchronized List<Order> all() {
      return List.copyOf(orders);
    }

    @PreDestroy
    synchronized void close() {
      closed = true;
    }

    synchronized boolean isClosed() {
      return closed;
    }
  }

  /** Prints a line per order to the lab's output. */
  static final class PrintingNotifier implements Notifier {
    private final PrintWriter out;

    @Inject
    PrintingNotifier(@Named("lab.out") PrintWriter out) {
      this.out = out;
    }

    @Override
    public void orderPlaced(Order order) {
      out.println("    notifier: " + order + " placed at " + order.placedAt());
    }
  }

  /** Refuses orders of more than ten of anything. */
  static final class QuantityLimit implements OrderPlugin {
    @Inject
    QuantityLimit() {}

    @Override
    public void beforeSave(String item, int quantity) {
      if (quantity < 1 || quantity > 10) {
        throw new IllegalArgumentException("quantity must be between 1 and 10, was " + quantity);
      }
    }
  }

  /** Counts the orders it has seen. */
  @Singleton
  static final class AuditTrail implements OrderPlugin {
    private int seen;

    @Inject
    AuditTrail() {}

    @Override
    public synchronized void beforeSave(String item, int quantity) {
      seen++;
    }

    synchronized int seen() {
      return seen;
    }
  }

  /** The shop's bindings: linked, instance, provider method and multibinding. */
  static final class ShopModule implements Module {
    private final PrintWriter out;

    ShopModule(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void configure(Binder binder) {
      binder.bind(OrderRepository.class).to(InMemoryOrderRepository.class).in(Singleton.class);
      binder.bind(Notifier.class).to(PrintingNotifier.class);
      binder.bind(String.class).named("currency").toInstance("EUR");
      binder.bind(PrintWriter.class).named("lab.out").toInstance(out);
      binder.bindSet(OrderPlugin.class).addBinding().to(QuantityLimit.class);
      binder.bindSet(OrderPlugin.class).addBinding().to(AuditTrail.class);
    }

    @Provides
    @Singleton
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  /** A payment gateway nobody binds: lab 07's configuration error. */
  interface PaymentGateway {
    void charge(String merchantId, long cents);
  }

  /** Needs a gateway and a merchant id, neither of which is bound. */
  static final class Checkout {
    @Inject
    Checkout(PaymentGateway gateway, @Named("merchant-id") String merchantId) {
      gateway.charge(merchantId, 0);
    }
  }
}
