package dev.architect.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The examples of resilience/README.md, compiled and run. */
class ReadmeExampleTest {
  /** The dependencies the examples call. */
  static final class Gateway {
    String charge(String order) {
      return "receipt for " + order;
    }
  }

  static final class Inventory {
    int stock(String sku) {
      return 7;
    }
  }

  private final Gateway gateway = new Gateway();
  private final Inventory inventory = new Inventory();

  @Test
  void examples() throws Exception {
    CircuitBreaker breaker = CircuitBreaker.builder("payments")
        .failureRateThreshold(50)                                   // open at 50% failures...
        .slidingWindow(CircuitBreaker.WindowType.COUNT_BASED, 20)   // ...of the last 20 calls
        .minimumNumberOfCalls(10)                                   // once there are 10 of them
        .waitInOpenState(Duration.ofSeconds(30))
        .permittedCallsInHalfOpenState(3)
        .build();
    String receipt = breaker.call(() -> gateway.charge("order-1"));
    assertThat(receipt).isEqualTo("receipt for order-1");

    Retry retry = Retry.builder("inventory")
        .maxAttempts(4)
        .maxDuration(Duration.ofSeconds(2))
        .backoff(Backoff.exponentialFullJitter(Duration.ofMillis(100), 2, Duration.ofSeconds(1)))
        .retryOn(e -> e instanceof IOException)
        .build();
    int stock = retry.call(() -> inventory.stock("sku-1"));
    assertThat(stock).isEqualTo(7);

    RateLimiter limiter = RateLimiter.builder("search")
        .capacity(20)                          // bursts of up to 20
        .refill(10, Duration.ofSeconds(1))     // then 10 per second
        .build();
    boolean now = limiter.tryAcquire();                            // never waits
    boolean soon = limiter.acquire(1, Duration.ofMillis(200));     // waits up to 200 ms
    assertThat(now).isTrue();
    assertThat(soon).isTrue();

    KeyedRateLimiter<String> perClient = RateLimiter.builder("api")
        .capacity(5).refill(5, Duration.ofSeconds(1))
        .buildKeyed(10_000);                   // at most 10,000 buckets in memory
    boolean allowed = perClient.tryAcquire("client-42");
    assertThat(allowed).isTrue();

    Bulkhead bulkhead = Bulkhead.builder("reports").maxConcurrentCalls(8).maxWait(Duration.ofMillis(50)).build();
    String report = bulkhead.call(() -> "rendered");
    assertThat(report).isEqualTo("rendered");

    try (ThreadPoolBulkhead pool = ThreadPoolBulkhead.builder("thumbnails").maxThreads(2).queueCapacity(10).build()) {
      Future<String> thumbnail = pool.submit(() -> "thumbnail");
      assertThat(thumbnail.get()).isEqualTo("thumbnail");
    }

    Timeout timeout = Timeout.of("quotes", Duration.ofMillis(300));
    String quote = timeout.call(() -> "42.00");
    assertThat(quote).isEqualTo("42.00");

    Fallback<String> lastKnown = Fallback.of(failure -> "41.50 (cached)");
    String price = lastKnown.call(() -> { throw new IOException("quotes down"); });
    assertThat(price).isEqualTo("41.50 (cached)");

    Pipeline<String> payments = Pipeline.<String>builder()
        .fallback(Fallback.of(failure -> "queued for later"))
        .retry(retry)
        .circuitBreaker(breaker)
        .rateLimiter(limiter)
        .bulkhead(bulkhead)
        .build();
    String outcome = payments.call(() -> gateway.charge("order-2"));
    assertThat(outcome).isEqualTo("receipt for order-2");

    OpenTelemetry otel = OpenTelemetry.noop();   // the application's SDK instance in production
    CircuitBreaker observed = CircuitBreaker.builder("inventory").openTelemetry(otel).build();
    assertThat(observed.state()).isEqualTo(CircuitBreaker.State.CLOSED);
  }
}
