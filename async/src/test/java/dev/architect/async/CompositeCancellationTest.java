package dev.architect.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** CompositeCancellation: requested when any part is, with that part's exception. */
class CompositeCancellationTest {
  @Test
  void requestedByAnyPartWithThatPartsException() {
    DeferredCancellation user = new DeferredCancellation();
    ManualTicker ticker = new ManualTicker();
    TimeoutCancellation timeout = ticker.timeout(Duration.ofSeconds(1));
    CompositeCancellation either = new CompositeCancellation(user.cancellation(), timeout);
    List<String> calls = new CopyOnWriteArrayList<>();
    either.subscribe(e -> calls.add(e.getMessage()));
    assertThat(either.parts()).containsExactly(user.cancellation(), timeout);
    assertThat(either.isRequested()).isFalse();
    assertThat(either).hasToString("CompositeCancellation[2 parts, not requested]");

    ticker.advance(Duration.ofSeconds(1));
    assertThat(either.isRequested()).isTrue();
    assertThat(calls).containsExactly(
        "the operation was cancelled: java.util.concurrent.TimeoutException: the operation timed out after 1 s");
    // The same exception object as the part's.
    assertThat(DeferredCancellationTest.catchCancelled(either)).isSameAs(DeferredCancellationTest.catchCancelled(timeout));

    // Once requested it unsubscribed from every part; a later request of another part changes nothing.
    assertThat(((Cancellable) user.cancellation()).subscriberCount()).isZero();
    user.cancel();
    assertThat(calls).hasSize(1);
  }

  @Test
  void aPartAlreadyRequestedRequestsAtOnce() {
    DeferredCancellation done = new DeferredCancellation();
    done.cancel(new IllegalStateException("earlier"));
    DeferredCancellation other = new DeferredCancellation();
    CompositeCancellation either = new CompositeCancellation(other.cancellation(), done.cancellation());
    assertThat(either.isRequested()).isTrue();
    assertThatThrownBy(either::throwIfRequested).hasMessageEndingWith("earlier");
    assertThat(((Cancellable) other.cancellation()).subscriberCount()).isZero();
  }

  @Test
  void closeUnsubscribesFromEveryPart() {
    DeferredCancellation a = new DeferredCancellation();
    DeferredCancellation b = new DeferredCancellation();
    CompositeCancellation either = new CompositeCancellation(List.of(a.cancellation(), b.cancellation()));
    assertThat(((Cancellable) a.cancellation()).subscriberCount()).isEqualTo(1);
    either.close();
    either.close();
    assertThat(((Cancellable) a.cancellation()).subscriberCount()).isZero();
    assertThat(((Cancellable) b.cancellation()).subscriberCount()).isZero();
    a.cancel();
    assertThat(either.isRequested()).isFalse();
  }

  @Test
  void anUnsubscribedCallbackIsNotCalledAndASubscriberAfterTheRequestRunsAtOnce() {
    DeferredCancellation a = new DeferredCancellation();
    CompositeCancellation either = new CompositeCancellation(a.cancellation(), NullCancellation.INSTANCE);
    List<String> calls = new CopyOnWriteArrayList<>();
    String gone = either.subscribe(e -> calls.add("unsubscribed"));
    either.subscribe(e -> calls.add("kept"));
    either.unsubscribe(gone);
    a.cancel();
    either.subscribe(e -> calls.add("late"));
    assertThat(calls).containsExactly("kept", "late");
    assertThat(either).hasToString("CompositeCancellation[2 parts, requested: the operation was cancelled]");
  }

  @Test
  void aForeignPartIsUsedThroughTheInterface() {
    // A Cancellation written by a user: the composite subscribes and unsubscribes through the interface.
    DeferredCancellation inner = new DeferredCancellation();
    List<String> log = new CopyOnWriteArrayList<>();
    Cancellation foreign = new Cancellation() {
      @Override
      public String subscribe(java.util.function.Consumer<? super CancelledException> callback) {
        log.add("subscribe");
        return inner.cancellation().subscribe(callback);
      }

      @Override
      public void unsubscribe(String id) {
        log.add("unsubscribe");
        inner.cancellation().unsubscribe(id);
      }

      @Override
      public boolean isRequested() {
        return inner.isCancelled();
      }

      @Override
      public void throwIfRequested() {
        inner.cancellation().throwIfRequested();
      }
    };
    CompositeCancellation either = new CompositeCancellation(foreign);
    inner.cancel();
    assertThat(either.isRequested()).isTrue();
    assertThat(log).containsExactly("subscribe", "unsubscribe");
  }

  @Test
  void noPartsIsNeverRequested() {
    CompositeCancellation none = new CompositeCancellation();
    assertThat(none.isRequested()).isFalse();
    none.throwIfRequested();
  }

  @Test
  void nestsAndStopsAnAwait() {
    DeferredCancellation inner = new DeferredCancellation();
    CompositeCancellation nested = new CompositeCancellation(new CompositeCancellation(inner.cancellation()),
        NullCancellation.INSTANCE);
    DeferredFuture<String> slow = new DeferredFuture<>();
    Future<String> waiter = Async.async(() -> slow.future().await(nested));
    Probes.subscribed(List.of(slow.future()));
    inner.cancel();
    assertThatThrownBy(waiter::await).isInstanceOf(CancelledException.class).hasMessage("the operation was cancelled");
  }

  @Test
  void nullPartsAreNamed() {
    assertThatThrownBy(() -> new CompositeCancellation((Cancellation[]) null)).hasMessage("parts");
    assertThatThrownBy(() -> new CompositeCancellation(NullCancellation.INSTANCE, null))
        .isInstanceOf(NullPointerException.class).hasMessage("parts[1] is null");
    assertThatThrownBy(() -> new CompositeCancellation(Arrays.asList((Cancellation) null)))
        .isInstanceOf(NullPointerException.class).hasMessage("parts[0] is null");
  }
}
