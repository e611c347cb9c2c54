package dev.architect.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failed future that nobody observes reaches the unhandled-error handler once the garbage collector
 * finds it unreachable (or at the failure, if that comes later); an observed one never does. The
 * handler is global, so each test looks only for its own exceptions: failures left by other tests may
 * arrive while these collect garbage.
 */
class UnhandledErrorTest {
  private final List<Throwable> reported = new CopyOnWriteArrayList<>();
  private Consumer<? super Throwable> previous;

  @BeforeEach
  void install() {
    previous = Async.setUnhandledErrorHandler(reported::add);
  }

  @AfterEach
  void restore() {
    Async.setUnhandledErrorHandler(previous);
  }

  @Test
  void aFailedFutureDroppedWithoutObservationReachesTheHandler() {
    IllegalStateException dropped = new IllegalStateException("nobody looked at me");
    WeakReference<Future<Object>> future = new WeakReference<>(Future.error(dropped));
    Probes.collectUntil("the dropped future is reported", () -> reported.contains(dropped));
    assertThat(future.get()).isNull();
    assertThat(reported.stream().filter(e -> e == dropped)).hasSize(1); // exactly once
  }

  @Test
  void aDeferredFutureFailedAndDroppedIsReported() {
    IOException lost = new IOException("the reply was lost");
    failAndDrop(lost);
    Probes.collectUntil("the dropped deferred future is reported", () -> reported.contains(lost));
  }

  private static void failAndDrop(Throwable error) {
    DeferredFuture<String> deferred = new DeferredFuture<>();
    deferred.error(error);
  }

