package dev.architect.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Conversions to and from CompletionStage, in both directions and round trips. */
class CompletionStageTest {
  @Test
  void toStageOfACompleteFuture() throws Exception {
    assertThat(Future.complete("value").toStage().toCompletableFuture().get()).isEqualTo("value");
    assertThat(Future.complete(null).toStage().toCompletableFuture().get()).isNull();
    IOException io = new IOException("io");
    CompletableFuture<Object> failed = Future.error(io).toStage().toCompletableFuture();
    assertThatThrownBy(failed::get).isInstanceOf(ExecutionException.class).hasCause(io);
  }

  @Test
  void toStageOfAPendingFutureCompletesLater() {
    DeferredFuture<Integer> deferred = new DeferredFuture<>();
    CompletableFuture<Integer> stage = deferred.future().toStage().toCompletableFuture();
    CompletableFuture<Integer> doubled = stage.thenApply(x -> x * 2);
    assertThat(stage).isNotDone();
    deferred.complete(21);
    assertThat(doubled.join()).isEqualTo(42);
  }

  @Test
  void toStageKeepsTheErrorAsItIs() {
    DeferredFuture<Integer> deferred = new DeferredFuture<>();
    CompletionStage<Integer> stage = deferred.future().toStage();
    CancelledException cancelled = new CancelledException();
    deferred.error(cancelled);
    assertThatThrownBy(() -> stage.toCompletableFuture().join()).isInstanceOf(CompletionException.class)
        .hasCause(cancelled);
  }

  @Test
  void completingTheStageDoesNotTouchTheFuture() {
    DeferredFuture<String> deferred = new DeferredFuture<>();
    CompletableFuture<String> stage = deferred.future().toStage().toCompletableFuture();
    stage.cancel(true);
    assertThat(deferred.isComplete()).isFalse();
    deferred.complete("still mine");
    assertThat(deferred.future().await()).isEqualTo("still mine");
  }

  @Test
  void fromStageTakesTheValue() {
    CompletableFuture<String> stage = new CompletableFuture<>();
    Future<String> future = Future.fromStage(stage);
    assertThat(future.isComplete()).isFalse();
    stage.complete("from the stage");
    assertThat(future.await()).isEqualTo("from the stage");
    assertThat(Future.fromStage(CompletableFuture.completedFuture(null)).await()).isNull();
  }

  @Test
  void fromStageUnwrapsCompletionExceptions() {
    IOException io = new IOException("io");
    CompletableFuture<String> stage = CompletableFuture.supplyAsync(() -> {
      throw new CompletionException(io);
    }, Thread::startVirtualThread);
    assertThatThrownBy(Future.fromStage(stage)::await).isInstanceOf(FutureFailedException.class).hasCause(io);
    IllegalStateException state = new IllegalStateException("state");
    assertThatThrownBy(Future.fromStage(CompletableFuture.failedFuture(state))::await).isSameAs(state);
    // A dependent stage fails with a CompletionException around the cause: unwrapped as well.
    CompletableFuture<String> dependent = CompletableFuture.<String>failedFuture(state).thenApply(x -> x);
    assertThatThrownBy(Future.fromStage(dependent)::await).isSameAs(state);
  }

  @Test
  void aCancelledStageBecomesACancelledException() {
    CompletableFuture<String> stage = new CompletableFuture<>();
    Future<String> future = Future.fromStage(stage);
    stage.cancel(false);
    assertThatThrownBy(future::await).isInstanceOf(CancelledException.class)
        .hasMessage("the operation was cancelled: java.util.concurrent.CancellationException")
        .hasCauseInstanceOf(CancellationException.class);
  }

  @Test
  void roundTrips() {
    Future<String> original = Async.async(() -> "there and back");
    assertThat(Future.fromStage(original.toStage()).await()).isEqualTo("there and back");
    CompletableFuture<Integer> stage = CompletableFuture.supplyAsync(() -> 7, Thread::startVirtualThread);
    assertThat(Future.fromStage(stage).toStage().toCompletableFuture().join()).isEqualTo(7);
    IllegalArgumentException bad = new IllegalArgumentException("bad");
    assertThatThrownBy(Future.fromStage(Future.error(bad).toStage())::await).isSameAs(bad);
  }

  @Test
  void fromStageRejectsNull() {
    assertThatThrownBy(() -> Future.fromStage(null)).isInstanceOf(NullPointerException.class).hasMessage("stage");
  }
}
