package dev.architect.resilience.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fenced resource, alone and behind the lock, run against each database by a subclass. */
abstract class FencedResourceContract {
  Backend backend;
  String table;

  abstract Backend backend() throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    backend = backend();
    table = Backend.freshTable("fence");
  }

  FencedResource resource(String name) {
    return FencedResource.builder(backend.dataSource(), name).table(table).build();
  }

  @Test
  void acceptsEqualAndHigherTokensInOrder() {
    FencedResource ledger = resource("ledger");
    assertThat(ledger.highestToken()).isZero();
    assertThat(ledger.entries()).isEmpty();
    assertThat(ledger.append(3, "a")).isEqualTo(1);
    assertThat(ledger.append(3, "b")).isEqualTo(2);
    assertThat(ledger.append(7, "")).isEqualTo(3);
    assertThat(ledger.highestToken()).isEqualTo(7);
    assertThat(ledger.entries()).containsExactly(
        new FencedResource.Entry(1, 3, "a"), new FencedResource.Entry(2, 3, "b"), new FencedResource.Entry(3, 7, ""));
    assertThat(ledger.name()).isEqualTo("ledger");
  }

  @Test
  void rejectsALowerTokenAndWritesNothing() {
    FencedResource ledger = resource("ledger");
    ledger.append(8, "current holder");
    assertThatThrownBy(() -> ledger.append(7, "late write"))
        .isInstanceOfSatisfying(StaleTokenException.class, e -> {
          assertThat(e.token()).isEqualTo(7);
          assertThat(e.highestToken()).isEqualTo(8);
          assertThat(e.name()).isEqualTo("ledger");
        })
        .hasMessage("resource 'ledger' rejected token 7: it has accepted token 8");
    assertThat(ledger.highestToken()).isEqualTo(8);
    assertThat(ledger.entries()).containsExactly(new FencedResource.Entry(1, 8, "current holder"));
    assertThat(ledger.append(8, "still fine")).isEqualTo(2);
  }

  @Test
  void resourcesAreIndependent() {
    FencedResource ledger = resource("ledger");
    FencedResource audit = resource("audit");
    ledger.append(5, "x");
    assertThat(audit.append(1, "y")).isEqualTo(1);
    assertThat(audit.highestToken()).isEqualTo(1);
    assertThat(resource("ledger").entries()).containsExactly(new FencedResource.Entry(1, 5, "x"));
  }

  @Test
  void badArgumentsAreRejected() {
    FencedResource ledger = resource("ledger");
    assertThatThrownBy(() -> ledger.append(0, "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("token must be positive, was 0");
    assertThatThrownBy(() -> ledger.append(-3, "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("token must be positive, was -3");
    assertThatThrownBy(() -> ledger.append(1, null))
        .isInstanceOf(NullPointerException.class).hasMessage("value");
    assertThat(ledger.entries()).isEmpty();
  }

  /** A holder that pauses past its lease comes back to find its writes rejected. */
  @Test
  void aHolderThatPausedPastItsLeaseIsFencedOff() {
    TestClock clock = new TestClock();
    String locks = Backend.freshTable("lock");
    DistributedLock first = DistributedLock.builder(backend.dataSource(), "ledger-writer")
        .table(locks).owner("first").leaseTime(Duration.ofSeconds(10)).clock(clock).build();
    DistributedLock second = DistributedLock.builder(backend.dataSource(), "ledger-writer")
        .table(locks).owner("second").leaseTime(Duration.ofSeconds(10)).clock(clock).build();
    FencedResource ledger = resource("ledger");

    Lease paused = first.tryAcquire().orElseThrow();
    ledger.append(paused.token(), "first: before the pause");
    clock.advance(Duration.ofSeconds(11)); // a long GC pause, say
    Lease next = second.tryAcquire().orElseThrow();
    ledger.append(next.token(), "second");

    assertThatThrownBy(() -> ledger.append(paused.token(), "first: after the pause"))
        .isInstanceOf(StaleTokenException.class)
        .hasMessage("resource 'ledger' rejected token 1: it has accepted token 2");
    assertThatThrownBy(paused::release)
        .isInstanceOf(LeaseLostException.class)
        .hasMessage("cannot release lock 'ledger-writer': lease with token 1 was taken over with token 2");
    assertThat(ledger.entries()).extracting(FencedResource.Entry::value)
        .containsExactly("first: before the pause", "second");
  }

  /** Writers racing with unordered tokens: the journal's tokens never go down, and only stale ones fail. */
  @Test
  void racingWritersNeverMakeTheTokensGoDown() throws Exception {
    FencedResource ledger = resource("ledger");
    AtomicLong tokens = new AtomicLong();
    int threads = 6;
    int writes = 15;
    List<Long> rejected = new ArrayList<>();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(executor.submit(() -> {
          List<Long> stale = new ArrayList<>();
          for (int i = 0; i < writes; i++) {
            long token = tokens.incrementAndGet();
            try {
              ledger.append(token, "thread " + thread);
            } catch (StaleTokenException e) {
              assertThat(e.highestToken()).isGreaterThan(token);
              stale.add(token);
            }
          }
          return stale;
        }));
      }
      for (Future<List<Long>> result : results) {
        rejected.addAll(result.get());
      }
    }
    List<FencedResource.Entry> entries = ledger.entries();
    assertThat(entries).extracting(FencedResource.Entry::token).isSorted();
    assertThat(entries).extracting(FencedResource.Entry::sequence)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, entries.size()).boxed().toList());
    assertThat(entries.size() + rejected.size()).isEqualTo(threads * writes);
    assertThat(ledger.highestToken()).isEqualTo(entries.getLast().token());
  }
}
