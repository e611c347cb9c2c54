package dev.architect.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** ManualTicker: time moves only through advance, and timers fire there, in order, at their deadline. */
class ManualTickerTest {
  @Test
  void timeStandsStillUntilAdvanced() {
    ManualTicker ticker = new ManualTicker();
    assertThat(ticker.nanoTime()).isZero();
    ticker.advance(Duration.ofMillis(1500));
    assertThat(ticker.nanoTime()).isEqualTo(1_500_000_000L);
    assertThat(ticker).hasToString("ManualTicker[now=1500 ms, 0 timers]");
  }

  @Test
  void aTimerSeesItsDeadlineAsTheTimeAndMaySetAnotherDueInTheSameAdvance() {
    ManualTicker ticker = new ManualTicker();
    List<String> log = new CopyOnWriteArrayList<>();
    ticker.schedule(Duration.ofMillis(10).toNanos(), () -> {
      log.add("first at " + ticker.nanoTime() / 1_000_000 + " ms");
      ticker.schedule(Duration.ofMillis(5).toNanos(), () -> log.add("second at " + ticker.nanoTime() / 1_000_000 + " ms"));
      ticker.schedule(Duration.ofMillis(50).toNanos(), () -> log.add("third at " + ticker.nanoTime() / 1_000_000 + " ms"));
    });
    ticker.advance(Duration.ofMillis(20));
    assertThat(log).containsExactly("first at 10 ms", "second at 15 ms");
    assertThat(ticker.nanoTime()).isEqualTo(20_000_000L);
    assertThat(ticker.pendingTimers()).isEqualTo(1);
    assertThat(ticker).hasToString("ManualTicker[now=20 ms, 1 timers]");
    ticker.advance(Duration.ofMillis(40));
    assertThat(log).containsExactly("first at 10 ms", "second at 15 ms", "third at 60 ms");
  }

  @Test
  void aCancelledTimerNeverFires() {
    ManualTicker ticker = new ManualTicker();
    List<String> log = new CopyOnWriteArrayList<>();
    Runnable cancel = ticker.schedule(1_000, () -> log.add("fired"));
    ticker.schedule(1_000, () -> log.add("the other fired"));
    cancel.run();
    cancel.run();
    ticker.advance(Duration.ofMillis(1));
    assertThat(log).containsExactly("the other fired");
  }

  @Test
  void theSystemTickerReadsTheSystemClock() {
    long before = System.nanoTime();
    long now = Ticker.system().nanoTime();
    assertThat(now - before).isNotNegative();
    assertThat(Ticker.system()).isSameAs(Ticker.system()).hasToString("Ticker.system()");
  }
}
