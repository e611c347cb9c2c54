package dev.architect.async;

import static dev.architect.async.Async.async;
import static dev.architect.async.Async.awaitFirst;
import static dev.architect.async.AwaitTest.deferred;
import static dev.architect.async.AwaitTest.futures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Async.awaitFirst: the outcome of the first future to complete, success or not (Amp's Future\awaitFirst). */
class AwaitFirstTest {
  @Test
  void returnsTheFirstValue() {
    List<DeferredFuture<String>> deferred = deferred(3);
    Future<String> first = async(() -> awaitFirst(futures(deferred)));
    Probes.subscribed(futures(deferred));
    deferred.get(1).complete("second listed");
    deferred.get(0).complete("first listed");
    assertThat(first.await()).isEqualTo("second listed");
  }

  @Test
  void throwsTheFirstError() {
    List<DeferredFuture<String>> deferred = deferred(2);
    Future<String> first = async(() -> awaitFirst(futures(deferred)));
    Probes.subscribed(futures(deferred));
    IllegalStateException boom = new IllegalStateException("boom");
    deferred.get(1).error(boom);
    deferred.get(0).complete("too late");
    assertThatThrownBy(first::await).isSameAs(boom);
  }

  @Test
  void worksOnMaps() {
    assertThat(awaitFirst(Map.of("only", Future.complete("value")))).isEqualTo("value");
  }

  @Test
  void nothingToAwaitIsAnError() {
    assertThatThrownBy(() -> awaitFirst(List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("futures must not be empty");
    assertThatThrownBy(() -> awaitFirst(Map.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("futures must not be empty");
  }

  @Test
  void aCancellationStopsTheWaitAndReleasesTheFutures() {
    DeferredFuture<String> pending = new DeferredFuture<>();
    DeferredCancellation stop = new DeferredCancellation();
    Future<String> first = async(() -> awaitFirst(List.of(pending.future()), stop.cancellation()));
    Probes.subscribed(List.of(pending.future()));
    stop.cancel();
    assertThatThrownBy(first::await).isInstanceOf(CancelledException.class);
    assertThat(pending.future().state.callbackCount()).isZero();
  }

  @Test
  void returningReleasesTheOtherFuturesAndTheCancellation() {
    List<DeferredFuture<String>> deferred = deferred(3);
    DeferredCancellation stop = new DeferredCancellation();
    Future<String> first = async(() -> awaitFirst(futures(deferred), stop.cancellation()));
    Probes.subscribed(futures(deferred));
    deferred.get(0).complete("winner");
    assertThat(first.await()).isEqualTo("winner");
    assertThat(deferred.get(1).future().state.callbackCount()).isZero();
    assertThat(deferred.get(2).future().state.callbackCount()).isZero();
    assertThat(((Cancellable) stop.cancellation()).subscriberCount()).isZero();
  }
}
