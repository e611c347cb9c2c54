package dev.architect.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Counters and gauges through an in-memory OpenTelemetry SDK. */
class MetricsTest {
  private final InMemoryMetricReader reader = InMemoryMetricReader.create();
  private final SdkMeterProvider meters = SdkMeterProvider.builder().registerMetricReader(reader).build();
  private final OpenTelemetry otel = OpenTelemetrySdk.builder().setMeterProvider(meters).build();
  private final FakeClock clock = new FakeClock();

  @AfterEach
  void close() {
    meters.close();
  }

  /** The points of metric {@code name}, keyed by their attributes other than the policy's name. */
  private Map<String, Long> points(String name) {
    Collection<MetricData> all = reader.collectAllMetrics();
    Map<String, Long> out = new TreeMap<>();
    for (MetricData metric : all) {
      if (!metric.getName().equals(name)) {
        continue;
      }
      Collection<? extends LongPointData> data = switch (metric.getType()) {
        case LONG_SUM -> metric.getLongSumData().getPoints();
        case LONG_GAUGE -> metric.getLongGaugeData().getPoints();
        default -> throw new AssertionError(metric.getType());
      };
      for (LongPointData point : data) {
        Attributes attributes = point.getAttributes();
        assertThat(attributes.get(AttributeKey.stringKey("name"))).isNotNull();
        String key = attributes.get(AttributeKey.stringKey("outcome")) != null
            ? attributes.get(AttributeKey.stringKey("outcome"))
            : attributes.get(AttributeKey.stringKey("state")) != null ? attributes.get(AttributeKey.stringKey("state")) : "value";
        out.put(key, point.getValue());
      }
    }
    return out;
  }

  @Test
  void theBreakerCountsCallsTransitionsAndReportsItsState() throws Exception {
    CircuitBreaker breaker = CircuitBreaker.builder("cb").ticker(clock).openTelemetry(otel)
        .slidingWindow(CircuitBreaker.WindowType.COUNT_BASED, 2).minimumNumberOfCalls(2).build();
    breaker.call(() -> "ok");
    assertThatThrownBy(() -> breaker.call(() -> {
      throw new IOException("down");
    })).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> breaker.call(() -> "refused")).isInstanceOf(CircuitBreakerOpenException.class);
    assertThat(points("architect.resilience.circuit_breaker.calls"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("success", 1L, "failure", 1L, "rejected", 1L));
    assertThat(points("architect.resilience.circuit_breaker.transitions")).containsExactlyEntriesOf(Map.of("open", 1L));
    assertThat(points("architect.resilience.circuit_breaker.state")).containsExactlyInAnyOrderEntriesOf(Map.of(
        "closed", 0L, "open", 1L, "half_open", 0L, "forced_open", 0L, "disabled", 0L));
  }

  @Test
  void retryRateLimiterAndBulkheadCountTheirOutcomes() throws Exception {
    Retry retry = Retry.builder("r").ticker(clock).sleeper(clock).openTelemetry(otel)
        .backoff(Backoff.fixed(Duration.ZERO)).build();
    int[] n = {0};
    retry.call(() -> ++n[0] < 2 ? failing() : "ok");
    retry.call(() -> "ok");
    assertThat(points("architect.resilience.retry.calls"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("success", 1L, "success_after_retry", 1L));
    assertThat(points("architect.resilience.retry.retries")).containsExactlyEntriesOf(Map.of("retry", 1L));

    RateLimiter limiter = RateLimiter.builder("rl").ticker(clock).openTelemetry(otel)
        .capacity(2).refill(1, Duration.ofSeconds(1)).build();
    limiter.tryAcquire();
    limiter.tryAcquire();
    limiter.tryAcquire();
    assertThat(points("architect.resilience.rate_limiter.calls"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("permitted", 2L, "rejected", 1L));
    clock.advance(Duration.ofSeconds(1));
    assertThat(points("architect.resilience.rate_limiter.available")).containsExactlyEntriesOf(Map.of("value", 1L));

    Bulkhead bulkhead = Bulkhead.builder("bh").maxConcurrentCalls(3).openTelemetry(otel).build();
    bulkhead.call(() -> {
      assertThat(points("architect.resilience.bulkhead.available")).containsExactlyEntriesOf(Map.of("value", 2L));
      return null;
    });
    assertThat(points("architect.resilience.bulkhead.calls")).containsExactlyEntriesOf(Map.of("permitted", 1L));
  }

  private static String failing() throws IOException {
    throw new IOException("once");
  }

  @Test
  void theNoopDefaultCreatesNoInstruments() throws Exception {
    CircuitBreaker breaker = CircuitBreaker.builder("quiet").build();
    breaker.call(() -> "ok");
    assertThat(new Metrics(OpenTelemetry.noop(), "x", "y").enabled).isFalse();
    assertThat(new Metrics(otel, "x", "y").enabled).isTrue();
    assertThat(reader.collectAllMetrics()).isEmpty();
  }
}
