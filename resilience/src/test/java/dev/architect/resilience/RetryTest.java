package dev.architect.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The retry loop, with a fake clock whose sleeper advances time instead of waiting. */
class RetryTest {
  private static final long MS = 1_000_000L;
  private final FakeClock clock = new FakeClock();
  private final List<Retry.RetryEvent> events = new ArrayList<>();

  private Retry.Builder builder() {
    return Retry.builder("r").ticker(clock).sleeper(clock).onRetry(events::add)
        .backoff(Backoff.exponential(Duration.ofMillis(100), 2, Duration.ofSeconds(10)));
  }

  /** A call that fails {@code failures} times with {@code failure}, then returns "ok". */
  private static java.util.concurrent.Callable<String> failing(int failures, Exception failure, AtomicInteger calls) {
    return () -> {
      if (calls.incrementAndGet() <= failures) {
        throw failure;
      }
      return "ok";
    };
  }

  @Test
  void retriesUntilSuccessWaitingAsTheBackoffSays() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Retry retry = builder().maxAttempts(4).build();
    assertThat(retry.call(failing(3, new IOException("flaky"), calls))).isEqualTo("ok");
    assertThat(calls.get()).isEqualTo(4);
    assertThat(clock.sleeps).containsExactly(100 * MS, 200 * MS, 400 * MS);
    assertThat(events).extracting(Retry.RetryEvent::attempt).containsExactly(1, 2, 3);
    assertThat(events.getFirst().failure()).get().extracting(Throwable::getMessage).isEqualTo("flaky");
    assertThat(events.getFirst().delay()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastFailureUnchanged() {
    AtomicInteger calls = new AtomicInteger();
    Retry retry = builder().maxAttempts(3).build();
    IOException last = new IOException("still down");
    assertThatThrownBy(() -> retry.call(failing(10, last, calls))).isSameAs(last);
    assertThat(calls.get()).isEqualTo(3);
    assertThat(clock.sleeps).hasSize(2);
  }

  @Test
  void retryAndAbortPredicatesOnFailures() {
    AtomicInteger calls = new AtomicInteger();
    Retry onlyIo = builder().maxAttempts(5).retryOn(e -> e instanceof IOException)
        .abortOn(e -> e instanceof SocketTimeoutException).build();
    assertThatThrownBy(() -> onlyIo.call(failing(10, new IllegalStateException("bug"), calls)))
        .hasMessage("bug");
    assertThat(calls.get()).isEqualTo(1);
    calls.set(0);
    assertThatThrownBy(() -> onlyIo.call(failing(10, new SocketTimeoutException("abort"), calls)))
        .hasMessage("abort");
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void errorsAreNotRetriedByDefault() {
    AtomicInteger calls = new AtomicInteger();
    Retry retry = builder().maxAttempts(5).build();
    assertThatThrownBy(() -> retry.call(() -> {
      calls.incrementAndGet();
      throw new StackOverflowError("deep");
    })).isInstanceOf(StackOverflowError.class);
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void retryAndAbortPredicatesOnResults() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Retry retry = builder().maxAttempts(4).retryOnResult(r -> r instanceof Integer i && i < 0)
        .abortOnResult(r -> r instanceof Integer i && i == -99).build();
    assertThat(retry.call(() -> calls.incrementAndGet() < 3 ? -1 : 7)).isEqualTo(7);
    assertThat(calls.get()).isEqualTo(3);
    calls.set(0);
    assertThat(retry.call(() -> {
      calls.incrementAndGet();
      return -1;
    })).isEqualTo(-1); // the last result, once the attempts are spent
    assertThat(calls.get()).isEqualTo(4);
    calls.set(0);
    assertThat(retry.call(() -> {
      calls.incrementAndGet();
      return -99;
    })).isEqualTo(-99);
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void aDelayHintLongerThanTheBackoffWins() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Retry retry = builder().maxAttempts(3)
        .delayHint(e -> e.getMessage().startsWith("retry-after") ? Duration.ofSeconds(2) : null).build();
    retry.call(failing(1, new IOException("retry-after: 2"), calls));
    calls.set(0);
    retry.call(failing(1, new IOException("no hint"), calls));
    assertThat(clock.sleeps).containsExactly(2000 * MS, 100 * MS);
  }

  @Test
  void theRetryAfterOfARejectionIsTheDefaultHint() throws Exception {
    CircuitBreaker breaker = CircuitBreaker.builder("cb").ticker(clock)
        .slidingWindow(CircuitBreaker.WindowType.COUNT_BASED, 1).minimumNumberOfCalls(1)
        .waitInOpenState(Duration.ofSeconds(5)).build();
    AtomicInteger calls = new AtomicInteger();
    Retry retry = builder().maxAttempts(3).build();
    // fails (opens the breaker), is refused for 5 s, then succeeds in half-open
    assertThat(retry.call(() -> breaker.call(failing(1, new IOException("down"), calls)))).isEqualTo("ok");
    assertThat(clock.sleeps).containsExactly(100 * MS, 4900 * MS);
  }

  @Test
  void neverStartsAWaitThatEndsPastMaxDuration() {
    AtomicInteger calls = new AtomicInteger();
    Retry retry = builder().maxAttempts(100).maxDuration(Duration.ofMillis(1000)).build();
    // waits 100 + 200 + 400 = 700 ms; the next (800 ms) would end at 1500 ms
    IOException down = new IOException("down");
    assertThatThrownBy(() -> retry.call(failing(100, down, calls))).isSameAs(down);
    assertThat(clock.sleeps).containsExactly(100 * MS, 200 * MS, 400 * MS);
    assertThat(calls.get()).isEqualTo(4);
  }

  @Test
  void theCallersTimeLeftBoundsTheWaitsToo() {
    AtomicInteger calls = new AtomicInteger();
    Retry retry = builder().maxAttempts(100).build();
    IOException down = new IOException("down");
    assertThatThrownBy(() -> retry.call(() -> {
      clock.advance(Duration.ofMillis(50)); // each attempt takes 50 ms
      return failing(100, down, calls).call();
    }, Duration.ofMillis(500))).isSameAs(down);
    // 50 + 100 + 50 + 200 + 50 = 450; the next wait (400 ms) would end at 850 ms
    assertThat(clock.sleeps).containsExactly(100 * MS, 200 * MS);
    assertThat(calls.get()).isEqualTo(3);
  }

  @Test
  void aZeroTimeLeftMeansOneAttempt() {
    AtomicInteger calls = new AtomicInteger();
    Retry retry = builder().maxAttempts(5).backoff(Backoff.fixed(Duration.ZERO)).build();
    assertThatThrownBy(() -> retry.call(failing(10, new IOException("x"), calls), Duration.ZERO)).hasMessage("x");
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void interruptionWhileWaitingStopsAtOnce() {
    AtomicInteger calls = new AtomicInteger();
    Sleeper interruptedMidWait = nanos -> {
      Thread.currentThread().interrupt(); // an interrupt arrives during the wait
      clock.sleep(nanos); // which throws, as Thread.sleep does
    };
    Retry retry = builder().sleeper(interruptedMidWait).maxAttempts(5).build();
    IOException down = new IOException("down");
    assertThatThrownBy(() -> retry.call(failing(10, down, calls)))
        .isInstanceOf(InterruptedException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(down));
    assertThat(calls.get()).isEqualTo(1);
    assertThat(Thread.interrupted()).isFalse(); // InterruptedException thrown: the flag is cleared
  }

  @Test
  void anInterruptedOrCancelledCallIsNotRetried() {
    AtomicInteger calls = new AtomicInteger();
    Retry retry = builder().maxAttempts(5).build();
    assertThatThrownBy(() -> retry.call(failing(10, new InterruptedException("stop"), calls)))
        .isInstanceOf(InterruptedException.class);
    assertThat(calls.get()).isEqualTo(1);
    calls.set(0);
    assertThatThrownBy(() -> retry.call(failing(10, new CancellationException("cancelled"), calls)))
        .isInstanceOf(CancellationException.class);
    assertThat(calls.get()).isEqualTo(1);
    calls.set(0);
    assertThatThrownBy(() -> retry.call(() -> {
      calls.incrementAndGet();
      Thread.currentThread().interrupt(); // the flag is set: the work was cancelled
      throw new IOException("interrupted io");
    })).hasMessage("interrupted io");
    assertThat(Thread.interrupted()).isTrue();
    assertThat(calls.get()).isEqualTo(1);
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void getRestoresTheInterruptFlagAndThrowsTheLastFailure() {
    Sleeper interruptedMidWait = nanos -> {
      Thread.currentThread().interrupt();
      clock.sleep(nanos);
    };
    Retry retry = builder().sleeper(interruptedMidWait).maxAttempts(5).build();
    IllegalStateException last = new IllegalStateException("down");
    try {
      assertThatThrownBy(() -> retry.get(() -> {
        throw last;
      })).isSameAs(last);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void fullJitterDelaysAreDrawnFromTheGivenRandom() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Retry retry = Retry.builder("j").ticker(clock).sleeper(clock).maxAttempts(6).random(new Random(3))
        .backoff(Backoff.exponentialFullJitter(Duration.ofMillis(100), 2, Duration.ofSeconds(1))).build();
    retry.call(failing(5, new IOException("x"), calls));
    Random same = new Random(3);
    List<Long> expected = new ArrayList<>();
    for (int retryNumber = 1; retryNumber <= 5; retryNumber++) {
      long ceiling = Math.min(1000, 100L << (retryNumber - 1)) * MS;
      expected.add(same.nextLong(0, ceiling + 1));
    }
    assertThat(clock.sleeps).isEqualTo(expected);
  }

  /** Property: whatever the schedule of failures, durations and hints, no wait ends past the deadline. */
  @RepeatedTest(200)
  void retriesRespectTheDeadlineOnRandomSchedules(RepetitionInfo info) {
    Random random = new Random(31L * info.getCurrentRepetition());
    long budget = (1 + random.nextInt(5000)) * MS;
    boolean fromCaller = random.nextBoolean();
    Backoff backoff = switch (random.nextInt(4)) {
      case 0 -> Backoff.fixed(Duration.ofMillis(random.nextInt(300)));
      case 1 -> Backoff.exponential(Duration.ofMillis(1 + random.nextInt(100)), 1 + random.nextDouble() * 2, Duration.ofSeconds(3));
      case 2 -> Backoff.exponentialFullJitter(Duration.ofMillis(1 + random.nextInt(100)), 2, Duration.ofSeconds(3));
      default -> Backoff.decorrelatedJitter(Duration.ofMillis(1 + random.nextInt(100)), Duration.ofSeconds(3));
    };
    long start = clock.peek();
    long[] latestWaitEnd = {start};
    int[] waits = {0};
    Sleeper checking = nanos -> {
      long endsAt = clock.peek() + nanos;
      if (endsAt - start > budget) {
        throw new AssertionError("a wait of " + nanos + " ns would end " + (endsAt - start - budget) + " ns past the deadline");
      }
      latestWaitEnd[0] = endsAt;
      waits[0]++;
      clock.sleep(nanos);
    };
    Retry.Builder b = Retry.builder("p").ticker(clock).sleeper(checking).random(new Random(random.nextLong()))
        .maxAttempts(1 + random.nextInt(50)).backoff(backoff);
    if (!fromCaller) {
      b.maxDuration(Duration.ofNanos(budget));
    }
    Retry retry = b.build();
    long hint = random.nextBoolean() ? random.nextInt(500) * MS : -1;
    AtomicInteger attempts = new AtomicInteger();
    java.util.concurrent.Callable<String> call = () -> {
      attempts.incrementAndGet();
      clock.advanceNanos(random.nextInt(200) * MS);
      if (random.nextInt(10) < 8) {
        throw hint < 0 ? new IOException("x") : new RateLimitedException("rl", hint);
      }
      return "ok";
    };
    try {
      if (fromCaller) {
        retry.call(call, Duration.ofNanos(budget));
      } else {
        retry.call(call);
      }
    } catch (Exception giveUp) {
      // giving up is fine; waiting past the deadline is not (the sleeper above fails the test)
    }
    assertThat(latestWaitEnd[0] - start).isLessThanOrEqualTo(budget);
    assertThat(attempts.get()).isEqualTo(waits[0] + 1);
  }
}
