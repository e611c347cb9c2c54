package dev.architect.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class StripedSlotsTest {
  @Test
  void theStripesArePowersOfTwoAndNeverMoreThanTheSlots() {
    assertThat(new StripedSlots(1, 8).stripes()).isEqualTo(1);
    assertThat(new StripedSlots(3, 8).stripes()).isEqualTo(2);
    assertThat(new StripedSlots(25, 4).stripes()).isEqualTo(4);
    assertThat(new StripedSlots(25, 6).stripes()).isEqualTo(4);
    assertThatThrownBy(() -> new StripedSlots(0, 4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("were 0 and 4");
  }

  /** Model: a plain counter. A slot is granted exactly when fewer than the total are in use. */
  @RepeatedTest(20)
  void grantsExactlyWhatACounterWouldOnRandomSequences(RepetitionInfo info) {
    Random random = new Random(info.getCurrentRepetition());
    int total = 1 + random.nextInt(40);
    StripedSlots slots = new StripedSlots(total, 1 << random.nextInt(4));
    Deque<Integer> held = new ArrayDeque<>();
    for (int step = 0; step < 5_000; step++) {
      if (random.nextInt(3) > 0) {
        int token = slots.tryAcquire();
        assertThat(token >= 0).as("granted at %d in use of %d", held.size(), total).isEqualTo(held.size() < total);
        if (token >= 0) {
          held.add(token);
        }
      } else if (!held.isEmpty()) {
        slots.release(random.nextBoolean() ? held.removeFirst() : held.removeLast());
      }
      assertThat(slots.available()).isEqualTo(total - held.size());
    }
  }

  @Test
  void aThreadTakesEverySlotAcrossTheStripesThenAnotherThreadsReleaseFreesOne() throws Exception {
    StripedSlots slots = new StripedSlots(10, 4);
    List<Integer> tokens = takeAll(slots, 10);
    assertThat(tokens).allMatch(t -> t >= 0);
    assertThat(slots.tryAcquire()).isEqualTo(-1);
    // A FutureTask, so that an assertion failing on the other thread fails the test.
    FutureTask<Void> other = new FutureTask<>(() -> {
      assertThat(slots.tryAcquire()).isEqualTo(-1);
      slots.release(tokens.get(3));
      assertThat(slots.tryAcquire()).isGreaterThanOrEqualTo(0);
      return null;
    });
    Thread.ofPlatform().start(other);
    other.get(1, TimeUnit.MINUTES);
    assertThat(slots.available()).isZero();
  }

  @Test
  void aWaiterWakesWhenAnyStripeFreesASlot() throws Exception {
    StripedSlots slots = new StripedSlots(4, 4);
    List<Integer> tokens = takeAll(slots, 4);
    AtomicInteger got = new AtomicInteger(-2);
    CountDownLatch done = new CountDownLatch(1);
    Thread waiter = Thread.ofVirtual().start(() -> {
      try {
        got.set(slots.acquire(TimeUnit.MINUTES.toNanos(1)));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      done.countDown();
    });
    while (waiter.getState() != Thread.State.TIMED_WAITING) {
      Thread.onSpinWait();
    }
    slots.release(tokens.get(2));
    assertThat(done.await(1, TimeUnit.MINUTES)).isTrue();
    assertThat(got.get()).isEqualTo(tokens.get(2));
  }

  @Test
  void aWaitTimesOutWithMinusOne() throws Exception {
    StripedSlots slots = new StripedSlots(1, 1);
    int token = slots.tryAcquire();
    assertThat(slots.acquire(TimeUnit.MILLISECONDS.toNanos(5))).isEqualTo(-1);
    slots.release(token);
    assertThat(slots.acquire(TimeUnit.MILLISECONDS.toNanos(5))).isEqualTo(token);
  }

  /** Property: platform threads hammering a few slots never have more in use than the total. */
  @RepeatedTest(3)
  void neverMoreInUseThanTheTotalUnderContention(RepetitionInfo info) throws Exception {
    int total = 1 + info.getCurrentRepetition() * 2;
    StripedSlots slots = new StripedSlots(total, 4);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      boolean waits = t % 2 == 0;
      threads.add(Thread.ofPlatform().start(() -> {
        for (int i = 0; i < 20_000; i++) {
          int token;
          try {
            token = waits ? slots.acquire(TimeUnit.SECONDS.toNanos(30)) : slots.tryAcquire();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          if (token >= 0) {
            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            inside.decrementAndGet();
            slots.release(token);
          }
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(maxInside.get()).isBetween(1, total);
    assertThat(slots.available()).isEqualTo(total);
  }

  private static List<Integer> takeAll(StripedSlots slots, int count) {
    List<Integer> tokens = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tokens.add(slots.tryAcquire());
    }
    return tokens;
  }
}