  @Test
  void aTaskThatFailsAfterItsFutureWasDroppedIsReportedAtTheFailure() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    IllegalStateException late = new IllegalStateException("failed after the future was dropped");
    FutureState<?> state = startFailingLater(release, late);
    Probes.collectUntil("the future object is collected", state::isAbandoned);
    assertThat(reported).doesNotContain(late); // not failed yet: nothing to report
    release.countDown();
    Probes.until("the late failure is reported", () -> reported.contains(late));
  }

  private static FutureState<?> startFailingLater(CountDownLatch release, RuntimeException error) {
    Future<Object> future = Async.async(() -> {
      release.await();
      throw error;
    });
    return future.state; // the future itself is dropped here
  }

  @Test
  void aDerivedFutureThatFailsIsReportedOnceNotItsObservedSource() {
    IllegalArgumentException source = new IllegalArgumentException("source failed");
    IllegalStateException mapped = new IllegalStateException("mapping failed");
    deriveAndDrop(source, mapped);
    Probes.collectUntil("both derived failures are reported",
        () -> reported.contains(source) && reported.contains(mapped));
    // map() observed the source; its derived future, dropped, carries the same error: reported once.
    assertThat(reported.stream().filter(e -> e == source)).hasSize(1);
    assertThat(reported.stream().filter(e -> e == mapped)).hasSize(1);
  }

  private static void deriveAndDrop(RuntimeException source, RuntimeException mapped) {
    Future.error(source).map(x -> x);
    Future.complete(1).map(x -> {
      throw mapped;
    });
  }

  @Test
  void observedFailuresNeverReachTheHandler() {
    List<Throwable> observed = new ArrayList<>();
    List<WeakReference<Future<?>>> futures = new ArrayList<>();
    observeAndDrop(observed, futures);
    // A sentinel dropped unobserved after them: once it is reported and every observed future has been
    // collected, a report of an observed one would have had its chance.
    IllegalStateException sentinel = new IllegalStateException("sentinel");
    WeakReference<Future<Object>> sentinelFuture = new WeakReference<>(Future.error(sentinel));
    Probes.collectUntil("every future is collected and the sentinel reported",
        () -> futures.stream().allMatch(f -> f.get() == null) && sentinelFuture.get() == null
            && reported.contains(sentinel));
    assertThat(observed).hasSize(7);
    assertThat(reported).doesNotContainAnyElementsOf(observed);
  }

  private static void observeAndDrop(List<Throwable> errors, List<WeakReference<Future<?>>> futures) {
    // awaited
    Future<Object> awaited = Future.error(remember(errors, "awaited"));
    assertThatThrownBy(awaited::await).isInstanceOf(IllegalStateException.class);
    futures.add(new WeakReference<>(awaited));
    // ignored
    futures.add(new WeakReference<>(Future.error(remember(errors, "ignored")).ignore()));
    // caught
    Future<Object> caught = Future.error(remember(errors, "caught"));
    assertThat(caught.catchError(e -> "recovered").await()).isEqualTo("recovered");
    futures.add(new WeakReference<>(caught));
    // through a combinator, which observes every future given, even one it never waited for
    Future<Object> combined = Future.error(remember(errors, "combined"));
    Future<Object> other = Future.error(remember(errors, "not waited for"));
    assertThatThrownBy(() -> Async.await(List.of(combined, other))).isInstanceOf(IllegalStateException.class);
    futures.add(new WeakReference<>(combined));
    futures.add(new WeakReference<>(other));
    // converted to a CompletionStage: the stage carries the failure now
    Future<Object> staged = Future.error(remember(errors, "staged"));
    staged.toStage().exceptionally(e -> null);
    futures.add(new WeakReference<>(staged));
    // awaited after failing on another thread
    DeferredFuture<Object> deferred = new DeferredFuture<>();
    Future<Object> waiter = Async.async(() -> deferred.future().await());
    Probes.subscribed(List.of(deferred.future()));
    deferred.error(remember(errors, "failed while awaited"));
    assertThatThrownBy(waiter::await).isInstanceOf(IllegalStateException.class);
    futures.add(new WeakReference<>(deferred.future()));
  }

  private static IllegalStateException remember(List<Throwable> errors, String message) {
    IllegalStateException error = new IllegalStateException(message);
    errors.add(error);
    return error;
  }

  @Test
  void aCheckedExceptionIsReportedAsItIs() {
    IOException checked = new IOException("disk full");
    WeakReference<Future<Object>> future = new WeakReference<>(Future.error(checked));
    Probes.collectUntil("the checked failure is reported", () -> reported.contains(checked));
    assertThat(future.get()).isNull();
  }

  @Test
  void aHandlerThatThrowsDoesNotStopReportingAndBothGoToStandardError() {
    List<Throwable> seen = new CopyOnWriteArrayList<>();
    Async.setUnhandledErrorHandler(error -> {
      seen.add(error);
      throw new IllegalStateException("the handler itself broke on " + error.getMessage());
    });
    IllegalStateException first = new IllegalStateException("first");
    IllegalStateException second = new IllegalStateException("second");
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream standardError = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      WeakReference<Future<Object>> a = new WeakReference<>(Future.error(first));
      WeakReference<Future<Object>> b = new WeakReference<>(Future.error(second));
      Probes.collectUntil("both reach the throwing handler and are printed",
          // Each ends with the handler's own stack trace, a line of its own.
          () -> printed(captured).contains("\njava.lang.IllegalStateException: the handler itself broke on first")
              && printed(captured).contains("\njava.lang.IllegalStateException: the handler itself broke on second"));
      assertThat(a.get()).isNull();
      assertThat(b.get()).isNull();
    } finally {
      System.setErr(standardError);
    }
    assertThat(seen).contains(first, second);
    assertThat(printed(captured))
        .contains("architect-async: the unhandled-error handler threw java.lang.IllegalStateException: the handler"
            + " itself broke on first while handling:")
        .contains("java.lang.IllegalStateException: first");
  }

  private static String printed(ByteArrayOutputStream captured) {
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void theHandlerIsConfigurable() {
    Consumer<Throwable> mine = reported::add;
    Consumer<? super Throwable> replaced = Async.setUnhandledErrorHandler(mine);
    assertThat(Async.unhandledErrorHandler()).isSameAs(mine);
    assertThat(replaced).isNotSameAs(mine);
    assertThatThrownBy(() -> Async.setUnhandledErrorHandler(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("handler");
  }
}
