package dev.architect.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** NullCancellation: never requested. */
class NullCancellationTest {
  @Test
  void isNeverRequested() {
    NullCancellation none = new NullCancellation();
    AtomicInteger calls = new AtomicInteger();
    String id = none.subscribe(e -> calls.incrementAndGet());
    none.unsubscribe(id);
    assertThat(none.isRequested()).isFalse();
    none.throwIfRequested();
    assertThat(calls).hasValue(0);
    assertThat(NullCancellation.INSTANCE).hasToString("NullCancellation");
  }

  @Test
  void awaitWithItWaitsForTheOutcome() {
    DeferredFuture<String> deferred = new DeferredFuture<>();
    Future<String> waiter = Async.async(() -> deferred.future().await(NullCancellation.INSTANCE));
    Probes.subscribed(java.util.List.of(deferred.future()));
    deferred.complete("value");
    assertThat(waiter.await()).isEqualTo("value");
  }

  @Test
  void subscribeRejectsNull() {
    assertThatThrownBy(() -> NullCancellation.INSTANCE.subscribe(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("callback");
  }
}
