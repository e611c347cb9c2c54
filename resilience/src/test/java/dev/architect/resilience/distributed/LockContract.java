package dev.architect.resilience.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lock's semantics, run against each database by a subclass. */
abstract class LockContract {
  static final Duration LEASE = Duration.ofSeconds(10);

  Backend backend;
  TestClock clock;
  String table;

  abstract Backend backend() throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    backend = backend();
    clock = new TestClock();
    table = Backend.freshTable("lock");
  }

  DistributedLock lock(String owner) {
    return DistributedLock.builder(backend.dataSource(), "orders")
        .table(table)
        .owner(owner)
        .leaseTime(LEASE)
        .retryInterval(Duration.ofMillis(2))
        .clock(clock)
        .build();
  }

  static Lease acquired(DistributedLock lock) {
    Optional<Lease> lease = lock.tryAcquire();
    assertThat(lease).as("lease of %s", lock.owner()).isPresent();
    return lease.get();
  }

  @Test
  void firstLeaseHasTokenOneAndExpiresAfterTheLeaseTime() {
    DistributedLock lock = lock("a");
    Lease lease = acquired(lock);
    assertThat(lease.lockName()).isEqualTo("orders");
    assertThat(lease.token()).isEqualTo(1);
    assertThat(lease.expiresAt()).isEqualTo(TestClock.START.plus(LEASE));
    assertThat(lock.name()).isEqualTo("orders");
    assertThat(lock.owner()).isEqualTo("a");
    assertThat(lock.leaseTime()).isEqualTo(LEASE);
  }

  @Test
  void nobodyElseAcquiresWhileTheLeaseIsCurrentAndTheLockIsNotReentrant() {
    DistributedLock a = lock("a");
    DistributedLock b = lock("b");
    Lease lease = acquired(a);
    clock.advance(LEASE.minusNanos(1000));
    assertThat(b.tryAcquire()).isEmpty();
    assertThat(a.tryAcquire()).isEmpty();
    lease.release();
    assertThat(acquired(b).token()).isEqualTo(2);
  }

  @Test
  void tokensStrictlyIncreaseAcrossReleasesReacquisitionsAndHandles() {
    DistributedLock a = lock("a");
    DistributedLock b = lock("b");
    List<Long> tokens = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Lease lease = acquired(i % 2 == 0 ? a : b);
      tokens.add(lease.token());
      lease.release();
    }
    assertThat(tokens).containsExactly(1L, 2L, 3L, 4L, 5L);
    // A handle built later, on the same table, continues the sequence.
    assertThat(acquired(lock("c")).token()).isEqualTo(6);
  }

  @Test
  void locksWithOtherNamesAreIndependent() {
    Lease orders = acquired(lock("a"));
    DistributedLock invoices = DistributedLock.builder(backend.dataSource(), "invoices").table(table).clock(clock).build();
    Lease other = acquired(invoices);
    assertThat(orders.token()).isEqualTo(1);
    assertThat(other.token()).isEqualTo(1);
    assertThat(other.lockName()).isEqualTo("invoices");
  }

  @Test
  void anExpiredLeaseIsTakenOverWithTheNextToken() {
    DistributedLock a = lock("a");
    DistributedLock b = lock("b");
    acquired(a);
    clock.advance(LEASE.minusNanos(1000));
    assertThat(b.tryAcquire()).isEmpty();
    clock.advance(Duration.ofNanos(1000)); // exactly at the expiry: expired
    Lease taken = acquired(b);
    assertThat(taken.token()).isEqualTo(2);
    assertThat(taken.expiresAt()).isEqualTo(TestClock.START.plus(LEASE).plus(LEASE));
  }

  @Test
  void renewExtendsTheLeaseFromNow() {
    DistributedLock a = lock("a");
    DistributedLock b = lock("b");
    Lease lease = acquired(a);
    clock.advance(Duration.ofSeconds(5));
    Instant renewed = lease.renew();
    assertThat(renewed).isEqualTo(TestClock.START.plusSeconds(5).plus(LEASE));
    assertThat(lease.expiresAt()).isEqualTo(renewed);
    clock.advance(LEASE.minusNanos(1000));
    assertThat(b.tryAcquire()).isEmpty();
    clock.advance(Duration.ofNanos(1000));
    assertThat(acquired(b).token()).isEqualTo(2);
  }

  @Test
  void renewAndReleaseOfAnExpiredLeaseFail() {
    Lease lease = acquired(lock("a"));
    clock.advance(LEASE);
    assertThatThrownBy(lease::renew)
        .isInstanceOfSatisfying(LeaseLostException.class, e -> {
          assertThat(e.reason()).isEqualTo(LeaseLostException.Reason.EXPIRED);
          assertThat(e.token()).isEqualTo(1);
          assertThat(e.name()).isEqualTo("orders");
        })
        .hasMessage("cannot renew lock 'orders': lease with token 1 expired at 2030-01-01T00:00:10Z");
    assertThatThrownBy(lease::release)
        .isInstanceOf(LeaseLostException.class)
        .hasMessage("cannot release lock 'orders': lease with token 1 expired at 2030-01-01T00:00:10Z");
  }

  @Test
  void renewAndReleaseOfALeaseTakenOverFail() {
    Lease stale = acquired(lock("a"));
    clock.advance(LEASE.plusSeconds(1));
    Lease current = acquired(lock("b"));
    assertThatThrownBy(stale::renew)
        .isInstanceOfSatisfying(LeaseLostException.class,
            e -> assertThat(e.reason()).isEqualTo(LeaseLostException.Reason.TAKEN_OVER))
        .hasMessage("cannot renew lock 'orders': lease with token 1 was taken over with token 2");
    assertThatThrownBy(stale::release)
        .isInstanceOf(LeaseLostException.class)
        .hasMessage("cannot release lock 'orders': lease with token 1 was taken over with token 2");
    assertThatThrownBy(stale::close)
        .isInstanceOf(LeaseLostException.class)
        .hasMessage("cannot release lock 'orders': lease with token 1 was taken over with token 2");
    stale.close(); // close() is idempotent: the loss was reported once
    // The stale holder's attempts did not disturb the current lease.
    assertThat(current.renew()).isEqualTo(clock.instant().plus(LEASE));
    current.release();
  }

  @Test
  void renewAndReleaseAfterReleaseFail() {
    DistributedLock lock = lock("a");
    Lease lease = acquired(lock);
    lease.release();
    assertThatThrownBy(lease::release)
        .isInstanceOfSatisfying(LeaseLostException.class,
            e -> assertThat(e.reason()).isEqualTo(LeaseLostException.Reason.RELEASED))
        .hasMessage("cannot release lock 'orders': lease with token 1 was released");
    assertThatThrownBy(lease::renew)
        .isInstanceOf(LeaseLostException.class)
        .hasMessage("cannot renew lock 'orders': lease with token 1 was released");
    lease.close(); // already released by this object: nothing to do
    Lease next = acquired(lock);
    assertThatThrownBy(lease::renew)
        .isInstanceOf(LeaseLostException.class)
        .hasMessage("cannot renew lock 'orders': lease with token 1 was taken over with token 2");
    next.close();
  }

  @Test
  void closeReleases() {
    DistributedLock lock = lock("a");
    try (Lease lease = acquired(lock)) {
      assertThat(lease.token()).isEqualTo(1);
    }
    assertThat(acquired(lock("b")).token()).isEqualTo(2);
  }

  @Test
  void aLeaseMissingFromTheTableIsReportedAsSuch() throws Exception {
    Lease lease = acquired(lock("a"));
    backend.execute("DELETE FROM " + table);
    assertThatThrownBy(lease::renew)
        .isInstanceOfSatisfying(LeaseLostException.class,
            e -> assertThat(e.reason()).isEqualTo(LeaseLostException.Reason.MISSING))
        .hasMessage("cannot renew lock 'orders': lease with token 1 is not in table " + table);
  }

  @Test
  void acquireWithATimeoutGivesUpNamingTheHolder() throws Exception {
    DistributedLock a = lock("a");
    DistributedLock b = lock("b");
    acquired(a);
    assertThatThrownBy(() -> b.acquire(Duration.ZERO))
        .isInstanceOfSatisfying(LockTimeoutException.class, e -> assertThat(e.name()).isEqualTo("orders"))
        .hasMessage("lock 'orders' not acquired within PT0S: held by 'a' with token 1 until 2030-01-01T00:00:10Z");
    assertThat(b.tryAcquire(Duration.ofMillis(10))).isEmpty();
  }

  @Test
  void acquireWithATimeoutWaitsUntilTheHolderReleases() throws Exception {
    DistributedLock a = lock("a");
    DistributedLock b = lock("b");
    Lease held = acquired(a);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Lease> waiter = threads.submit(() -> b.acquire(Duration.ofMinutes(1)));
      held.release();
      Lease lease = waiter.get(1, TimeUnit.MINUTES);
      assertThat(lease.token()).isEqualTo(2);
    }
  }

  @Test
  void aBlockedAcquireStopsWhenInterrupted() throws Exception {
    acquired(lock("a"));
    DistributedLock b = lock("b");
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> b.tryAcquire(Duration.ofMinutes(1)))
        .isInstanceOf(InterruptedException.class)
        .hasMessage("interrupted while acquiring lock 'orders'");
    assertThat(Thread.interrupted()).isFalse();
  }

  /** Many virtual threads, each with its own handle, on the default clock: one holder at a time. */
  @Test
  void contendingThreadsHoldTheLockOneAtATimeWithIncreasingTokens() throws Exception {
    int threads = 6;
    int rounds = 15;
    AtomicInteger inside = new AtomicInteger();
    List<Long> tokens = Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        DistributedLock lock = DistributedLock.builder(backend.dataSource(), "orders")
            .table(table).owner("thread-" + t).leaseTime(Duration.ofMinutes(5)).retryInterval(Duration.ofMillis(1))
            .build();
        results.add(executor.submit(() -> {
          List<Long> mine = new ArrayList<>();
          for (int r = 0; r < rounds; r++) {
            try (Lease lease = lock.acquire(Duration.ofMinutes(1))) {
              assertThat(inside.incrementAndGet()).as("holders inside").isEqualTo(1);
              mine.add(lease.token());
              tokens.add(lease.token());
              Thread.sleep(1); // some work under the lock, long enough for overlaps to show
              inside.decrementAndGet();
            }
          }
          return mine;
        }));
      }
      for (Future<List<Long>> result : results) {
        assertThat(result.get()).isSorted().doesNotHaveDuplicates().hasSize(rounds);
      }
    }
    // Acquisition order is token order, and no token was handed out twice or skipped.
    assertThat(tokens).hasSize(threads * rounds).isSorted().doesNotHaveDuplicates();
    assertThat(tokens.getLast()).isEqualTo(threads * rounds);
  }

  /** Without a clock set, expiry is judged by real time: the database's on PostgreSQL, the host's on SQLite. */
  @Test
  void theDefaultClockIsRealTime() {
    TestClock past = new TestClock(Instant.parse("2000-01-01T00:00:00Z"));
    DistributedLock pastLock = DistributedLock.builder(backend.dataSource(), "orders").table(table).clock(past).build();
    DistributedLock realTime = DistributedLock.builder(backend.dataSource(), "orders").table(table).build();
    acquired(pastLock); // expires 2000-01-01T00:00:30Z: long gone in real time
    Lease lease = acquired(realTime);
    assertThat(lease.token()).isEqualTo(2);
    assertThat(lease.expiresAt()).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
    lease.release();

    TestClock future = new TestClock(Instant.parse("3000-01-01T00:00:00Z"));
    acquired(DistributedLock.builder(backend.dataSource(), "orders").table(table).clock(future).build());
    assertThat(realTime.tryAcquire()).isEmpty(); // current until the year 3000
  }

  @Test
  void aFailingStatementIsADistributedStoreException() throws Exception {
    DistributedLock lock = lock("a");
    backend.execute("DROP TABLE " + table);
    assertThatThrownBy(lock::tryAcquire)
        .isInstanceOfSatisfying(DistributedStoreException.class, e -> {
          assertThat(e.name()).isEqualTo("orders");
          assertThat(e.getCause()).isInstanceOf(java.sql.SQLException.class);
        })
        .hasMessageStartingWith("lock 'orders': acquire failed: ");
  }

  @Test
  void withoutTableCreationAMissingTableFailsOnFirstUse() {
    DistributedLock lock = DistributedLock.builder(backend.dataSource(), "orders").table(table).createTable(false).build();
    assertThatThrownBy(lock::tryAcquire)
        .isInstanceOf(DistributedStoreException.class)
        .hasMessageStartingWith("lock 'orders': acquire failed: ");
  }

  /** The reference: one lock in memory, judged by the same test clock. */
  static final class ReferenceLock {
    long lastToken;
    long expiresAt;
    boolean released = true;

    OptionalLongToken acquire(long now, long leaseMicros) {
      if (lastToken != 0 && !released && expiresAt > now) {
        return new OptionalLongToken(0);
      }
      lastToken++;
      expiresAt = now + leaseMicros;
      released = false;
      return new OptionalLongToken(lastToken);
    }

    /** Null if current (and then renewed or released), else why not. */
    LeaseLostException.Reason check(long token, long now) {
      if (token < lastToken) {
        return LeaseLostException.Reason.TAKEN_OVER;
      }
      if (released) {
        return LeaseLostException.Reason.RELEASED;
      }
      return expiresAt > now ? null : LeaseLostException.Reason.EXPIRED;
    }
  }

  record OptionalLongToken(long token) {}

  record Held(Lease lease, long leaseMicros) {}

  /** Random acquires, renewals, releases and clock moves through three handles, against the reference. */
  @Test
  void behavesLikeTheReferenceOnRandomSchedules() {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    Duration[] leases = {Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofMillis(7001)};
    List<DistributedLock> handles = new ArrayList<>();
    for (int i = 0; i < leases.length; i++) {
      handles.add(DistributedLock.builder(backend.dataSource(), "orders").table(table).owner("h" + i)
          .leaseTime(leases[i]).clock(clock).build());
    }
    ReferenceLock reference = new ReferenceLock();
    List<Held> held = new ArrayList<>();
    for (int step = 0; step < 300; step++) {
      String where = "seed " + seed + ", step " + step;
      switch (random.nextInt(5)) {
        case 0 -> clock.advance(switch (random.nextInt(4)) {
          case 0 -> Duration.ofNanos(1000);
          case 1 -> Duration.ofSeconds(3);
          case 2 -> Duration.ofMillis(7001).minusNanos(1000);
          default -> Duration.ofNanos(1000 * random.nextLong(0, 12_000_000));
        });
        case 1, 2 -> {
          int h = random.nextInt(handles.size());
          long leaseMicros = leases[h].toNanos() / 1000;
          long expected = reference.acquire(Database.micros(clock.instant()), leaseMicros).token();
          Optional<Lease> lease = handles.get(h).tryAcquire();
          assertThat(lease.map(Lease::token).orElse(0L)).as(where + ", acquire by h" + h).isEqualTo(expected);
          lease.ifPresent(l -> {
            assertThat(l.expiresAt()).as(where).isEqualTo(Database.instant(reference.expiresAt));
            held.add(new Held(l, leaseMicros));
          });
        }
        default -> {
          if (held.isEmpty()) {
            continue;
          }
          // Mostly the newest lease, sometimes a stale one.
          Held target = random.nextInt(3) == 0 ? held.get(random.nextInt(held.size())) : held.getLast();
          long now = Database.micros(clock.instant());
          LeaseLostException.Reason expected = reference.check(target.lease().token(), now);
          boolean renew = random.nextBoolean();
          if (expected == null) {
            if (renew) {
              reference.expiresAt = now + target.leaseMicros();
            } else {
              reference.released = true;
            }
          }
          try {
            if (renew) {
              assertThat(target.lease().renew()).as(where).isEqualTo(Database.instant(reference.expiresAt));
            } else {
              target.lease().release();
            }
            assertThat(expected).as(where + (renew ? ", renew" : ", release") + " succeeded").isNull();
          } catch (LeaseLostException e) {
            assertThat(e.reason()).as(where + (renew ? ", renew" : ", release") + ": " + e.getMessage())
                .isEqualTo(expected);
          }
        }
      }
    }
    assertThat(held).extracting(h -> h.lease().token()).isSorted().doesNotHaveDuplicates();
  }
}
