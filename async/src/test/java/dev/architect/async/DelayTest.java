package dev.architect.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** delay and timer on a ManualTicker (no sleeping), on the system ticker, and at scale. */
class DelayTest {
  @Test
  void aTimerCompletesWhenItsTimeHasCome() {
    ManualTicker ticker = new ManualTicker();
    Future<Void> timer = ticker.timer(Duration.ofSeconds(5));
    assertThat(ticker.pendingTimers()).isEqualTo(1);
    ticker.advance(Duration.ofMillis(4_999));
    assertThat(timer.isComplete()).isFalse();
    ticker.advance(Duration.ofMillis(1));
    assertThat(timer.isComplete()).isTrue();
    assertThat(timer.await()).isNull();
    assertThat(ticker.pendingTimers()).isZero();
  }

  @Test
  void delayBlocksUntilTheTickerMoves() {
    ManualTicker ticker = new ManualTicker();
    List<String> log = new CopyOnWriteArrayList<>();
    Future<Void> sleeper = Async.async(() -> {
      ticker.delay(Duration.ofMinutes(10));
      log.add("woke at " + ticker.nanoTime() / 60_000_000_000L + " min");
    });
    Probes.until("the sleeper set its timer", () -> ticker.pendingTimers() == 1);
    ticker.advance(Duration.ofMinutes(9));
    assertThat(sleeper.isComplete()).isFalse();
    ticker.advance(Duration.ofMinutes(1));
    sleeper.await();
    assertThat(log).containsExactly("woke at 10 min");
  }

  @Test
  void aCancelledDelayThrowsAndRemovesItsTimer() {
    ManualTicker ticker = new ManualTicker();
    DeferredCancellation stop = new DeferredCancellation();
    Future<Void> sleeper = Async.async(() -> ticker.delay(Duration.ofHours(1), stop.cancellation()));
    Probes.until("the sleeper set its timer", () -> ticker.pendingTimers() == 1);
    stop.cancel(new IllegalStateException("shutdown"));
    assertThatThrownBy(sleeper::await).isInstanceOf(CancelledException.class)
        .hasMessage("the operation was cancelled: java.lang.IllegalStateException: shutdown");
    assertThat(ticker.pendingTimers()).isZero();
    assertThat(((Cancellable) stop.cancellation()).subscriberCount()).isZero();
  }

  @Test
  void aTimerThatFiresLetsGoOfItsCancellation() {
    ManualTicker ticker = new ManualTicker();
    DeferredCancellation stop = new DeferredCancellation();
    Future<Void> timer = ticker.timer(Duration.ofSeconds(1), stop.cancellation());
    assertThat(((Cancellable) stop.cancellation()).subscriberCount()).isEqualTo(1);
    ticker.advance(Duration.ofSeconds(1));
    assertThat(timer.await()).isNull();
    assertThat(((Cancellable) stop.cancellation()).subscriberCount()).isZero();
    stop.cancel(); // too late to matter
    assertThat(timer.await()).isNull();
  }

  @Test
  void aTimerWithARequestedCancellationFailsAtOnce() {
    ManualTicker ticker = new ManualTicker();
    DeferredCancellation stop = new DeferredCancellation();
    stop.cancel();
    Future<Void> timer = ticker.timer(Duration.ofSeconds(1), stop.cancellation());
    assertThat(timer.isComplete()).isTrue();
    assertThatThrownBy(timer::await).isInstanceOf(CancelledException.class);
    assertThat(ticker.pendingTimers()).isZero();
    Future<Void> zero = ticker.timer(Duration.ZERO, stop.cancellation());
    assertThatThrownBy(zero::await).isInstanceOf(CancelledException.class);
  }

  @Test
  void aZeroDelayIsCompleteAtOnce() {
    ManualTicker ticker = new ManualTicker();
    assertThat(ticker.timer(Duration.ZERO).isComplete()).isTrue();
    ticker.delay(Duration.ZERO);
    Async.delay(Duration.ZERO);
    assertThat(ticker.pendingTimers()).isZero();
  }

