package dev.architect.async;

import static dev.architect.async.Async.async;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Future: creation, await, map, catchError, finallyDo, ignore, async on virtual threads. */
class FutureTest {
  @Test
  void completeHoldsItsValueAndNull() {
    assertThat(Future.complete(42).await()).isEqualTo(42);
    assertThat(Future.complete(42).isComplete()).isTrue();
    assertThat(Future.<String>complete(null).await()).isNull();
    assertThat(Future.complete(42)).hasToString("Future[completed: 42]");
    assertThat(Future.complete(null)).hasToString("Future[completed: null]");
  }

  @Test
  void errorThrowsUncheckedExceptionsAsTheyAre() {
    IllegalStateException boom = new IllegalStateException("boom");
    Future<Integer> failed = Future.error(boom);
    assertThat(failed.isComplete()).isTrue();
    assertThat(failed).hasToString("Future[failed: java.lang.IllegalStateException: boom]");
    assertThatThrownBy(failed::await).isSameAs(boom);
    // Awaited again: the same exception again.
    assertThatThrownBy(failed::await).isSameAs(boom);

    StackOverflowError error = new StackOverflowError("deep");
    assertThatThrownBy(Future.error(error)::await).isSameAs(error);
  }

  @Test
  void checkedExceptionsAreWrapped() {
    IOException disk = new IOException("disk full");
    assertThatThrownBy(Future.error(disk)::await)
        .isInstanceOf(FutureFailedException.class)
        .hasMessage("the future failed: java.io.IOException: disk full")
        .hasCause(disk);
  }

  @Test
  void errorRejectsNull() {
    assertThatThrownBy(() -> Future.error(null)).isInstanceOf(NullPointerException.class).hasMessage("error");
  }

  @Test
  void asyncRunsOnAVirtualThreadAndAwaitReturnsItsResult() {
    Future<Boolean> virtual = async(() -> Thread.currentThread().isVirtual());
    assertThat(virtual.await()).isTrue();

    Future<String> fromTask = async(() -> "done by " + (Thread.currentThread().isVirtual() ? "virtual" : "platform"));
    assertThat(fromTask.await()).isEqualTo("done by virtual");
  }

  @Test
  void asyncFailsWithWhatTheTaskThrows() {
    Future<Object> failing = async(() -> {
      throw new IOException("no route");
    });
    assertThatThrownBy(failing::await).isInstanceOf(FutureFailedException.class)
        .hasMessage("the future failed: java.io.IOException: no route");

    Future<Void> runnable = async(() -> {
      throw new IllegalArgumentException("bad");
    });
    assertThatThrownBy(runnable::await).isInstanceOf(IllegalArgumentException.class).hasMessage("bad");
  }

  @Test
  void asyncRunnableCompletesWithNull() {
    AtomicInteger runs = new AtomicInteger();
    // A method reference that returns a value picks async(Callable): the value is the result.
    Future<Integer> task = async(runs::incrementAndGet);
    assertThat(task.await()).isEqualTo(1);
    Future<Void> plain = async(() -> {
      runs.incrementAndGet();
    });
    assertThat(plain.await()).isNull();
    assertThat(runs).hasValue(2);
  }

  @Test
  void tasksRunConcurrently() throws InterruptedException {
    // Two tasks that each wait for the other: only concurrent execution lets both finish.
    CountDownLatch a = new CountDownLatch(1);
    CountDownLatch b = new CountDownLatch(1);
    Future<String> first = async(() -> {
      a.countDown();
      b.await();
      return "first";
    });
    Future<String> second = async(() -> {
      b.countDown();
      a.await();
      return "second";
    });
    assertThat(List.of(first.await(), second.await())).containsExactly("first", "second");
  }

  @Test
  void awaitBlocksUntilAnotherThreadCompletes() {
    DeferredFuture<String> deferred = new DeferredFuture<>();
    Future<String> waiter = async(() -> deferred.future().await());
    Probes.subscribed(List.of(deferred.future()));
    assertThat(waiter.isComplete()).isFalse();
    deferred.complete("late");
    assertThat(waiter.await()).isEqualTo("late");
  }

  @Test
  void awaitOnAnInterruptedThreadThrowsCancelledAndKeepsTheInterrupt() {
    DeferredFuture<String> never = new DeferredFuture<>();
    Future<String> outcome = async(() -> {
      Thread.currentThread().interrupt();
      try {
        never.future().await();
        return "not interrupted";
      } catch (CancelledException e) {
        return e.getMessage() + " / reason " + e.reason().getClass().getSimpleName() + " / still interrupted "
            + Thread.currentThread().isInterrupted();
      }
    });
    assertThat(outcome.await()).isEqualTo(
        "the operation was cancelled: java.lang.InterruptedException: interrupted while awaiting a future"
            + " / reason InterruptedException / still interrupted true");
    // The future itself is untouched.
    assertThat(never.isComplete()).isFalse();
  }

