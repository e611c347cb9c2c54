package dev.architect.async;

import static dev.architect.async.Async.async;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** TimeoutCancellation: requested when its time has come on a ticker, with a TimeoutException. */
class TimeoutCancellationTest {
  @Test
  void requestedWhenTheTimeoutElapses() {
    ManualTicker ticker = new ManualTicker();
    TimeoutCancellation timeout = ticker.timeout(Duration.ofMillis(250));
    List<String> calls = new CopyOnWriteArrayList<>();
    timeout.subscribe(e -> calls.add("at " + ticker.nanoTime() + " ns"));
    assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(250));
    ticker.advance(Duration.ofMillis(249));
    assertThat(timeout.isRequested()).isFalse();
    assertThat(timeout).hasToString("TimeoutCancellation[250 ms, not requested]");
    ticker.advance(Duration.ofMillis(1));
    assertThat(timeout.isRequested()).isTrue();
    assertThat(calls).containsExactly("at 250000000 ns");
    CancelledException cancelled = DeferredCancellationTest.catchCancelled(timeout);
    assertThat(cancelled).hasMessage(
        "the operation was cancelled: java.util.concurrent.TimeoutException: the operation timed out after 250 ms");
    assertThat(cancelled.reason()).isInstanceOf(TimeoutException.class)
        .hasMessage("the operation timed out after 250 ms");
  }

  @Test
  void anUnsubscribedCallbackIsNotCalled() {
    ManualTicker ticker = new ManualTicker();
    TimeoutCancellation timeout = ticker.timeout(Duration.ofSeconds(1));
    List<String> calls = new CopyOnWriteArrayList<>();
    String gone = timeout.subscribe(e -> calls.add("unsubscribed"));
    timeout.subscribe(e -> calls.add("kept"));
    timeout.unsubscribe(gone);
    ticker.advance(Duration.ofSeconds(1));
    assertThat(calls).containsExactly("kept");
    assertThat(timeout).hasToString("TimeoutCancellation[1 s, requested: the operation was cancelled:"
        + " java.util.concurrent.TimeoutException: the operation timed out after 1 s]");
  }

  @Test
  void aCustomMessage() {
    ManualTicker ticker = new ManualTicker();
    TimeoutCancellation timeout = ticker.timeout(Duration.ofSeconds(2), "the payment service took too long");
    ticker.advance(Duration.ofSeconds(3));
    assertThat(DeferredCancellationTest.catchCancelled(timeout).reason())
        .hasMessage("the payment service took too long");
  }

  @Test
  void stopsASlowAwait() {
    ManualTicker ticker = new ManualTicker();
    DeferredFuture<String> slow = new DeferredFuture<>();
    TimeoutCancellation timeout = ticker.timeout(Duration.ofSeconds(1));
    Future<String> waiter = async(() -> slow.future().await(timeout));
    ticker.advance(Duration.ofSeconds(1));
    assertThatThrownBy(waiter::await).isInstanceOf(CancelledException.class)
        .hasMessageEndingWith("the operation timed out after 1 s");
  }

  @Test
  void stopsAnOperationThatTakesIt() {
    ManualTicker ticker = new ManualTicker();
    TimeoutCancellation timeout = ticker.timeout(Duration.ofSeconds(5));
    // The operation waits on the same ticker for a minute, and takes the timeout.
    Future<String> operation = async(() -> {
      ticker.delay(Duration.ofMinutes(1), timeout);
      return "waited a minute";
    });
    Probes.until("the operation set its timer", () -> ticker.pendingTimers() == 2);
    ticker.advance(Duration.ofSeconds(5));
    assertThatThrownBy(operation::await).isInstanceOf(CancelledException.class);
    // Cancelling removed the operation's timer: nothing is left.
    assertThat(ticker.pendingTimers()).isZero();
  }

  @Test
  void closeRemovesTheTimer() {
    ManualTicker ticker = new ManualTicker();
    TimeoutCancellation timeout = ticker.timeout(Duration.ofSeconds(1));
    assertThat(ticker.pendingTimers()).isEqualTo(1);
    timeout.close();
    timeout.close();
    assertThat(ticker.pendingTimers()).isZero();
    ticker.advance(Duration.ofSeconds(2));
    assertThat(timeout.isRequested()).isFalse();
  }

  @Test
  void aZeroTimeoutIsRequestedAtOnce() {
    TimeoutCancellation timeout = new TimeoutCancellation(Duration.ZERO);
    assertThat(timeout.isRequested()).isTrue();
    assertThat(DeferredCancellationTest.catchCancelled(timeout).reason())
        .hasMessage("the operation timed out after 0 s");
  }

  @Test
  void onTheSystemTickerItFiresByItself() {
    TimeoutCancellation timeout = new TimeoutCancellation(Duration.ofMillis(5), "five milliseconds passed");
    DeferredFuture<Void> never = new DeferredFuture<>();
    assertThatThrownBy(() -> never.future().await(timeout)).isInstanceOf(CancelledException.class)
        .hasMessage("the operation was cancelled: java.util.concurrent.TimeoutException: five milliseconds passed");
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> new TimeoutCancellation(Duration.ofMillis(-5))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must not be negative, was -5 ms");
    assertThatThrownBy(() -> new TimeoutCancellation(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("timeout");
    assertThatThrownBy(() -> new TimeoutCancellation(Duration.ofSeconds(1), null))
        .isInstanceOf(NullPointerException.class).hasMessage("message");
  }
}
