package dev.architect.async;

import static dev.architect.async.Async.async;
import static dev.architect.async.Async.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Async.await: every value; the first error to happen wins (Amp's Future\await). */
class AwaitTest {
  @Test
  void aListGivesTheValuesInTheListsOrder() {
    List<DeferredFuture<String>> deferred = deferred(3);
    Future<List<String>> all = async(() -> await(futures(deferred)));
    Probes.subscribed(futures(deferred));
    deferred.get(2).complete("c");
    deferred.get(0).complete("a");
    assertThat(all.isComplete()).isFalse();
    deferred.get(1).complete(null);
    assertThat(all.await()).containsExactly("a", null, "c");
  }

  @Test
  void aMapKeepsItsKeysInCompletionOrder() {
    DeferredFuture<Integer> one = new DeferredFuture<>();
    DeferredFuture<Integer> two = new DeferredFuture<>();
    DeferredFuture<Integer> three = new DeferredFuture<>();
    Map<String, Future<Integer>> futures = new LinkedHashMap<>();
    futures.put("one", one.future());
    futures.put("two", two.future());
    futures.put("three", three.future());
    Future<Map<String, Integer>> all = async(() -> await(futures));
    Probes.subscribed(futures.values());
    three.complete(3);
    one.complete(1);
    two.complete(2);
    assertThat(all.await()).containsExactly(entry("three", 3), entry("one", 1), entry("two", 2));
  }

  @Test
  void theFirstErrorToHappenIsThrownAtOnce() {
    List<DeferredFuture<String>> deferred = deferred(4);
    Future<List<String>> all = async(() -> await(futures(deferred)));
    Probes.subscribed(futures(deferred));
    deferred.get(0).complete("fine");
    IllegalStateException later = new IllegalStateException("listed first, failed second");
    IllegalStateException first = new IllegalStateException("listed last, failed first");
    deferred.get(3).error(first);
    // Thrown without waiting for the futures still pending (1 and 2).
    assertThatThrownBy(all::await).isSameAs(first);
    deferred.get(1).error(later);
    assertThat(deferred.get(2).isComplete()).isFalse();
  }

  @Test
  void futuresAlreadyCompleteAreTakenInTheGivenOrder() {
    IllegalStateException a = new IllegalStateException("a");
    IllegalStateException b = new IllegalStateException("b");
    assertThatThrownBy(() -> await(List.of(Future.complete(1), Future.error(a), Future.error(b)))).isSameAs(a);
    assertThat(await(List.of(Future.complete(1), Future.complete(2)))).containsExactly(1, 2);
  }

  @Test
  void checkedErrorsAreWrapped() {
    assertThatThrownBy(() -> await(List.of(Future.error(new java.io.IOException("io")))))
        .isInstanceOf(FutureFailedException.class).hasMessage("the future failed: java.io.IOException: io");
  }

  @Test
  void nothingToAwaitGivesNothing() {
    assertThat(await(List.<Future<String>>of())).isEmpty();
    assertThat(await(Map.<String, Future<String>>of())).isEmpty();
  }

  @Test
  void resultsAreUnmodifiable() {
    List<Integer> list = await(List.of(Future.complete(1)));
    assertThatThrownBy(() -> list.add(2)).isInstanceOf(UnsupportedOperationException.class);
    Map<String, Integer> map = await(Map.of("a", Future.complete(1)));
    assertThatThrownBy(() -> map.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aCancellationStopsTheWaitNotTheFutures() {
    List<DeferredFuture<String>> deferred = deferred(2);
    DeferredCancellation stop = new DeferredCancellation();
    Future<List<String>> all = async(() -> await(futures(deferred), stop.cancellation()));
    Probes.subscribed(futures(deferred));
    deferred.get(0).complete("done");
    stop.cancel(new IllegalStateException("user left"));
    assertThatThrownBy(all::await).isInstanceOf(CancelledException.class)
        .hasMessage("the operation was cancelled: java.lang.IllegalStateException: user left");
    // The wait let go of everything: no callbacks left behind, and the future still completes.
    assertThat(deferred.get(1).future().state.callbackCount()).isZero();
    assertThat(((Cancellable) stop.cancellation()).subscriberCount()).isZero();
    deferred.get(1).complete("later");
    assertThat(deferred.get(1).future().await()).isEqualTo("later");
  }

  @Test
  void aRequestedCancellationStillReturnsWhatIsComplete() {
    DeferredCancellation stop = new DeferredCancellation();
    stop.cancel();
    assertThat(await(List.of(Future.complete("ready")), stop.cancellation())).containsExactly("ready");
    DeferredFuture<String> pending = new DeferredFuture<>();
    assertThatThrownBy(() -> await(List.of(pending.future()), stop.cancellation()))
        .isInstanceOf(CancelledException.class).hasMessage("the operation was cancelled");
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> await((List<Future<String>>) null)).hasMessage("futures");
    assertThatThrownBy(() -> await(Arrays.asList(Future.complete(1), null)))
        .isInstanceOf(NullPointerException.class).hasMessage("futures[1] is null");
    Map<String, Future<Integer>> withNull = new LinkedHashMap<>();
    withNull.put("x", null);
    assertThatThrownBy(() -> await(withNull)).isInstanceOf(NullPointerException.class)
        .hasMessage("futures[x] is null");
    assertThatThrownBy(() -> await(List.of(Future.complete(1)), null)).hasMessage("cancellation");
  }

  static <T> List<DeferredFuture<T>> deferred(int count) {
    List<DeferredFuture<T>> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(new DeferredFuture<>());
    }
    return list;
  }

  static <T> List<Future<T>> futures(List<DeferredFuture<T>> deferred) {
    return deferred.stream().map(DeferredFuture::future).toList();
  }
}