  @Test
  void mapAppliesToTheValue() {
    assertThat(Future.complete(20).map(x -> x + 1).map(x -> x * 2).await()).isEqualTo(42);
    DeferredFuture<String> later = new DeferredFuture<>();
    Future<Integer> length = later.future().map(String::length);
    assertThat(length.isComplete()).isFalse();
    later.complete("hello");
    assertThat(length.await()).isEqualTo(5);
  }

  @Test
  void mapPassesErrorsOnWithoutCallingTheFunction() {
    IllegalStateException boom = new IllegalStateException("boom");
    AtomicInteger calls = new AtomicInteger();
    Future<Integer> mapped = Future.<Integer>error(boom).map(x -> calls.incrementAndGet());
    assertThatThrownBy(mapped::await).isSameAs(boom);
    assertThat(calls).hasValue(0);
  }

  @Test
  void mapFailsWithWhatTheFunctionThrows() {
    Future<Integer> mapped = Future.complete("x").map(x -> {
      throw new ArithmeticException("no number in " + x);
    });
    assertThatThrownBy(mapped::await).isInstanceOf(ArithmeticException.class).hasMessage("no number in x");
  }

  @Test
  void catchErrorRecoversFromTheErrorItself() {
    IOException checked = new IOException("offline");
    List<Throwable> seen = new CopyOnWriteArrayList<>();
    Future<String> recovered = Future.<String>error(checked).catchError(error -> {
      seen.add(error);
      return "cached";
    });
    assertThat(recovered.await()).isEqualTo("cached");
    assertThat(seen).containsExactly(checked); // the error itself, not wrapped

    AtomicInteger calls = new AtomicInteger();
    assertThat(Future.complete("fresh").catchError(error -> "cached" + calls.incrementAndGet()).await())
        .isEqualTo("fresh");
    assertThat(calls).hasValue(0);
  }

  @Test
  void catchErrorFailsWithWhatTheHandlerThrows() {
    Future<String> rethrown = Future.<String>error(new IOException("offline")).catchError(error -> {
      throw new IllegalStateException("still " + error.getMessage());
    });
    assertThatThrownBy(rethrown::await).isInstanceOf(IllegalStateException.class).hasMessage("still offline");
  }

  @Test
  void finallyDoRunsForBothOutcomesAndKeepsThem() {
    List<String> log = new CopyOnWriteArrayList<>();
    assertThat(Future.complete(1).finallyDo(() -> log.add("after value")).await()).isEqualTo(1);
    IllegalStateException boom = new IllegalStateException("boom");
    Future<Integer> failed = Future.<Integer>error(boom).finallyDo(() -> log.add("after error"));
    assertThatThrownBy(failed::await).isSameAs(boom);
    assertThat(log).containsExactly("after value", "after error");
  }

  @Test
  void finallyDoThatThrowsReplacesTheOutcome() {
    Future<Integer> replaced = Future.complete(1).finallyDo(() -> {
      throw new IllegalStateException("cleanup failed");
    });
    assertThatThrownBy(replaced::await).isInstanceOf(IllegalStateException.class).hasMessage("cleanup failed");
  }

  @Test
  void derivedCallbacksRunOnceOnTheCompletingThread() {
    DeferredFuture<Integer> deferred = new DeferredFuture<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    Future<Integer> mapped = deferred.future().map(x -> {
      threads.add(Thread.currentThread().getName());
      return x;
    });
    Thread completer = Thread.ofPlatform().name("completer").unstarted(() -> deferred.complete(7));
    completer.start();
    assertThat(mapped.await()).isEqualTo(7);
    assertThat(threads).containsExactly("completer");
  }

  @Test
  void callbacksOfATimerCompletionRunOffTheTimerThread() {
    // Subscribed first, then completed by the shared timer thread: the callback must not run there.
    DeferredFuture<String> deferred = new DeferredFuture<>();
    List<String> where = new CopyOnWriteArrayList<>();
    Future<String> mapped = deferred.future().map(value -> {
      Thread thread = Thread.currentThread();
      where.add(thread.isVirtual() + " " + (thread instanceof TimerThread));
      return value;
    });
    Ticker.system().schedule(1, () -> deferred.complete("fired"));
    assertThat(mapped.await()).isEqualTo("fired");
    assertThat(where).containsExactly("true false");
  }

  @Test
  void ignoreReturnsTheSameFuture() {
    Future<Object> failed = Future.error(new IllegalStateException("expected"));
    assertThat(failed.ignore()).isSameAs(failed);
  }

  @Test
  void nullArgumentsAreNamed() {
    Future<Integer> future = Future.complete(1);
    assertThatThrownBy(() -> future.map(null)).hasMessage("mapper");
    assertThatThrownBy(() -> future.catchError(null)).hasMessage("handler");
    assertThatThrownBy(() -> future.finallyDo(null)).hasMessage("action");
    assertThatThrownBy(() -> future.await(null)).hasMessage("cancellation");
    assertThatThrownBy(() -> async((java.util.concurrent.Callable<Object>) null)).hasMessage("task");
    assertThatThrownBy(() -> async((Runnable) null)).hasMessage("task");
  }
}
