package dev.architect.async;

import static dev.architect.async.Async.async;
import static dev.architect.async.Async.awaitAnyN;
import static dev.architect.async.AwaitTest.deferred;
import static dev.architect.async.AwaitTest.futures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** Async.awaitAnyN: the first N successes, errors tolerated (Amp's Future\awaitAnyN). */
class AwaitAnyNTest {
  @Test
  void returnsTheFirstNSuccessesInTheOrderTheySucceeded() {
    List<DeferredFuture<String>> deferred = deferred(5);
    Future<List<String>> two = async(() -> awaitAnyN(2, futures(deferred)));
    Probes.subscribed(futures(deferred));
    deferred.get(4).complete("e");
    deferred.get(0).error(new IllegalStateException("tolerated"));
    deferred.get(2).complete("c");
    assertThat(two.await()).containsExactly("e", "c");
  }

  @Test
  void aMapKeepsTheKeysOfTheSuccesses() {
    Map<String, Future<Integer>> futures = new LinkedHashMap<>();
    futures.put("a", Future.complete(1));
    futures.put("b", Future.error(new IllegalStateException("b")));
    futures.put("c", Future.complete(3));
    futures.put("d", Future.complete(4));
    assertThat(awaitAnyN(2, futures)).containsExactly(entry("a", 1), entry("c", 3));
  }

  @Test
  void failsOnceAllCompletedWithTooFewSuccesses() {
    List<DeferredFuture<String>> deferred = deferred(3);
    Future<List<String>> two = async(() -> awaitAnyN(2, futures(deferred)));
    Probes.subscribed(futures(deferred));
    IllegalStateException first = new IllegalStateException("first");
    IllegalStateException second = new IllegalStateException("second");
    deferred.get(2).error(first);
    deferred.get(0).error(second);
    // Success is now impossible, but like Amp it waits for every future before failing.
    assertThat(two.isComplete()).isFalse();
    deferred.get(1).complete("only one");
    assertThatThrownBy(two::await).isInstanceOf(CompositeException.class)
        .hasMessage("2 of 3 futures failed, so fewer than 2 succeeded: 2: java.lang.IllegalStateException: first;"
            + " 0: java.lang.IllegalStateException: second")
        .asInstanceOf(InstanceOfAssertFactories.type(CompositeException.class))
        .extracting(CompositeException::reasons)
        .isEqualTo(Map.of(2, first, 0, second));
  }

  @Test
  void countMustFitTheFutures() {
    List<Future<Integer>> three = List.of(Future.complete(1), Future.complete(2), Future.complete(3));
    assertThatThrownBy(() -> awaitAnyN(0, three)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be positive, was 0");
    assertThatThrownBy(() -> awaitAnyN(-2, Map.of("a", Future.complete(1)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be positive, was -2");
    assertThatThrownBy(() -> awaitAnyN(4, three)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must not exceed the number of futures (3), was 4");
    assertThatThrownBy(() -> awaitAnyN(1, List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must not exceed the number of futures (0), was 1");
    assertThat(awaitAnyN(3, three)).containsExactly(1, 2, 3);
  }

  @Test
  void aCancellationStopsTheWait() {
    List<DeferredFuture<String>> deferred = deferred(2);
    DeferredCancellation stop = new DeferredCancellation();
    Future<List<String>> two = async(() -> awaitAnyN(2, futures(deferred), stop.cancellation()));
    Probes.subscribed(futures(deferred));
    deferred.get(0).complete("one");
    stop.cancel();
    assertThatThrownBy(two::await).isInstanceOf(CancelledException.class);
  }
}
