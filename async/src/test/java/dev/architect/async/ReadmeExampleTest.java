package dev.architect.async;

import static dev.architect.async.Async.async;
import static dev.architect.async.Async.await;
import static dev.architect.async.Async.awaitAll;
import static dev.architect.async.Async.awaitAny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The examples of async/README.md, compiled and run (public API only). */
class ReadmeExampleTest {
  private static String lookUp(String what) {
    return "found " + what;
  }

  @Test
  void smallestUsefulExample() {
    Future<String> user = async(() -> lookUp("user 42"));
    Future<String> orders = async(() -> lookUp("orders of 42"));
    try (TimeoutCancellation timeout = new TimeoutCancellation(Duration.ofSeconds(2))) {
      List<String> page = await(List.of(user, orders), timeout);
      assertThat(page).containsExactly("found user 42", "found orders of 42");
    }
  }

  @Test
  void deferredFutureExample() {
    DeferredFuture<String> reply = new DeferredFuture<>();
    Future<Integer> length = reply.future().map(String::length);
    reply.complete("pong");
    assertThat(length.await()).isEqualTo(4);
  }

  @Test
  void combinatorExample() {
    Map<String, Future<String>> mirrors = Map.of(
        "eu", async(() -> lookUp("eu mirror")),
        "us", async(() -> lookUp("us mirror")));
    String fastest = awaitAny(mirrors);
    Settled<String, String> all = awaitAll(mirrors);
    assertThat(fastest).isIn("found eu mirror", "found us mirror");
    assertThat(all.errors()).isEmpty();
    assertThat(all.values()).containsOnlyKeys("eu", "us");
  }

  @Test
  void cancellationExample() {
    DeferredCancellation stop = new DeferredCancellation();
    Future<String> job = async(() -> {
      Async.delay(Duration.ofHours(1), stop.cancellation());
      return "done";
    });
    stop.cancel();
    assertThatThrownBy(job::await).isInstanceOf(CancelledException.class);
  }

  @Test
  void timeExample() {
    ManualTicker ticker = new ManualTicker();
    TimeoutCancellation timeout = ticker.timeout(Duration.ofSeconds(5));
    Future<Void> timer = ticker.timer(Duration.ofSeconds(3));
    ticker.advance(Duration.ofSeconds(3));
    assertThat(timer.isComplete()).isTrue();
    assertThat(timeout.isRequested()).isFalse();
    ticker.advance(Duration.ofSeconds(2));
    assertThat(timeout.isRequested()).isTrue();
  }

  @Test
  void handlerExample() {
    List<String> log = new CopyOnWriteArrayList<>();
    Consumer<? super Throwable> previous =
        Async.setUnhandledErrorHandler(error -> log.add("a failed future was dropped: " + error.getMessage()));
    try {
      assertThat(Async.unhandledErrorHandler()).isNotSameAs(previous);
    } finally {
      Async.setUnhandledErrorHandler(previous);
    }
  }
}
