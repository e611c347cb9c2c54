package dev.architect.async;

import static dev.architect.async.Async.async;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DeferredCancellation: requested by a call; subscribers, unsubscription, throwIfRequested. */
class DeferredCancellationTest {
  private Consumer<? super Throwable> previousHandler;

  @AfterEach
  void restoreHandler() {
    if (previousHandler != null) {
      Async.setUnhandledErrorHandler(previousHandler);
    }
  }

  @Test
  void cancelRequestsOnceWithTheReason() {
    DeferredCancellation deferred = new DeferredCancellation();
    Cancellation cancellation = deferred.cancellation();
    assertThat(cancellation.isRequested()).isFalse();
    assertThat(deferred.isCancelled()).isFalse();
    cancellation.throwIfRequested(); // nothing to throw yet
    assertThat(deferred).hasToString("DeferredCancellation[not requested]");

    IllegalStateException reason = new IllegalStateException("shutting down");
    deferred.cancel(reason);
    deferred.cancel(new IllegalStateException("ignored: already requested"));
    assertThat(cancellation.isRequested()).isTrue();
    assertThat(deferred.isCancelled()).isTrue();
    assertThatThrownBy(cancellation::throwIfRequested).isInstanceOf(CancelledException.class)
        .hasMessage("the operation was cancelled: java.lang.IllegalStateException: shutting down")
        .hasCause(reason)
        .satisfies(e -> assertThat(((CancelledException) e).reason()).isSameAs(reason));
    // Always the same exception.
    CancelledException first = catchCancelled(cancellation);
    assertThat(catchCancelled(cancellation)).isSameAs(first);
    assertThat(deferred).hasToString("DeferredCancellation[requested: the operation was cancelled:"
        + " java.lang.IllegalStateException: shutting down]");
  }

  @Test
  void cancelWithoutAReason() {
    DeferredCancellation deferred = new DeferredCancellation();
    deferred.cancel();
    CancelledException cancelled = catchCancelled(deferred.cancellation());
    assertThat(cancelled).hasMessage("the operation was cancelled").hasNoCause();
    assertThat(cancelled.reason()).isNull();
  }

  @Test
  void subscribersAreCalledOnceInOrderWithTheSameException() {
    DeferredCancellation deferred = new DeferredCancellation();
    List<String> calls = new CopyOnWriteArrayList<>();
    List<CancelledException> seen = new CopyOnWriteArrayList<>();
    Cancellation cancellation = deferred.cancellation();
    cancellation.subscribe(e -> calls.add("first"));
    String second = cancellation.subscribe(e -> calls.add("second"));
    cancellation.subscribe(e -> {
      calls.add("third");
      seen.add(e);
    });
    cancellation.unsubscribe(second);
    cancellation.unsubscribe("no such id");
    deferred.cancel();
    deferred.cancel();
    assertThat(calls).containsExactly("first", "third");
    assertThat(seen).containsExactly(catchCancelled(cancellation));
  }

  @Test
  void subscribingAfterTheRequestCallsAtOnce() {
    DeferredCancellation deferred = new DeferredCancellation();
    deferred.cancel();
    List<String> calls = new CopyOnWriteArrayList<>();
    String id = deferred.cancellation().subscribe(e -> calls.add(e.getMessage()));
    assertThat(calls).containsExactly("the operation was cancelled");
    assertThat(id).isNotNull();
    deferred.cancellation().unsubscribe(id); // harmless
  }

  @Test
  void aSubscriberThatThrowsIsReportedAndTheOthersStillRun() {
    List<Throwable> unhandled = new CopyOnWriteArrayList<>();
    previousHandler = Async.setUnhandledErrorHandler(unhandled::add);
    DeferredCancellation deferred = new DeferredCancellation();
    List<String> calls = new CopyOnWriteArrayList<>();
    IllegalStateException broken = new IllegalStateException("subscriber broke");
    deferred.cancellation().subscribe(e -> {
      throw broken;
    });
    deferred.cancellation().subscribe(e -> calls.add("after"));
    deferred.cancel();
    assertThat(calls).containsExactly("after");
    assertThat(unhandled).containsExactly(broken);
  }

  @Test
  void cancellingAnAwaitCancelsTheWaitOnly() {
    DeferredFuture<String> operation = new DeferredFuture<>();
    DeferredCancellation stop = new DeferredCancellation();
    Future<String> waiter = async(() -> operation.future().await(stop.cancellation()));
    Probes.subscribed(List.of(operation.future()));
    stop.cancel();
    assertThatThrownBy(waiter::await).isInstanceOf(CancelledException.class);
    // The operation did not take the cancellation: it is still running and completes normally.
    assertThat(operation.isComplete()).isFalse();
    operation.complete("finished anyway");
    assertThat(operation.future().await()).isEqualTo("finished anyway");
    assertThat(((Cancellable) stop.cancellation()).subscriberCount()).isZero();
  }

  @Test
  void cancellingCancelsTheOperationThatTakesTheCancellation() {
    DeferredCancellation stop = new DeferredCancellation();
    Future<String> operation = async(() -> {
      Async.delay(Duration.ofHours(1), stop.cancellation()); // a long wait that takes the cancellation
      return "slept an hour";
    });
    Probes.until("the operation is waiting on the cancellation",
        () -> ((Cancellable) stop.cancellation()).subscriberCount() > 0);
    stop.cancel(new IllegalStateException("not needed any more"));
    assertThatThrownBy(operation::await).isInstanceOf(CancelledException.class)
        .hasMessage("the operation was cancelled: java.lang.IllegalStateException: not needed any more");
  }

  @Test
  void awaitWithAnUnrequestedCancellationReturnsTheValueAndUnsubscribes() {
    DeferredCancellation stop = new DeferredCancellation();
    DeferredFuture<String> operation = new DeferredFuture<>();
    Future<String> waiter = async(() -> operation.future().await(stop.cancellation()));
    Probes.until("the waiter subscribed", () -> ((Cancellable) stop.cancellation()).subscriberCount() == 1);
    operation.complete("value");
    assertThat(waiter.await()).isEqualTo("value");
    assertThat(((Cancellable) stop.cancellation()).subscriberCount()).isZero();
  }

  @Test
  void aCompleteFutureWinsOverARequestedCancellation() {
    DeferredCancellation stop = new DeferredCancellation();
    stop.cancel();
    assertThat(Future.complete("ready").await(stop.cancellation())).isEqualTo("ready");
    assertThatThrownBy(() -> new DeferredFuture<String>().future().await(stop.cancellation()))
        .isInstanceOf(CancelledException.class);
  }

  @Test
  void subscribeRejectsNull() {
    assertThatThrownBy(() -> new DeferredCancellation().cancellation().subscribe(null))
        .isInstanceOf(NullPointerException.class).hasMessage("callback");
  }

  static CancelledException catchCancelled(Cancellation cancellation) {
    try {
      cancellation.throwIfRequested();
    } catch (CancelledException e) {
      return e;
    }
    throw new AssertionError("cancellation not requested: " + cancellation);
  }
}
