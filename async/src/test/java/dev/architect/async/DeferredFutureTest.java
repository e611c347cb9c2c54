package dev.architect.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** DeferredFuture: completed once, from any thread; completing twice is an error. */
class DeferredFutureTest {
  @Test
  void completesItsFuture() {
    DeferredFuture<String> deferred = new DeferredFuture<>();
    assertThat(deferred.future()).isSameAs(deferred.future());
    assertThat(deferred.isComplete()).isFalse();
    assertThat(deferred.future().isComplete()).isFalse();
    assertThat(deferred).hasToString("DeferredFuture[pending]");
    deferred.complete("value");
    assertThat(deferred.isComplete()).isTrue();
    assertThat(deferred.future().await()).isEqualTo("value");
    assertThat(deferred).hasToString("DeferredFuture[completed: value]");
  }

  @Test
  void failsItsFuture() {
    DeferredFuture<String> deferred = new DeferredFuture<>();
    IllegalStateException boom = new IllegalStateException("boom");
    deferred.error(boom);
    assertThatThrownBy(deferred.future()::await).isSameAs(boom);
  }

  @Test
  void completingTwiceIsAnError() {
    DeferredFuture<Integer> deferred = new DeferredFuture<>();
    deferred.complete(1);
    assertThatThrownBy(() -> deferred.complete(2)).isInstanceOf(IllegalStateException.class)
        .hasMessage("the future is already complete (completed: 1)");
    assertThatThrownBy(() -> deferred.error(new RuntimeException("late"))).isInstanceOf(IllegalStateException.class)
        .hasMessage("the future is already complete (completed: 1)");
    assertThat(deferred.future().await()).isEqualTo(1);

    DeferredFuture<Integer> failed = new DeferredFuture<>();
    failed.error(new IllegalArgumentException("first"));
    failed.future().ignore();
    assertThatThrownBy(() -> failed.complete(3)).isInstanceOf(IllegalStateException.class)
        .hasMessage("the future is already complete (failed: java.lang.IllegalArgumentException: first)");
  }

  @Test
  void errorRejectsNull() {
    assertThatThrownBy(() -> new DeferredFuture<String>().error(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("error");
  }

  @Test
  void nullIsAValue() {
    DeferredFuture<String> deferred = new DeferredFuture<>();
    deferred.complete(null);
    assertThat(deferred.future().await()).isNull();
    assertThatThrownBy(() -> deferred.complete(null)).isInstanceOf(IllegalStateException.class)
        .hasMessage("the future is already complete (completed: null)");
  }

  @Test
  void exactlyOneOfManyRacingCompletionsWins() throws InterruptedException {
    for (int round = 0; round < 200; round++) {
      DeferredFuture<Integer> deferred = new DeferredFuture<>();
      AtomicInteger winners = new AtomicInteger();
      AtomicInteger losers = new AtomicInteger();
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        int value = i;
        threads.add(Thread.ofVirtual().start(() -> {
          try {
            start.await();
            deferred.complete(value);
            winners.incrementAndGet();
          } catch (IllegalStateException e) {
            losers.incrementAndGet();
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
        }));
      }
      start.countDown();
      for (Thread thread : threads) {
        thread.join();
      }
      assertThat(winners).hasValue(1);
      assertThat(losers).hasValue(3);
      assertThat(deferred.future().await()).isBetween(0, 3);
    }
  }

  @Test
  void wakesEveryWaiter() {
    DeferredFuture<String> deferred = new DeferredFuture<>();
    List<Future<String>> waiters = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      waiters.add(Async.async(() -> deferred.future().await()));
    }
    Probes.until("50 waiters subscribed", () -> deferred.future().state.callbackCount() == 50);
    Thread.ofPlatform().start(() -> deferred.complete("go"));
    for (Future<String> waiter : waiters) {
      assertThat(waiter.await()).isEqualTo("go");
    }
  }
}
