package dev.architect.async;

import static dev.architect.async.AwaitTest.deferred;
import static dev.architect.async.AwaitTest.futures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Future.iterate: the futures in the order they complete (Amp's Future::iterate). */
class IterateTest {
  @Test
  void givesTheFuturesInCompletionOrder() {
    List<DeferredFuture<String>> deferred = deferred(4);
    List<Future<String>> futures = futures(deferred);
    Future<List<String>> seen = Async.async(() -> {
      List<String> order = new ArrayList<>();
      for (Future<String> future : Future.iterate(futures)) {
        assertThat(future.isComplete()).isTrue();
        order.add(futures.indexOf(future) + "=" + describe(future));
      }
      return order;
    });
    Probes.subscribed(futures);
    deferred.get(2).complete("c");
    deferred.get(0).error(new IllegalStateException("a failed"));
    deferred.get(3).complete(null);
    deferred.get(1).complete("b");
    assertThat(seen.await()).containsExactly("2=c", "0=error a failed", "3=null", "1=b");
  }

  private static String describe(Future<String> future) {
    try {
      return String.valueOf(future.await());
    } catch (IllegalStateException e) {
      return "error " + e.getMessage();
    }
  }

  @Test
  void futuresAlreadyCompleteComeInTheGivenOrder() {
    DeferredFuture<Integer> pending = new DeferredFuture<>();
    List<Future<Integer>> futures = List.of(pending.future(), Future.complete(1), Future.complete(2));
    Iterator<Future<Integer>> iterator = Future.iterate(futures).iterator();
    assertThat(iterator.next().await()).isEqualTo(1);
    assertThat(iterator.next().await()).isEqualTo(2);
    assertThat(iterator.hasNext()).isTrue();
    pending.complete(0);
    assertThat(iterator.next()).isSameAs(pending.future());
    assertThat(iterator.hasNext()).isFalse();
    assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class)
        .hasMessage("all 3 futures were returned");
  }

  @Test
  void aMapGivesKeysWithTheFutures() {
    DeferredFuture<String> slow = new DeferredFuture<>();
    Map<String, Future<String>> futures = new LinkedHashMap<>();
    futures.put("slow", slow.future());
    futures.put("fast", Future.complete("fast value"));
    List<String> keys = new ArrayList<>();
    Iterator<Map.Entry<String, Future<String>>> iterator = Future.iterate(futures).iterator();
    Map.Entry<String, Future<String>> first = iterator.next();
    keys.add(first.getKey() + "=" + first.getValue().await());
    slow.complete("slow value");
    Map.Entry<String, Future<String>> second = iterator.next();
    keys.add(second.getKey() + "=" + second.getValue().await());
    assertThat(keys).containsExactly("fast=fast value", "slow=slow value");
    assertThatThrownBy(() -> first.setValue(null)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void eachIteratorStartsAfresh() {
    List<Future<Integer>> futures = List.of(Future.complete(1), Future.complete(2));
    Iterable<Future<Integer>> iterable = Future.iterate(futures);
    List<Integer> twice = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (Future<Integer> future : iterable) {
        twice.add(future.await());
      }
    }
    assertThat(twice).containsExactly(1, 2, 1, 2);
  }

  @Test
  void aCancellationStopsTheWaitButNotWhatIsAlreadyComplete() {
    DeferredFuture<String> pending = new DeferredFuture<>();
    DeferredCancellation stop = new DeferredCancellation();
    Iterator<Future<String>> iterator =
        Future.iterate(List.of(pending.future(), Future.complete("ready")), stop.cancellation()).iterator();
    stop.cancel();
    assertThat(iterator.next().await()).isEqualTo("ready");
    assertThatThrownBy(iterator::next).isInstanceOf(CancelledException.class)
        .hasMessage("the operation was cancelled");
    // The cancellation stays requested: asking again throws again; the future is untouched.
    assertThatThrownBy(iterator::next).isInstanceOf(CancelledException.class);
    assertThat(pending.isComplete()).isFalse();
  }

  @Test
  void aCancellationWhileWaiting() {
    DeferredFuture<String> pending = new DeferredFuture<>();
    DeferredCancellation stop = new DeferredCancellation();
    Future<String> consumer = Async.async(() -> {
      for (Future<String> future : Future.iterate(List.of(pending.future()), stop.cancellation())) {
        return future.await();
      }
      return "nothing";
    });
    Probes.subscribed(List.of(pending.future()));
    Probes.until("the iterator waits on the cancellation",
        () -> ((Cancellable) stop.cancellation()).subscriberCount() == 1);
    stop.cancel(new IllegalStateException("enough"));
    assertThatThrownBy(consumer::await).isInstanceOf(CancelledException.class)
        .hasMessage("the operation was cancelled: java.lang.IllegalStateException: enough");
    assertThat(((Cancellable) stop.cancellation()).subscriberCount()).isZero();
  }

  @Test
  void nothingToIterateIsEmpty() {
    assertThat(Future.iterate(List.<Future<String>>of())).isEmpty();
    assertThat(Future.iterate(Map.<String, Future<String>>of())).isEmpty();
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> Future.iterate((List<Future<String>>) null)).hasMessage("futures");
    assertThatThrownBy(() -> Future.iterate(List.of(Future.complete(1)), null)).hasMessage("cancellation");
    List<Future<Integer>> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> Future.iterate(withNull)).isInstanceOf(NullPointerException.class)
        .hasMessage("futures[0] is null");
  }
}
