package dev.architect.resilience;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Bad configuration fails at build, naming the parameter and its value. */
class ConfigurationTest {
  private static void rejects(ThrowingCallable build, String message) {
    assertThatThrownBy(build).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void names() {
    rejects(() -> CircuitBreaker.builder(" "), "name must not be blank, was ' '");
    rejects(() -> Retry.builder(""), "name must not be blank, was ''");
    rejects(() -> Timeout.of("\t", Duration.ofSeconds(1)), "name must not be blank, was '\t'");
    assertThatThrownBy(() -> Bulkhead.builder(null)).isInstanceOf(NullPointerException.class).hasMessage("name");
  }

  @Test
  void circuitBreaker() {
    CircuitBreaker.Builder b = CircuitBreaker.builder("cb");
    rejects(() -> b.failureRateThreshold(0), "failureRateThreshold must be in (0, 100], was 0.0");
    rejects(() -> b.failureRateThreshold(100.5), "failureRateThreshold must be in (0, 100], was 100.5");
    rejects(() -> b.failureRateThreshold(Double.NaN), "failureRateThreshold must be in (0, 100], was NaN");
    rejects(() -> b.slowCallRateThreshold(-5, Duration.ofSeconds(1)), "slowCallRateThreshold must be in (0, 100], was -5.0");
    rejects(() -> b.slowCallRateThreshold(50, Duration.ZERO), "slowCallDuration must be positive, was PT0S");
    rejects(() -> b.slidingWindow(CircuitBreaker.WindowType.COUNT_BASED, 0), "windowSize must be positive, was 0");
    rejects(() -> b.slidingWindow(CircuitBreaker.WindowType.COUNT_BASED, -3), "windowSize must be positive, was -3");
    rejects(() -> b.slidingWindow(CircuitBreaker.WindowType.COUNT_BASED, 100_001), "windowSize must be at most 100000, was 100001");
    rejects(() -> b.slidingWindow(CircuitBreaker.WindowType.TIME_BASED, 3601), "windowSize must be at most 3600, was 3601");
    rejects(() -> b.minimumNumberOfCalls(0), "minimumNumberOfCalls must be positive, was 0");
    rejects(() -> b.waitInOpenState(Duration.ZERO), "waitInOpenState must be positive, was PT0S");
    rejects(() -> b.waitInOpenState(Duration.ofSeconds(-1)), "waitInOpenState must be positive, was PT-1S");
    rejects(() -> b.permittedCallsInHalfOpenState(0), "permittedCallsInHalfOpenState must be positive, was 0");
    rejects(() -> b.permittedCallsInHalfOpenState(200_000), "permittedCallsInHalfOpenState must be at most 100000, was 200000");
    assertThatThrownBy(() -> b.ticker(null)).isInstanceOf(NullPointerException.class).hasMessage("ticker");
    assertThatThrownBy(() -> b.recordExceptions(null)).isInstanceOf(NullPointerException.class).hasMessage("isFailure");
  }

  @Test
  void retry() {
    Retry.Builder b = Retry.builder("r");
    rejects(() -> b.maxAttempts(0), "maxAttempts must be positive, was 0");
    rejects(() -> b.maxDuration(Duration.ZERO), "maxDuration must be positive, was PT0S");
    rejects(() -> b.maxDuration(Duration.ofMillis(-10)), "maxDuration must be positive, was PT-0.01S");
    assertThatThrownBy(() -> b.backoff(null)).isInstanceOf(NullPointerException.class).hasMessage("backoff");
  }

  @Test
  void rateLimiter() {
    RateLimiter.Builder b = RateLimiter.builder("rl");
    rejects(() -> b.capacity(0), "capacity must be positive, was 0");
    rejects(() -> b.capacity(-1), "capacity must be positive, was -1");
    rejects(() -> b.refill(0, Duration.ofSeconds(1)), "tokens must be positive, was 0");
    rejects(() -> b.refill(10, Duration.ZERO), "period must be positive, was PT0S");
    rejects(() -> b.refill(2_000_000_000L, Duration.ofSeconds(1)),
        "refill rate must be at most one token per nanosecond, was 2000000000 per PT1S");
    rejects(() -> b.maxWait(Duration.ofSeconds(-1)), "maxWait must not be negative, was PT-1S");
    rejects(() -> RateLimiter.builder("big").capacity(Long.MAX_VALUE).refill(1, Duration.ofSeconds(1)).build(),
        "capacity must be at most 2305843009 at a refill interval of 1000000000 ns (a full bucket must refill within 73 years), was 9223372036854775807");
    rejects(() -> RateLimiter.builder("k").capacity(1).refill(1, Duration.ofSeconds(1)).buildKeyed(0), "maxKeys must be positive, was 0");
    assertThatThrownBy(() -> RateLimiter.builder("unset").capacity(1).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("refill was not set");
    assertThatThrownBy(() -> RateLimiter.builder("unset").refill(1, Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("capacity was not set");
  }

  @Test
  void bulkheadsAndTimeout() {
    rejects(() -> Bulkhead.builder("b").maxConcurrentCalls(0), "maxConcurrentCalls must be positive, was 0");
    rejects(() -> Bulkhead.builder("b").maxWait(Duration.ofNanos(-1)), "maxWait must not be negative, was PT-0.000000001S");
    rejects(() -> ThreadPoolBulkhead.builder("p").maxThreads(-2), "maxThreads must be positive, was -2");
    rejects(() -> ThreadPoolBulkhead.builder("p").queueCapacity(-1), "queueCapacity must not be negative, was -1");
    rejects(() -> Timeout.of("t", Duration.ZERO), "timeout must be positive, was PT0S");
    assertThatThrownBy(() -> Timeout.of("t", null)).isInstanceOf(NullPointerException.class).hasMessage("timeout");
  }
}
