package dev.architect.async;

import static dev.architect.async.Async.async;
import static dev.architect.async.Async.awaitAll;
import static dev.architect.async.AwaitTest.deferred;
import static dev.architect.async.AwaitTest.futures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Async.awaitAll: every error and every value, keyed, in completion order (Amp's Future\awaitAll). */
class AwaitAllTest {
  @Test
  void collectsErrorsAndValuesByIndexInCompletionOrder() {
    List<DeferredFuture<String>> deferred = deferred(4);
    Future<Settled<Integer, String>> all = async(() -> awaitAll(futures(deferred)));
    Probes.subscribed(futures(deferred));
    IOException io = new IOException("io");
    IllegalStateException state = new IllegalStateException("state");
    deferred.get(3).complete("d");
    deferred.get(1).error(io);
    deferred.get(0).complete("a");
    assertThat(all.isComplete()).isFalse(); // an error does not end the wait
    deferred.get(2).error(state);
    Settled<Integer, String> settled = all.await();
    assertThat(settled.values()).containsExactly(entry(3, "d"), entry(0, "a"));
    assertThat(settled.errors()).containsExactly(entry(1, io), entry(2, state)); // the errors themselves
  }

  @Test
  void keepsTheKeysOfAMap() {
    Map<String, Future<Integer>> futures = new LinkedHashMap<>();
    IllegalArgumentException bad = new IllegalArgumentException("bad");
    futures.put("ok", Future.complete(1));
    futures.put("bad", Future.error(bad));
    futures.put("null", Future.complete(null));
    Settled<String, Integer> settled = awaitAll(futures);
    assertThat(settled.values()).containsExactly(entry("ok", 1), entry("null", null));
    assertThat(settled.errors()).containsExactly(entry("bad", bad));
  }

  @Test
  void nothingToAwaitGivesNothing() {
    Settled<Integer, Object> settled = awaitAll(List.of());
    assertThat(settled.errors()).isEmpty();
    assertThat(settled.values()).isEmpty();
  }

  @Test
  void settledIsAnUnmodifiableCopy() {
    Map<String, Integer> values = new LinkedHashMap<>();
    values.put("a", 1);
    Settled<String, Integer> settled = new Settled<>(Map.of(), values);
    values.put("b", 2);
    assertThat(settled.values()).containsExactly(entry("a", 1));
    assertThatThrownBy(() -> settled.values().put("c", 3)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new Settled<>(null, Map.of())).hasMessage("errors");
    assertThatThrownBy(() -> new Settled<>(Map.of(), null)).hasMessage("values");
  }

  @Test
  void aCancellationStopsTheWait() {
    List<DeferredFuture<String>> deferred = deferred(2);
    ManualTicker ticker = new ManualTicker();
    TimeoutCancellation timeout = ticker.timeout(java.time.Duration.ofSeconds(1));
    Future<Settled<Integer, String>> all = async(() -> awaitAll(futures(deferred), timeout));
    Probes.subscribed(futures(deferred));
    deferred.get(1).error(new IllegalStateException("tolerated"));
    ticker.advance(java.time.Duration.ofSeconds(1));
    assertThatThrownBy(all::await).isInstanceOf(CancelledException.class)
        .hasMessage("the operation was cancelled: java.util.concurrent.TimeoutException: the operation timed out"
            + " after 1 s");
  }
}
