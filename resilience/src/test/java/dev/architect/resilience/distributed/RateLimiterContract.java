package dev.architect.resilience.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared token bucket's semantics, run against each database by a subclass. */
abstract class RateLimiterContract {
  Backend backend;
  TestClock clock;
  String table;

  abstract Backend backend() throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    backend = backend();
    clock = new TestClock();
    table = Backend.freshTable("bucket");
  }

  DistributedRateLimiter limiter(String name, int capacity, int refillTokens, Duration refillPeriod) {
    return DistributedRateLimiter.builder(backend.dataSource(), name)
        .table(table)
        .capacity(capacity)
        .refill(refillTokens, refillPeriod)
        .clock(clock)
        .build();
  }

  @Test
  void aNewBucketStartsFullAndEmptiesOnePermitAtATime() {
    DistributedRateLimiter limiter = limiter("api", 3, 1, Duration.ofSeconds(1));
    assertThat(limiter.availablePermits("alice")).isEqualTo(3);
    assertThat(limiter.tryAcquire("alice")).isTrue();
    assertThat(limiter.tryAcquire("alice")).isTrue();
    assertThat(limiter.availablePermits("alice")).isEqualTo(1);
    assertThat(limiter.tryAcquire("alice")).isTrue();
    assertThat(limiter.tryAcquire("alice")).isFalse();
    assertThat(limiter.availablePermits("alice")).isZero();
    assertThat(limiter.name()).isEqualTo("api");
    assertThat(limiter.capacity()).isEqualTo(3);
    assertThat(limiter.refillTokens()).isEqualTo(1);
    assertThat(limiter.refillPeriod()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void theRefillIsContinuousAndExact() {
    DistributedRateLimiter limiter = limiter("api", 2, 2, Duration.ofSeconds(1)); // one token per 500 ms
    assertThat(limiter.tryAcquire("k", 2)).isTrue();
    clock.advance(Duration.ofNanos(499_999_000));
    assertThat(limiter.availablePermits("k")).isZero();
    assertThat(limiter.tryAcquire("k")).isFalse();
    clock.advance(Duration.ofNanos(1_000));
    assertThat(limiter.tryAcquire("k")).isTrue();
    assertThat(limiter.tryAcquire("k")).isFalse();
    clock.advance(Duration.ofMillis(750)); // 1.5 tokens
    assertThat(limiter.availablePermits("k")).isEqualTo(1);
    assertThat(limiter.tryAcquire("k")).isTrue();
    clock.advance(Duration.ofMillis(250)); // the half token left plus another half
    assertThat(limiter.tryAcquire("k")).isTrue();
  }

  @Test
  void severalPermitsAreTakenAllOrNothing() {
    DistributedRateLimiter limiter = limiter("api", 5, 1, Duration.ofSeconds(1));
    assertThat(limiter.tryAcquire("k", 3)).isTrue();
    assertThat(limiter.tryAcquire("k", 3)).isFalse();
    assertThat(limiter.availablePermits("k")).isEqualTo(2);
    assertThat(limiter.tryAcquire("k", 2)).isTrue();
    assertThat(limiter.tryAcquire("k", 5)).isFalse();
  }

  @Test
  void keysAndLimitersHaveTheirOwnBuckets() {
    DistributedRateLimiter api = limiter("api", 1, 1, Duration.ofHours(1));
    DistributedRateLimiter login = limiter("login", 1, 1, Duration.ofHours(1));
    assertThat(api.tryAcquire("alice")).isTrue();
    assertThat(api.tryAcquire("alice")).isFalse();
    assertThat(api.tryAcquire("bob")).isTrue();
    assertThat(login.tryAcquire("alice")).isTrue();
    // A second handle with the same name shares the buckets.
    assertThat(limiter("api", 1, 1, Duration.ofHours(1)).tryAcquire("bob")).isFalse();
  }

  @Test
  void aClockThatStepsBackRefillsNothingUntilItCatchesUp() {
    DistributedRateLimiter limiter = limiter("api", 2, 1, Duration.ofSeconds(1));
    assertThat(limiter.tryAcquire("k", 2)).isTrue();
    clock.advance(Duration.ofSeconds(-30));
    assertThat(limiter.availablePermits("k")).isZero();
    assertThat(limiter.tryAcquire("k")).isFalse();
    clock.advance(Duration.ofSeconds(30));
    assertThat(limiter.tryAcquire("k")).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.tryAcquire("k")).isTrue();
  }

  @Test
  void aLongIdleBucketIsFullWithoutOverflow() {
    DistributedRateLimiter limiter = limiter("api", Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ofNanos(1000));
    assertThat(limiter.tryAcquire("k", Integer.MAX_VALUE)).isTrue();
    clock.advance(Duration.ofDays(365 * 200));
    assertThat(limiter.availablePermits("k")).isEqualTo(Integer.MAX_VALUE);
    assertThat(limiter.tryAcquire("k", Integer.MAX_VALUE)).isTrue();
  }

  /** Threads racing on one hot key get exactly the bucket's content: each take is atomic. */
  @Test
  void racingThreadsGetExactlyTheCapacity() throws Exception {
    DistributedRateLimiter limiter = limiter("api", 40, 1, Duration.ofDays(1000));
    int threads = 8;
    int attempts = 15;
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Integer>> grants = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        grants.add(executor.submit(() -> {
          int granted = 0;
          for (int i = 0; i < attempts; i++) {
            granted += limiter.tryAcquire("hot") ? 1 : 0;
          }
          return granted;
        }));
      }
      int total = 0;
      for (Future<Integer> granted : grants) {
        total += granted.get();
      }
      assertThat(total).isEqualTo(40);
    }
  }

  @Test
  void aBlockingAcquireWaitsForTheRefill() throws Exception {
    DistributedRateLimiter limiter = limiter("api", 1, 1, Duration.ofMillis(5));
    assertThat(limiter.tryAcquire("k")).isTrue();
    assertThat(limiter.tryAcquire("k", 1, Duration.ZERO)).isFalse();
    assertThat(limiter.tryAcquire("k", 1, Duration.ofMillis(20))).isFalse(); // the test clock stands still
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Boolean> waiter = executor.submit(() -> limiter.tryAcquire("k", 1, Duration.ofMinutes(1)));
      clock.advance(Duration.ofMillis(5));
      assertThat(waiter.get(1, TimeUnit.MINUTES)).isTrue();
    }
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> limiter.tryAcquire("k", 1, Duration.ofMinutes(1)))
        .isInstanceOf(InterruptedException.class)
        .hasMessage("interrupted while acquiring from rate limiter 'api'");
  }

  @Test
  void theDefaultClockIsRealTime() throws Exception {
    DistributedRateLimiter limiter = DistributedRateLimiter.builder(backend.dataSource(), "api")
        .table(table).capacity(2).refill(1, Duration.ofDays(1)).build();
    assertThat(limiter.tryAcquire("k", 2)).isTrue();
    // Stored at real time: a test clock 10 days later sees 2 refilled tokens, one a day earlier sees none.
    DistributedRateLimiter later = DistributedRateLimiter.builder(backend.dataSource(), "api")
        .table(table).capacity(2).refill(1, Duration.ofDays(1))
        .clock(new TestClock(backend.defaultClockNow().plus(Duration.ofDays(10)))).build();
    DistributedRateLimiter earlier = DistributedRateLimiter.builder(backend.dataSource(), "api")
        .table(table).capacity(2).refill(1, Duration.ofDays(1))
        .clock(new TestClock(backend.defaultClockNow().minus(Duration.ofDays(1)))).build();
    assertThat(earlier.availablePermits("k")).isZero();
    assertThat(later.availablePermits("k")).isEqualTo(2);
  }

  @Test
  void badArgumentsToAcquireAreRejected() {
    DistributedRateLimiter limiter = limiter("api", 3, 1, Duration.ofSeconds(1));
    assertThatThrownBy(() -> limiter.tryAcquire("k", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("permits must be between 1 and capacity 3, was 0");
    assertThatThrownBy(() -> limiter.tryAcquire("k", 4))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("permits must be between 1 and capacity 3, was 4");
    assertThatThrownBy(() -> limiter.tryAcquire("k", 4, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("permits must be between 1 and capacity 3, was 4");
    assertThatThrownBy(() -> limiter.tryAcquire(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("key must not be empty");
    assertThatThrownBy(() -> limiter.tryAcquire(null))
        .isInstanceOf(NullPointerException.class).hasMessage("key");
    assertThatThrownBy(() -> limiter.availablePermits(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("key must not be empty");
    assertThatThrownBy(() -> limiter.tryAcquire("k", 1, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must not be negative, was PT-0.001S");
    assertThatThrownBy(() -> limiter.tryAcquire("k", 1, null))
        .isInstanceOf(NullPointerException.class).hasMessage("timeout");
    assertThat(limiter.availablePermits("k")).isEqualTo(3); // nothing was taken
  }

  @Test
  void aFailingStatementIsADistributedStoreException() throws Exception {
    DistributedRateLimiter limiter = limiter("api", 3, 1, Duration.ofSeconds(1));
    backend.execute("DROP TABLE " + table);
    assertThatThrownBy(() -> limiter.tryAcquire("k"))
        .isInstanceOfSatisfying(DistributedStoreException.class, e -> assertThat(e.name()).isEqualTo("api"))
        .hasMessageStartingWith("rate limiter 'api': acquire failed: ");
  }

  /**
   * The reference: a token bucket in exact rational arithmetic (BigInteger numerators over the period
   * in microseconds), refilled on every operation, with no cap on elapsed time.
   */
  static final class ReferenceBucket {
    private final BigInteger full;
    private final BigInteger unit;
    private final BigInteger perMicro;
    private BigInteger level;
    private long last;

    ReferenceBucket(int capacity, int refillTokens, long periodMicros, long now) {
      this.unit = BigInteger.valueOf(periodMicros);
      this.full = BigInteger.valueOf(capacity).multiply(unit);
      this.perMicro = BigInteger.valueOf(refillTokens);
      this.level = full;
      this.last = now;
    }

    private void refill(long now) {
      if (now > last) {
        level = level.add(BigInteger.valueOf(now).subtract(BigInteger.valueOf(last)).multiply(perMicro)).min(full);
        last = now;
      }
    }

    boolean tryAcquire(long now, int permits) {
      refill(now);
      BigInteger take = unit.multiply(BigInteger.valueOf(permits));
      if (level.compareTo(take) >= 0) {
        level = level.subtract(take);
        return true;
      }
      return false;
    }

    long available(long now) {
      refill(now);
      return level.divide(unit).longValueExact();
    }
  }

  record Config(int capacity, int refillTokens, Duration period) {}

  /**
   * Random operations on three keys against the reference, with a clock that moves forward by 0, 1
   * microsecond, up to two periods, or decades. (The reference refills on every operation, the
   * statement only when it grants: with a clock that never goes back the two are the same, since
   * min(C, min(C, x + a) + b) = min(C, x + a + b). A clock stepping back is tested on its own above.)
   */
  @Test
  void behavesLikeTheReferenceOnRandomSchedules() {
    long seed = System.nanoTime();
    List<Config> configs = List.of(
        new Config(5, 2, Duration.ofSeconds(1)),
        new Config(1, 1, Duration.ofNanos(3000)),
        new Config(100, 7, Duration.ofMillis(13)),
        new Config(Integer.MAX_VALUE, 3, Duration.ofNanos(1000)));
    SplittableRandom random = new SplittableRandom(seed);
    for (int c = 0; c < configs.size(); c++) {
      Config config = configs.get(c);
      long periodMicros = config.period().toNanos() / 1000;
      DistributedRateLimiter limiter = limiter("model-" + c, config.capacity(), config.refillTokens(), config.period());
      Map<String, ReferenceBucket> reference = new HashMap<>();
      for (int step = 0; step < 400; step++) {
        long now = Database.micros(clock.instant());
        long move = switch (random.nextInt(10)) {
          case 0 -> 0;
          case 1 -> 1;
          case 2 -> random.nextLong(1, 1L << 50); // idle for up to 35 years
          default -> random.nextLong(0, 2 * periodMicros + 2);
        };
        now += move;
        clock.set(Database.instant(now));
        String key = "k" + random.nextInt(3);
        long at = now;
        ReferenceBucket bucket = reference.computeIfAbsent(key,
            k -> new ReferenceBucket(config.capacity(), config.refillTokens(), periodMicros, at));
        String where = "seed " + seed + ", config " + config + ", step " + step + ", key " + key;
        if (random.nextInt(4) == 0) {
          assertThat(limiter.availablePermits(key)).as(where).isEqualTo(bucket.available(now));
        } else {
          int permits = random.nextInt(3) == 0 ? 1 + random.nextInt(config.capacity()) : 1;
          assertThat(limiter.tryAcquire(key, permits)).as(where + ", permits " + permits)
              .isEqualTo(bucket.tryAcquire(now, permits));
        }
      }
    }
  }
}
