package dev.architect.async;

import static dev.architect.async.Async.async;
import static dev.architect.async.Async.awaitAny;
import static dev.architect.async.AwaitTest.deferred;
import static dev.architect.async.AwaitTest.futures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** Async.awaitAny: the first success; a composite of every error when all fail (Amp's Future\awaitAny). */
class AwaitAnyTest {
  @Test
  void returnsTheFirstSuccessIgnoringEarlierErrors() {
    List<DeferredFuture<String>> deferred = deferred(3);
    Future<String> any = async(() -> awaitAny(futures(deferred)));
    Probes.subscribed(futures(deferred));
    deferred.get(0).error(new IllegalStateException("tolerated"));
    deferred.get(2).complete("third");
    assertThat(any.await()).isEqualTo("third");
    assertThat(deferred.get(1).isComplete()).isFalse(); // not waited for
  }

  @Test
  void whenAllFailThrowsACompositeOfEveryErrorKeyedInTheOrderTheyFailed() {
    List<DeferredFuture<String>> deferred = deferred(3);
    Future<String> any = async(() -> awaitAny(futures(deferred)));
    Probes.subscribed(futures(deferred));
    IllegalStateException a = new IllegalStateException("a");
    IOException b = new IOException("b");
    IllegalArgumentException c = new IllegalArgumentException("c");
    deferred.get(1).error(b);
    deferred.get(2).error(c);
    deferred.get(0).error(a);
    assertThatThrownBy(any::await).isInstanceOf(CompositeException.class)
        .hasMessage("all 3 futures failed: 1: java.io.IOException: b; 2: java.lang.IllegalArgumentException: c;"
            + " 0: java.lang.IllegalStateException: a")
        .asInstanceOf(InstanceOfAssertFactories.type(CompositeException.class))
        .satisfies(composite -> {
          assertThat(composite.reasons()).containsExactly(entry(1, b), entry(2, c), entry(0, a));
          assertThat(composite.getSuppressed()).containsExactly(b, c, a);
        });
  }

  @Test
  void aMapKeysTheComposite() {
    Map<String, Future<Integer>> futures = new LinkedHashMap<>();
    IllegalStateException primary = new IllegalStateException("primary down");
    IllegalStateException replica = new IllegalStateException("replica down");
    futures.put("primary", Future.error(primary));
    futures.put("replica", Future.error(replica));
    assertThatThrownBy(() -> awaitAny(futures)).isInstanceOf(CompositeException.class)
        .hasMessage("all 2 futures failed: primary: java.lang.IllegalStateException: primary down;"
            + " replica: java.lang.IllegalStateException: replica down");
    futures.put("cache", Future.complete(7));
    assertThat(awaitAny(futures)).isEqualTo(7);
  }

  @Test
  void nothingToAwaitIsAnError() {
    assertThatThrownBy(() -> awaitAny(List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("futures must not be empty");
    assertThatThrownBy(() -> awaitAny(Map.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("futures must not be empty");
  }

  @Test
  void aCancellationStopsTheWait() {
    DeferredFuture<String> pending = new DeferredFuture<>();
    DeferredCancellation stop = new DeferredCancellation();
    Future<String> any = async(() -> awaitAny(List.of(pending.future()), stop.cancellation()));
    Probes.subscribed(List.of(pending.future()));
    stop.cancel();
    assertThatThrownBy(any::await).isInstanceOf(CancelledException.class).hasMessage("the operation was cancelled");
  }
}
