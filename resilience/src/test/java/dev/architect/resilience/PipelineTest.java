package dev.architect.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.architect.resilience.CircuitBreaker.State;
import dev.architect.resilience.CircuitBreaker.WindowType;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The composed policies: order, shared clock, and no allocation on the fast path. */
class PipelineTest {
  private static final long MS = 1_000_000L;
  private final FakeClock clock = new FakeClock();

  private Retry.Builder retry() {
    return Retry.builder("retry").ticker(clock).sleeper(clock).maxAttempts(3)
        .backoff(Backoff.fixed(Duration.ofMillis(100)));
  }

  private CircuitBreaker.Builder breaker() {
    return CircuitBreaker.builder("cb").ticker(clock).slidingWindow(WindowType.COUNT_BASED, 10)
        .minimumNumberOfCalls(2).waitInOpenState(Duration.ofSeconds(1));
  }

  private RateLimiter.Builder limiter() {
    return RateLimiter.builder("rl").ticker(clock).sleeper(clock).capacity(100).refill(100, Duration.ofSeconds(1));
  }

  @Test
  void retriesCountEachAttemptInTheBreakerAndUseItsRetryAfter() throws Exception {
    CircuitBreaker cb = breaker().build();
    Pipeline<String> pipeline = Pipeline.<String>builder().retry(retry().maxAttempts(4).build()).circuitBreaker(cb).build();
    AtomicInteger calls = new AtomicInteger();
    String result = pipeline.call(() -> {
      if (calls.incrementAndGet() <= 2) {
        throw new IOException("down");
      }
      return "up";
    });
    // two failures (100 ms apart) open the breaker for 1 s; after the backoff the third attempt is
    // refused, and the retry waits out the 900 ms left (not another 100 ms) before the trial succeeds
    assertThat(result).isEqualTo("up");
    assertThat(calls.get()).isEqualTo(3);
    assertThat(clock.sleeps).containsExactly(100 * MS, 100 * MS, 900 * MS);
    assertThat(cb.state()).isEqualTo(State.HALF_OPEN);
  }

