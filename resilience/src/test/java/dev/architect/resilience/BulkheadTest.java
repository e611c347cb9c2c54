package dev.architect.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class BulkheadTest {
  @Test
  void refusesWhenFullAndFreesTheSlotHoweverTheCallEnds() throws Exception {
    Bulkhead bulkhead = Bulkhead.builder("b").maxConcurrentCalls(2).build();
    bulkhead.call(() -> bulkhead.call(() -> {
      assertThat(bulkhead.availableSlots()).isZero();
      assertThatThrownBy(() -> bulkhead.call(() -> "third"))
          .isInstanceOfSatisfying(BulkheadFullException.class, e -> {
            assertThat(e).hasMessage("bulkhead 'b' is full");
            assertThat(e.retryAfter()).isEmpty();
          });
      return null;
    }));
    assertThatThrownBy(() -> bulkhead.call(() -> {
      throw new IOException("failed inside");
    })).hasMessage("failed inside");
    assertThat(bulkhead.availableSlots()).isEqualTo(2);
  }

  @Test
  void aCallWaitsUpToMaxWaitForASlot() throws Exception {
    Bulkhead bulkhead = Bulkhead.builder("w").maxConcurrentCalls(1).maxWait(Duration.ofMinutes(1)).build();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch leave = new CountDownLatch(1);
    Thread holder = Thread.ofVirtual().start(() -> {
      try {
        bulkhead.call(() -> {
          inside.countDown();
          leave.await();
          return null;
        });
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    inside.await();
    Thread waiter = Thread.ofVirtual().start(() -> {
      try {
        assertThat(bulkhead.call(() -> "got in")).isEqualTo("got in");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    while (waiter.getState() != Thread.State.WAITING && waiter.getState() != Thread.State.TIMED_WAITING) {
      Thread.onSpinWait(); // the waiter is parked on the bulkhead
    }
    leave.countDown();
    waiter.join();
    holder.join();
    assertThat(bulkhead.availableSlots()).isEqualTo(1);
  }

  @Test
  void anInterruptedWaitThrowsAndTakesNoSlot() throws Exception {
    Bulkhead bulkhead = Bulkhead.builder("i").maxConcurrentCalls(1).maxWait(Duration.ofMinutes(1)).build();
    bulkhead.call(() -> {
      Thread.currentThread().interrupt();
      assertThatThrownBy(() -> bulkhead.call(() -> "x")).isInstanceOf(InterruptedException.class);
      return null;
    });
    assertThat(bulkhead.availableSlots()).isEqualTo(1);
  }

  /** Property: thousands of virtual threads on a random schedule never exceed the limit. */
  @RepeatedTest(5)
  void neverExceedsItsLimitUnderThousandsOfVirtualThreads(RepetitionInfo info) throws Exception {
    Random random = new Random(info.getCurrentRepetition());
    int limit = 1 + random.nextInt(50);
    boolean waits = random.nextBoolean();
    Bulkhead bulkhead = Bulkhead.builder("stress").maxConcurrentCalls(limit)
        .maxWait(waits ? Duration.ofMinutes(1) : Duration.ZERO).build();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    AtomicInteger ran = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    int threads = 5000;
    List<Thread> all = new ArrayList<>();
    long[] work = new long[threads];
    for (int i = 0; i < threads; i++) {
      work[i] = random.nextInt(3);
    }
    for (int i = 0; i < threads; i++) {
      long yields = work[i];
      all.add(Thread.ofVirtual().start(() -> {
        try {
          bulkhead.call(() -> {
            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            for (long y = 0; y < yields; y++) {
              Thread.yield(); // let other virtual threads run while this one holds a slot
            }
            ran.incrementAndGet();
            inside.decrementAndGet();
            return null;
          });
        } catch (BulkheadFullException e) {
          refused.incrementAndGet();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    for (Thread t : all) {
      t.join();
    }
    assertThat(maxInside.get()).isBetween(1, limit);
    assertThat(ran.get() + refused.get()).isEqualTo(threads);
    if (waits) {
      assertThat(refused.get()).isZero();
    }
    assertThat(bulkhead.availableSlots()).isEqualTo(limit);
  }

  // ---- the executor variant ----------------------------------------------------------------------

  @Test
  void theThreadPoolVariantQueuesUpToItsCapacityThenRefuses() throws Exception {
    try (ThreadPoolBulkhead pool = ThreadPoolBulkhead.builder("pool").maxThreads(2).queueCapacity(3).build()) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch started = new CountDownLatch(2);
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        int n = i;
        futures.add(pool.submit(() -> {
          started.countDown();
          release.await();
          return "done " + n;
        }));
      }
      started.await();
      assertThat(pool.queued()).isEqualTo(3);
      assertThatThrownBy(() -> pool.submit(() -> "sixth"))
          .isInstanceOfSatisfying(BulkheadFullException.class, e -> assertThat(e).hasMessage("bulkhead 'pool' is full"));
      release.countDown();
      for (int i = 0; i < 5; i++) {
        assertThat(futures.get(i).get()).isEqualTo("done " + i);
      }
      assertThat(pool.call(() -> "sync")).isEqualTo("sync");
      assertThatThrownBy(() -> pool.call(() -> {
        throw new IOException("unwrapped");
      })).isInstanceOf(IOException.class).hasMessage("unwrapped");
    }
  }

  @Test
  void cancellingARunningCallInterruptsIt() throws Exception {
    try (ThreadPoolBulkhead pool = ThreadPoolBulkhead.builder("cancel").maxThreads(1).queueCapacity(0)
        .threadFactory(Thread.ofVirtual().factory()).build()) {
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch interrupted = new CountDownLatch(1);
      Future<Object> future = pool.submit(() -> {
        started.countDown();
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          interrupted.countDown();
        }
        return null;
      });
      started.await();
      assertThatThrownBy(() -> pool.submit(() -> "no queue")).isInstanceOf(BulkheadFullException.class);
      future.cancel(true);
      interrupted.await();
      assertThatThrownBy(future::get).isInstanceOf(java.util.concurrent.CancellationException.class);
    }
  }

  @Test
  void aClosedPoolRefusesWithTheJdkException() {
    ThreadPoolBulkhead pool = ThreadPoolBulkhead.builder("closed").build();
    pool.close();
    assertThatThrownBy(() -> pool.submit(() -> "late")).isInstanceOf(RejectedExecutionException.class)
        .hasMessage("bulkhead 'closed' is closed");
  }

  @Test
  void timeoutReturnsPropagatesAndCancels() throws Exception {
    Timeout timeout = Timeout.of("t", Duration.ofMinutes(5));
    assertThat(timeout.call(() -> "in time")).isEqualTo("in time");
    assertThatThrownBy(() -> timeout.call(() -> {
      throw new IOException("as is");
    })).isInstanceOf(IOException.class).hasMessage("as is");
    assertThatThrownBy(() -> timeout.call(() -> {
      throw new ExecutionException("not unwrapped twice", new IOException());
    })).isInstanceOf(ExecutionException.class).hasMessage("not unwrapped twice");

    // A call that outlives a short timeout is interrupted; the caller gets the exception at once.
    Timeout quick = Timeout.of("quick", Duration.ofMillis(20));
    CountDownLatch interrupted = new CountDownLatch(1);
    assertThatThrownBy(() -> quick.call(() -> {
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
      return null;
    })).isInstanceOfSatisfying(TimeoutExceededException.class, e -> {
      assertThat(e).hasMessage("timeout 'quick': the call did not complete within PT0.02S");
      assertThat(e.timeout()).isEqualTo(Duration.ofMillis(20));
    });
    interrupted.await();
  }

  @Test
  void aTimeoutWhoseCallerIsInterruptedCancelsTheCall() throws Exception {
    Timeout timeout = Timeout.of("t", Duration.ofMinutes(5));
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    Thread caller = Thread.currentThread();
    Thread.ofVirtual().start(() -> {
      try {
        started.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      caller.interrupt();
    });
    assertThatThrownBy(() -> timeout.call(() -> {
      started.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
      return null;
    })).isInstanceOf(InterruptedException.class);
    interrupted.await();
  }

  @Test
  void fallbackHandlesWhatItIsToldTo() throws Exception {
    Fallback<String> fallback = Fallback.of(e -> "cached", e -> e instanceof IOException);
    assertThat(fallback.call(() -> "live")).isEqualTo("live");
    assertThat(fallback.call(() -> {
      throw new IOException("down");
    })).isEqualTo("cached");
    assertThatThrownBy(() -> fallback.call(() -> {
      throw new IllegalStateException("not handled");
    })).hasMessage("not handled");
    Fallback<String> failing = Fallback.of(e -> {
      throw new IllegalStateException("fallback failed too", e);
    });
    assertThatThrownBy(() -> failing.call(() -> {
      throw new IOException("down");
    })).hasMessage("fallback failed too").hasCauseInstanceOf(IOException.class);
    Fallback<String> exceptionsOnly = Fallback.of(e -> "never");
    assertThatThrownBy(() -> exceptionsOnly.call(() -> {
      throw new AssertionError("errors pass");
    })).isInstanceOf(AssertionError.class);
  }
}
