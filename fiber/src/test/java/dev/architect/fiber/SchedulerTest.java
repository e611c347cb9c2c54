package dev.architect.fiber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SchedulerTest {
  private final Scheduler scheduler = Scheduler.createWithVirtualTime();
  private final List<String> log = new ArrayList<>();

  private String at() {
    return "@" + scheduler.nanoTime() / 1_000_000 + "ms";
  }

  @Test
  void deferredCallbacksRunInOrderBeforeTimers() {
    scheduler.delay(Duration.ZERO, () -> log.add("timer " + at()));
    scheduler.defer(() -> {
      log.add("first");
      scheduler.defer(() -> log.add("deferred from first (next turn)"));
    });
    scheduler.defer(() -> log.add("second"));
    scheduler.run();
    assertThat(log).containsExactly("first", "second", "timer @0ms", "deferred from first (next turn)");
  }

  @Test
  void timersFireByDeadlineThenInOrderSetAndVirtualTimeJumps() {
    scheduler.delay(Duration.ofHours(1), () -> log.add("an hour " + at()));
    scheduler.delay(Duration.ofMillis(20), () -> log.add("b " + at()));
    scheduler.delay(Duration.ofMillis(10), () -> log.add("a " + at()));
    scheduler.delay(Duration.ofMillis(20), () -> log.add("c " + at()));
    scheduler.run();
    assertThat(log).containsExactly("a @10ms", "b @20ms", "c @20ms", "an hour @3600000ms");
  }

  @Test
  void repeatRunsUntilCancelledAndCancelReportsPending() {
    int[] count = new int[1];
    Scheduler.Callback[] repeating = new Scheduler.Callback[1];
    repeating[0] = scheduler.repeat(Duration.ofMillis(100), () -> {
      log.add("tick " + at());
      if (++count[0] == 3) {
        assertThat(scheduler.cancel(repeating[0])).isTrue();
      }
    });
    Scheduler.Callback never = scheduler.delay(Duration.ofSeconds(5), () -> log.add("never"));
    assertThat(scheduler.cancel(never)).isTrue();
    assertThat(scheduler.cancel(never)).isFalse();
    assertThat(never.isPending()).isFalse();
    scheduler.run();
    assertThat(log).containsExactly("tick @100ms", "tick @200ms", "tick @300ms");
    assertThat(repeating[0].isPending()).isFalse();
  }

  @Test
  void tasksInterleaveWhenTheySleep() {
    for (String name : List.of("a", "b")) {
      scheduler.spawn(() -> {
        for (int i = 0; i < 3; i++) {
          log.add(name + i + " " + at());
          Scheduler.sleep(Duration.ofMillis(name.equals("a") ? 10 : 15));
        }
        return name;
      });
    }
    scheduler.run();
    assertThat(log).containsExactly("a0 @0ms", "b0 @0ms", "a1 @10ms", "b1 @15ms", "a2 @20ms", "b2 @30ms");
  }

  @Test
  void tasksAwaitEachOtherAndKeepTheirResultsAndFailures() {
    Scheduler.Task<Integer> slow = scheduler.spawn(() -> {
      Scheduler.sleep(Duration.ofMillis(50));
      return 21;
    });
    Scheduler.Task<Integer> doubled = scheduler.spawn(() -> slow.await() * 2);
    Scheduler.Task<Object> failing = scheduler.spawn(() -> {
      throw new java.io.IOException("disk");
    });
    scheduler.run();
    assertThat(doubled.result()).isEqualTo(42);
    assertThat(failing.isDone()).isTrue();
    assertThatThrownBy(failing::result).isInstanceOf(java.io.IOException.class).hasMessage("disk");
  }

  @Test
  void aBlockingCallDoesNotStopTheLoop() {
    CountDownLatch released = new CountDownLatch(1);
    scheduler.spawn(() -> {
      String value = Scheduler.blocking(() -> {
        released.await(); // a real block, on a virtual thread of its own
        return "unblocked";
      });
      log.add(value);
      return null;
    });
    scheduler.spawn(() -> {
      for (int i = 1; i <= 3; i++) {
        Scheduler.sleep(Duration.ofMillis(1));
        log.add("tick " + i);
      }
      released.countDown();
      return null;
    });
    scheduler.run();
    assertThat(log).containsExactly("tick 1", "tick 2", "tick 3", "unblocked");
  }

  @Test
  void blockingPassesExceptionsThrough() {
    Scheduler.Task<String> task = scheduler.spawn(() -> Scheduler.blocking(() -> {
      throw new IllegalArgumentException("bad input");
    }));
    scheduler.run();
    assertThatThrownBy(task::result).isInstanceOf(IllegalArgumentException.class).hasMessage("bad input");
  }

  @Test
  void cancellingAWaitingTaskUnwindsIt() {
    Scheduler.Task<String> task = scheduler.spawn(() -> {
      try {
        Scheduler.sleep(Duration.ofSeconds(10));
        return "finished";
      } finally {
        log.add("cleanup " + at());
      }
    });
    scheduler.delay(Duration.ofSeconds(1), task::cancel);
    scheduler.run();
    assertThat(log).containsExactly("cleanup @1000ms");
    assertThatThrownBy(task::result).isInstanceOf(FiberException.class).hasMessage("the task was cancelled");
  }

  @Test
  void anExceptionInACallbackStopsTheLoopUnlessHandled() {
    scheduler.defer(() -> {
      throw new IllegalStateException("callback broke");
    });
    scheduler.defer(() -> log.add("not run"));
    assertThatThrownBy(scheduler::run).isInstanceOf(IllegalStateException.class).hasMessage("callback broke");
    assertThat(log).isEmpty();

    List<Throwable> handled = new ArrayList<>();
    Scheduler tolerant = Scheduler.createWithVirtualTime().onError(handled::add);
    tolerant.defer(() -> {
      throw new IllegalStateException("again");
    });
    tolerant.defer(() -> log.add("still runs"));
    tolerant.run();
    assertThat(handled).singleElement().extracting(Throwable::getMessage).isEqualTo("again");
    assertThat(log).containsExactly("still runs");
  }

  @Test
  void misuse() {
    assertThatThrownBy(() -> Scheduler.sleep(Duration.ofMillis(1))).isInstanceOf(FiberException.class)
        .hasMessage("cannot sleep outside a scheduler task");
    assertThatThrownBy(() -> scheduler.delay(Duration.ofMillis(-1), () -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("delay must not be negative, was PT-0.001S");
    assertThatThrownBy(() -> scheduler.repeat(Duration.ZERO, () -> {}))
        .hasMessage("interval must be positive, was PT0S");
    Scheduler.Task<Object> self = scheduler.spawn(() -> {
      scheduler.run();
      return null;
    });
    scheduler.run();
    assertThatThrownBy(self::result).isInstanceOf(FiberException.class).hasMessage("the scheduler is already running");
  }

  @Test
  void realTimeSchedulerSleepsForReal() {
    Scheduler real = Scheduler.create();
    long start = System.nanoTime();
    real.delay(Duration.ofMillis(5), () -> log.add("fired"));
    real.run();
    assertThat(log).containsExactly("fired");
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(5_000_000L); // a lower bound, not a timing
  }
}