  @Test
  void theBreakerIgnoresRefusalsFromTheRateLimiterAndBulkhead() throws Exception {
    CircuitBreaker cb = breaker().minimumNumberOfCalls(1).build();
    RateLimiter rl = limiter().capacity(1).refill(1, Duration.ofHours(1)).build();
    Pipeline<String> pipeline = Pipeline.<String>builder().circuitBreaker(cb).rateLimiter(rl).build();
    assertThat(pipeline.call(() -> "first")).isEqualTo("first");
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> pipeline.call(() -> "refused")).isInstanceOf(RateLimitedException.class);
    }
    assertThat(cb.state()).isEqualTo(State.CLOSED);
    assertThat(cb.failureRate()).isEqualTo(0.0);

    Bulkhead bh = Bulkhead.builder("bh").maxConcurrentCalls(1).build();
    Pipeline<String> bulkheaded = Pipeline.<String>builder().circuitBreaker(cb).bulkhead(bh).build();
    bulkheaded.call(() -> {
      assertThatThrownBy(() -> bulkheaded.call(() -> "inner")).isInstanceOf(BulkheadFullException.class);
      return "outer";
    });
    assertThat(cb.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void anOpenBreakerSpendsNoTokens() throws Exception {
    CircuitBreaker cb = breaker().build();
    RateLimiter rl = limiter().capacity(5).refill(1, Duration.ofHours(1)).build();
    cb.forceOpen();
    Pipeline<String> pipeline = Pipeline.<String>builder().circuitBreaker(cb).rateLimiter(rl).build();
    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> pipeline.call(() -> "x")).isInstanceOf(CircuitBreakerOpenException.class);
    }
    assertThat(rl.availablePermits()).isEqualTo(5);
  }

  @Test
  void theFallbackSeesTheFinalOutcome() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    List<Throwable> seen = new ArrayList<>();
    Pipeline<String> pipeline = Pipeline.<String>builder()
        .fallback(Fallback.of(e -> {
          seen.add(e);
          return "fallback";
        }))
        .retry(retry().build())
        .build();
    assertThat(pipeline.call(() -> {
      calls.incrementAndGet();
      throw new IOException("down " + calls.get());
    })).isEqualTo("fallback");
    assertThat(calls.get()).isEqualTo(3);
    assertThat(seen).singleElement().extracting(Throwable::getMessage).isEqualTo("down 3");
  }

  @Test
  void theCallersTimeLeftBoundsTheRetries() {
    Pipeline<String> pipeline = Pipeline.<String>builder().retry(retry().maxAttempts(10).build()).build();
    IOException down = new IOException("down");
    assertThatThrownBy(() -> pipeline.call(() -> {
      throw down;
    }, Duration.ofMillis(250))).isSameAs(down);
    assertThat(clock.sleeps).containsExactly(100 * MS, 100 * MS);
  }

  @Test
  void theClockIsReadAtMostOncePerAttempt() throws Exception {
    Pipeline<String> all = Pipeline.<String>builder()
        .retry(retry().maxDuration(Duration.ofMinutes(1)).build())
        .circuitBreaker(breaker().slidingWindow(WindowType.TIME_BASED, 10).build())
        .rateLimiter(limiter().build())
        .bulkhead(Bulkhead.builder("bh").build())
        .build();
    long before = clock.reads();
    for (int i = 0; i < 50; i++) {
      all.call(() -> "ok");
    }
    assertThat(clock.reads() - before).isEqualTo(50);

    Pipeline<String> countBased = Pipeline.<String>builder().retry(retry().build()).circuitBreaker(breaker().build())
        .bulkhead(Bulkhead.builder("bh").build()).build();
    before = clock.reads();
    for (int i = 0; i < 50; i++) {
      countBased.call(() -> "ok");
    }
    assertThat(clock.reads() - before).isZero(); // nothing needs the time
  }

  @Test
  void policiesWithDifferentTickersAreRefused() {
    assertThatThrownBy(() -> Pipeline.<String>builder().retry(retry().build())
        .rateLimiter(RateLimiter.builder("other").capacity(1).refill(1, Duration.ofSeconds(1)).build()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the policies of a pipeline must share one ticker, but retry 'retry' and rate limiter 'other' have different ones");
  }

  @Test
  void aTimeoutInsideThePipelineCutsTheCallAndTheBreakerCountsIt() throws Exception {
    CircuitBreaker cb = breaker().minimumNumberOfCalls(1).build();
    Pipeline<String> pipeline = Pipeline.<String>builder().circuitBreaker(cb)
        .timeout(Timeout.of("t", Duration.ofMillis(10))).build();
    assertThatThrownBy(() -> pipeline.call(() -> {
      new java.util.concurrent.CountDownLatch(1).await();
      return "never";
    })).isInstanceOf(TimeoutExceededException.class);
    assertThat(cb.state()).isEqualTo(State.OPEN);
    assertThat(Pipeline.<String>builder().timeout(Timeout.of("t", Duration.ofMinutes(1))).build().call(() -> "ok"))
        .isEqualTo("ok");
  }

  @Test
  void getWrapsNothingAndReportsInterruption() {
    Pipeline<Integer> pipeline = Pipeline.<Integer>builder().retry(retry().build()).build();
    assertThat(pipeline.get(() -> 7)).isEqualTo(7);
    Pipeline<Integer> interrupted = Pipeline.<Integer>builder().retry(retry().sleeper(n -> {
      throw new InterruptedException();
    }).build()).build();
    try {
      assertThatThrownBy(() -> interrupted.get(() -> {
        throw new IllegalStateException("down");
      })).isInstanceOf(IllegalStateException.class).hasMessage("interrupted while waiting in a pipeline");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(Pipeline.<Integer>builder().retry(retry().build()).circuitBreaker(breaker().build()).build())
        .hasToString("Pipeline[retry retry circuitBreaker cb]");
  }

  @Test
  void theFastPathAllocatesNothing() throws Exception {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Pipeline<Object> pipeline = Pipeline.builder()
        .retry(Retry.builder("r").maxAttempts(3).build())
        .circuitBreaker(CircuitBreaker.builder("cb").build())
        .rateLimiter(RateLimiter.builder("rl").capacity(1_000_000_000L).refill(1_000_000_000L, Duration.ofSeconds(1)).build())
        .bulkhead(Bulkhead.builder("bh").maxConcurrentCalls(10).build())
        .build();
    Object value = new Object();
    Callable<Object> call = () -> value;
    for (int i = 0; i < 20_000; i++) {
      pipeline.call(call); // warm up: class loading and the first compilations allocate
    }
    int n = 100_000;
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < n; i++) {
      pipeline.call(call);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    // Interpreted or compiled, nothing per call: a few hundred bytes of noise at most, never n × anything.
    assertThat(allocated).isLessThan(n / 10);
  }
}