  @Test
  void timersFireInDeadlineOrderThenInTheOrderSet() {
    ManualTicker ticker = new ManualTicker();
    List<String> fired = new CopyOnWriteArrayList<>();
    int[] delays = {30, 10, 20, 10, 30};
    for (int i = 0; i < delays.length; i++) {
      String name = "t" + i + "@" + delays[i];
      ticker.timer(Duration.ofMillis(delays[i])).map(ignored -> fired.add(name));
    }
    ticker.advance(Duration.ofMillis(100));
    assertThat(fired).containsExactly("t1@10", "t3@10", "t2@20", "t0@30", "t4@30");
  }

  @Test
  void onTheSystemTickerDelaysComplete() {
    Async.delay(Duration.ofMillis(2));
    assertThat(Async.timer(Duration.ofMillis(2)).await()).isNull();
    DeferredCancellation stop = new DeferredCancellation();
    stop.cancel();
    assertThatThrownBy(() -> Async.delay(Duration.ofDays(1), stop.cancellation()))
        .isInstanceOf(CancelledException.class);
    DeferredCancellation later = new DeferredCancellation();
    Future<Void> timer = Async.timer(Duration.ofDays(1), later.cancellation());
    later.cancel();
    assertThatThrownBy(timer::await).isInstanceOf(CancelledException.class);
  }

  @Test
  void aDelayOnAnInterruptedThreadThrowsCancelled() {
    Future<String> outcome = Async.async(() -> {
      Thread.currentThread().interrupt();
      try {
        Async.delay(Duration.ofDays(1));
        return "slept";
      } catch (CancelledException e) {
        return e.reason().getClass().getSimpleName() + ", interrupted " + Thread.currentThread().isInterrupted();
      }
    });
    assertThat(outcome.await()).isEqualTo("InterruptedException, interrupted true");
  }

  @Test
  void badDelaysAreNamed() {
    assertThatThrownBy(() -> Async.delay(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delay must not be negative, was -1 ms");
    assertThatThrownBy(() -> Async.timer(Duration.ofNanos(-1500))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delay must not be negative, was -1500 ns");
    assertThatThrownBy(() -> Async.delay(null)).isInstanceOf(NullPointerException.class).hasMessage("delay");
    assertThatThrownBy(() -> Async.delay(Duration.ofSeconds(1), null)).isInstanceOf(NullPointerException.class)
        .hasMessage("cancellation");
    assertThatThrownBy(() -> new ManualTicker().advance(Duration.ofSeconds(-2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("duration must not be negative, was -2 s");
  }

  @Test
  void hugeDelaysSaturateInsteadOfOverflowing() {
    ManualTicker ticker = new ManualTicker();
    Future<Void> forever = ticker.timer(Duration.ofSeconds(Long.MAX_VALUE));
    ticker.advance(Duration.ofDays(365 * 200));
    assertThat(forever.isComplete()).isFalse();
  }

  @Test
  void oneHundredThousandConcurrentDelaysOnVirtualThreadsComplete() throws InterruptedException {
    int count = 100_000;
    AtomicInteger woke = new AtomicInteger();
    Random random = new Random(7);
    List<Thread> sleepers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Duration delay = Duration.ofMillis(1 + random.nextInt(200));
      sleepers.add(Thread.ofVirtual().start(() -> {
        Async.delay(delay);
        woke.incrementAndGet();
      }));
    }
    for (Thread sleeper : sleepers) {
      sleeper.join();
    }
    assertThat(woke).hasValue(count);
    // One shared timer thread woke them all: no thread per delay.
    assertThat(timerThreads()).isEqualTo(1);
  }

  @Test
  void oneHundredThousandTimerFuturesComplete() {
    int count = 100_000;
    Random random = new Random(11);
    List<Future<Void>> timers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      timers.add(Async.timer(Duration.ofMillis(1 + random.nextInt(200))));
    }
    List<Void> all = Async.await(timers);
    assertThat(all).hasSize(count);
    assertThat(timers).allMatch(Future::isComplete);
    assertThat(timerThreads()).isEqualTo(1);
  }

  private static long timerThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread instanceof TimerThread).count();
  }
}
