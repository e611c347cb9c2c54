package dev.architect.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The token bucket with a fake clock, its guarantee on random schedules, and the per-key limiter. */
class RateLimiterTest {
  private static final long MS = 1_000_000L;
  private final FakeClock clock = new FakeClock();

  private RateLimiter.Builder builder() {
    return RateLimiter.builder("rl").ticker(clock).sleeper(clock);
  }

  @Test
  void aFullBucketAllowsABurstOfItsCapacityThenTheRefillRate() {
    RateLimiter limiter = builder().capacity(5).refill(10, Duration.ofSeconds(1)).build();
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.tryAcquire()).isTrue();
    }
    assertThat(limiter.tryAcquire()).isFalse();
    assertThat(limiter.availablePermits()).isZero();
    clock.advance(Duration.ofMillis(99));
    assertThat(limiter.tryAcquire()).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(limiter.tryAcquire()).isTrue();
    clock.advance(Duration.ofMillis(250));
    assertThat(limiter.availablePermits()).isEqualTo(2);
    assertThat(limiter.tryAcquire(2)).isTrue();
    assertThat(limiter.tryAcquire()).isFalse();
    clock.advance(Duration.ofHours(1));
    assertThat(limiter.availablePermits()).isEqualTo(5); // never more than the capacity
    assertThat(limiter.tryAcquire(5)).isTrue();
  }

  @Test
  void aBlockingAcquireWaitsExactlyUntilItsTokensAreDue() throws Exception {
    RateLimiter limiter = builder().capacity(2).refill(4, Duration.ofSeconds(1)).build();
    assertThat(limiter.tryAcquire(2)).isTrue();
    assertThat(limiter.acquire(1, Duration.ofMillis(300))).isTrue(); // due in 250 ms
    assertThat(clock.sleeps).containsExactly(250 * MS);
    assertThat(limiter.acquire(2, Duration.ofMillis(400))).isFalse(); // would need 500 ms: no wait at all
    assertThat(clock.sleeps).hasSize(1);
    assertThat(limiter.acquire(2, Duration.ofMillis(500))).isTrue();
    assertThat(clock.sleeps).containsExactly(250 * MS, 500 * MS);
  }

  @Test
  void anInterruptedWaitReturnsItsTokens() {
    Sleeper interrupted = nanos -> {
      throw new InterruptedException();
    };
    RateLimiter limiter = builder().sleeper(interrupted).capacity(1).refill(1, Duration.ofSeconds(1)).build();
    assertThat(limiter.tryAcquire()).isTrue();
    assertThatThrownBy(() -> limiter.acquire(1, Duration.ofSeconds(5))).isInstanceOf(InterruptedException.class);
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.tryAcquire()).isTrue(); // the reservation was given back
  }

  @Test
  void callThrowsARejectionSayingWhenToComeBack() throws Exception {
    RateLimiter limiter = builder().capacity(1).refill(1, Duration.ofSeconds(2)).build();
    assertThat(limiter.call(() -> "first")).isEqualTo("first");
    clock.advance(Duration.ofMillis(500));
    assertThatThrownBy(() -> limiter.call(() -> "second"))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e).hasMessage("rate limiter 'rl' does not permit the call now");
          assertThat(e.retryAfter()).contains(Duration.ofMillis(1500));
        });
    RateLimiter waiting = builder().capacity(1).refill(1, Duration.ofSeconds(2)).maxWait(Duration.ofSeconds(2)).build();
    waiting.call(() -> "first");
    assertThat(waiting.call(() -> "second")).isEqualTo("second");
    assertThat(clock.sleeps).containsExactly(2000 * MS);
  }

  @Test
  void theRefillIntervalIsRoundedUpSoTheRateIsNeverExceeded() {
    RateLimiter limiter = builder().capacity(1).refill(3, Duration.ofNanos(10)).build(); // 3.33 ns per token -> 4
    assertThat(limiter.tryAcquire()).isTrue();
    clock.advanceNanos(3);
    assertThat(limiter.tryAcquire()).isFalse();
    clock.advanceNanos(1);
    assertThat(limiter.tryAcquire()).isTrue();
  }

  @Test
  void permitsOutOfRangeAreRefused() {
    RateLimiter limiter = builder().capacity(3).refill(1, Duration.ofSeconds(1)).build();
    assertThatThrownBy(() -> limiter.tryAcquire(4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("permits must be in [1, 3], was 4");
    assertThatThrownBy(() -> limiter.tryAcquire(0)).hasMessage("permits must be in [1, 3], was 0");
    assertThatThrownBy(() -> limiter.acquire(1, Duration.ofSeconds(-1))).hasMessage("timeout must not be negative, was PT-1S");
  }

  /** Property: over any window of length t, grants never exceed capacity + t / interval. */
  @RepeatedTest(100)
  void neverGrantsMoreThanCapacityPlusRateTimesTime(RepetitionInfo info) throws Exception {
    Random random = new Random(1_000_003L * info.getCurrentRepetition());
    long capacity = 1 + random.nextInt(20);
    long tokens = 1 + random.nextInt(100);
    long period = (1 + random.nextInt(2000)) * MS;
    RateLimiter limiter = builder().capacity(capacity).refill(tokens, Duration.ofNanos(period)).build();
    long interval = Math.ceilDiv(period, tokens);
    List<long[]> grants = new ArrayList<>(); // {time, permits}
    for (int step = 0; step < 1500; step++) {
      int op = random.nextInt(10);
      if (op < 4) {
        clock.advanceNanos(random.nextLong(3 * interval));
      } else if (op < 8) {
        int permits = 1 + random.nextInt((int) capacity);
        if (limiter.tryAcquire(permits)) {
          grants.add(new long[] {clock.peek(), permits});
        }
      } else {
        int permits = 1 + random.nextInt((int) capacity);
        long before = clock.peek();
        if (limiter.acquire(permits, Duration.ofNanos(random.nextLong(4 * interval)))) {
          grants.add(new long[] {clock.peek(), permits}); // granted when the wait ended
        }
        assertThat(clock.peek()).isGreaterThanOrEqualTo(before);
      }
    }
    assertThat(grants).isNotEmpty();
    for (int i = 0; i < grants.size(); i++) {
      long sum = 0;
      for (int j = i; j < grants.size(); j++) {
        sum += grants.get(j)[1];
        long t = grants.get(j)[0] - grants.get(i)[0];
        // Tokens refill continuously: t / interval whole tokens at most within t.
        assertThat(sum).as("grants in a window of %d ns", t).isLessThanOrEqualTo(capacity + t / interval);
      }
    }
  }

  @Test
  void concurrentCallersShareTheBucketExactly() throws Exception {
    RateLimiter limiter = builder().capacity(100).refill(1, Duration.ofHours(1)).build();
    AtomicInteger granted = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      threads.add(Thread.ofVirtual().start(() -> {
        if (limiter.tryAcquire()) {
          granted.incrementAndGet();
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(granted.get()).isEqualTo(100);
  }

  // ---- per key -----------------------------------------------------------------------------------

  @Test
  void eachKeyHasItsOwnBucket() throws Exception {
    KeyedRateLimiter<String> limiter = builder().capacity(2).refill(1, Duration.ofSeconds(1)).buildKeyed(10);
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isFalse();
    assertThat(limiter.tryAcquire("b")).isTrue();
    assertThat(limiter.availablePermits("b")).isEqualTo(1);
    assertThat(limiter.availablePermits("never seen")).isEqualTo(2);
    assertThat(limiter.acquire("a", 1, Duration.ofSeconds(1))).isTrue();
    assertThat(clock.sleeps).containsExactly(1000 * MS);
    assertThatThrownBy(() -> limiter.call("a", () -> "x")).isInstanceOf(RateLimitedException.class)
        .hasMessage("rate limiter 'rl[a]' does not permit the call now");
  }

  @Test
  void idleKeysAreEvictedAndActiveOnesKeptWhenFull() {
    KeyedRateLimiter<Integer> limiter = builder().capacity(1).refill(1, Duration.ofSeconds(1)).buildKeyed(3);
    assertThat(limiter.tryAcquire(1)).isTrue();
    assertThat(limiter.tryAcquire(2)).isTrue();
    assertThat(limiter.tryAcquire(3)).isTrue();
    assertThat(limiter.tryAcquire(4)).isFalse(); // three active buckets: the new key fails closed
    assertThat(limiter.size()).isEqualTo(3);
    clock.advance(Duration.ofSeconds(1)); // all three are full again: idle
    assertThat(limiter.tryAcquire(4)).isTrue();
    assertThat(limiter.size()).isEqualTo(1);
    assertThat(limiter.tryAcquire(1)).isTrue(); // a fresh bucket, as before eviction
  }

  /** Property: with room for the active keys, decisions equal those of one unbounded limiter per key. */
  @RepeatedTest(30)
  void evictionNeverChangesADecision(RepetitionInfo info) {
    Random random = new Random(17L * info.getCurrentRepetition());
    int keys = 30;
    int maxKeys = 5 + random.nextInt(10);
    KeyedRateLimiter<Integer> keyed = builder().capacity(3).refill(1, Duration.ofMillis(100)).buildKeyed(maxKeys);
    Map<Integer, RateLimiter> reference = new HashMap<>();
    for (int step = 0; step < 5000; step++) {
      if (random.nextInt(4) == 0) {
        clock.advanceNanos(random.nextLong(200 * MS));
        continue;
      }
      int key = random.nextInt(keys);
      RateLimiter ref = reference.computeIfAbsent(key, k -> RateLimiter.builder("ref").ticker(clock)
          .capacity(3).refill(1, Duration.ofMillis(100)).build());
      long active = reference.values().stream().filter(r -> r.availablePermits() < 3).count();
      boolean expected = ref.availablePermits() >= 1;
      boolean roomy = active < maxKeys || ref.availablePermits() < 3;
      boolean got = keyed.tryAcquire(key);
      if (roomy) {
        assertThat(got).as("step %d key %d", step, key).isEqualTo(expected);
      }
      if (got) {
        assertThat(ref.tryAcquire()).isTrue();
      }
      assertThat(keyed.size()).isLessThanOrEqualTo(maxKeys);
    }
  }
}
