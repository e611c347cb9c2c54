package dev.architect.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;

/** Thousands of virtual threads through every blocking path, with JFR watching for pinned carriers. */
class VirtualThreadTest {
  @Test
  void noPolicyPinsACarrierThread() throws Exception {
    List<RecordedEvent> pinned = new ArrayList<>();
    try (RecordingStream jfr = new RecordingStream()) {
      jfr.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
      jfr.onEvent("jdk.VirtualThreadPinned", e -> {
        if (loadingAClass(e)) {
          return; // the JDK still pins while loading a class (JEP 491); the test's own code can trigger it
        }
        synchronized (pinned) {
          pinned.add(e);
        }
      });
      jfr.startAsync();

      CircuitBreaker breaker = CircuitBreaker.builder("cb").slidingWindow(CircuitBreaker.WindowType.TIME_BASED, 5)
          .minimumNumberOfCalls(1_000_000).build();
      RateLimiter limiter = RateLimiter.builder("rl").capacity(100).refill(1, Duration.ofMillis(1))
          .maxWait(Duration.ofSeconds(30)).build();
      Bulkhead bulkhead = Bulkhead.builder("bh").maxConcurrentCalls(8).maxWait(Duration.ofMinutes(1)).build();
      Pipeline<Integer> pipeline = Pipeline.<Integer>builder()
          .retry(Retry.builder("retry").maxAttempts(3).backoff(Backoff.fixed(Duration.ofMillis(1))).build())
          .circuitBreaker(breaker).rateLimiter(limiter).bulkhead(bulkhead).build();
      AtomicInteger inside = new AtomicInteger();
      AtomicInteger maxInside = new AtomicInteger();
      AtomicInteger done = new AtomicInteger();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        int n = i;
        threads.add(Thread.ofVirtual().start(() -> {
          try {
            int result = pipeline.call(() -> {
              maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
              try {
                Thread.sleep(Duration.ofNanos(ThreadLocalRandom.current().nextLong(100_000)));
                if (n % 7 == 0 && ThreadLocalRandom.current().nextBoolean()) {
                  throw new IOException("flaky");
                }
                return n;
              } finally {
                inside.decrementAndGet();
              }
            });
            if (result == n) {
              done.incrementAndGet();
            }
          } catch (IOException giveUp) {
            done.incrementAndGet();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }));
      }
      for (Thread t : threads) {
        t.join();
      }
      assertThat(done.get()).isEqualTo(2000);
      assertThat(maxInside.get()).isBetween(1, 8);
      jfr.stop(); // flushes the events recorded so far
    }
    assertThat(pinned).isEmpty();
  }

  private static boolean loadingAClass(RecordedEvent pin) {
    return pin.getStackTrace() != null && pin.getStackTrace().getFrames().stream()
        .anyMatch(f -> f.getMethod().getType().getName().equals("java.lang.ClassLoader")
            && f.getMethod().getName().equals("loadClass"));
  }
}
