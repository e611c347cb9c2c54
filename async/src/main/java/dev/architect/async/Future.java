package dev.architect.async;

import java.lang.ref.Cleaner;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The eventual result of an operation: pending, then completed with a value (possibly null) or
 * failed with an exception, once and for all. The counterpart of Amp's {@code Future}.
 *
 * <p>Futures come from {@link Async#async(java.util.concurrent.Callable)}, {@link DeferredFuture},
 * {@link Ticker#timer}, {@link #complete}, {@link #error} and {@link #fromStage}. {@link #await()}
 * blocks the current thread until the outcome is known; on a virtual thread that costs no platform
 * thread. {@link #map}, {@link #catchError} and {@link #finallyDo} derive new futures.
 *
 * <p><b>Unobserved failures are reported.</b> A future is <em>observed</em> once it is awaited (alone
 * or through a combinator or {@link #iterate}), derived from ({@code map}, {@code catchError},
 * {@code finallyDo}), converted with {@link #toStage()}, or {@linkplain #ignore() ignored}. A future that
 * fails and becomes unreachable without having been observed is handed to the handler set with
 * {@link Async#setUnhandledErrorHandler}, never dropped silently; it is detected when the garbage
 * collector finds the {@code Future} object unreachable, or at the failure itself if that comes later.
 *
 * <p><b>Callbacks.</b> The functions given to {@code map}, {@code catchError} and {@code finallyDo}
 * run once, on the thread that completes this future, or at once on the calling thread if it is
 * already complete; a completion by the shared timer ({@link Async#timer}) runs them on a new virtual
 * thread instead, so keep them short but feel free to block in them.
 *
 * <p><b>Name.</b> This class shares its simple name with {@link java.util.concurrent.Future}. Import
 * it by name ({@code import dev.architect.async.Future;}), which wins over an on-demand
 * {@code import java.util.concurrent.*;}.
 *
 * <p>Thread-safe: any thread may await, derive from or convert a future, at any time.
 *
 * @param <T> the type of the value
 */
public final class Future<T> {
  final FutureState<T> state;
  /** Registered while the future may still fail unobserved; dropped once observed. */
  private Cleaner.Cleanable cleanable;

  private Future(FutureState<T> state) {
    this.state = state;
  }

  /** A future over {@code state}, watched for an unobserved failure unless it already succeeded. */
  static <T> Future<T> of(FutureState<T> state) {
    Future<T> future = new Future<>(state);
    if (!state.isSucceeded()) {
      future.cleanable = UserCode.CLEANER.register(future, state::abandon);
    }
    return future;
  }

  /** A future already completed with {@code value} (which may be null). */
  public static <T> Future<T> complete(T value) {
    return new Future<>(FutureState.succeeded(value));
  }

  /**
   * A future already failed with {@code error}. Like any failed future it must be observed, or it is
   * reported as unhandled.
   *
   * @throws NullPointerException if {@code error} is null
   */
  public static <T> Future<T> error(Throwable error) {
    return of(FutureState.failed(error));
  }

  /**
   * A future with the outcome of {@code stage}. A {@link CompletionException} is unwrapped to its
   * cause, and a stage that was cancelled ({@link CancellationException}) makes this future fail with
   * a {@link CancelledException} whose reason is that exception.
   *
   * @throws NullPointerException if {@code stage} is null
   */
  public static <T> Future<T> fromStage(CompletionStage<? extends T> stage) {
    Objects.requireNonNull(stage, "stage");
    FutureState<T> state = new FutureState<>();
    stage.whenComplete((value, error) -> {
      if (error == null) {
        state.complete(value);
      } else {
        state.fail(fromStageError(error));
      }
    });
    return of(state);
  }

  private static Throwable fromStageError(Throwable error) {
    if (error instanceof CompletionException && error.getCause() != null) {
      error = error.getCause();
    }
    return error instanceof CancellationException ? new CancelledException(error) : error;
  }

  /**
   * The futures of {@code futures}, in the order they complete (each one returned is complete), the
   * counterpart of Amp's {@code Future::iterate}. Each {@link java.util.Iterator} subscribes to all
   * the futures when it is created and marks them observed; its {@code next()} blocks until the next
   * one completes. An iterator is for one thread at a time.
   *
   * @throws NullPointerException if {@code futures} or one of them is null
   */
  public static <T> Iterable<Future<T>> iterate(Collection<? extends Future<? extends T>> futures) {
    return Combinators.iterate(futures, null);
  }

  /**
   * As {@link #iterate(Collection)}; {@code next()} throws {@link CancelledException} once
   * {@code cancellation} is requested while it waits (futures already complete are still returned).
   */
  public static <T> Iterable<Future<T>> iterate(Collection<? extends Future<? extends T>> futures,
      Cancellation cancellation) {
    return Combinators.iterate(futures, Objects.requireNonNull(cancellation, "cancellation"));
  }

  /**
   * The entries of {@code futures} (key and future), in the order the futures complete. See
   * {@link #iterate(Collection)}.
   *
   * @throws NullPointerException if {@code futures} or one of its futures is null
   */
  public static <K, T> Iterable<Map.Entry<K, Future<T>>> iterate(Map<K, ? extends Future<? extends T>> futures) {
    return Combinators.iterate(futures, null);
  }

  /** As {@link #iterate(Map)}, stopped by {@code cancellation} like {@link #iterate(Collection, Cancellation)}. */
  public static <K, T> Iterable<Map.Entry<K, Future<T>>> iterate(Map<K, ? extends Future<? extends T>> futures,
      Cancellation cancellation) {
    return Combinators.iterate(futures, Objects.requireNonNull(cancellation, "cancellation"));
  }

  /** Whether the future has completed, with a value or with an error. Never blocks. */
  public boolean isComplete() {
    return state.isComplete();
  }

  /**
   * Blocks until the future completes and returns its value, or throws its error: an unchecked
   * exception or error as it is, a checked exception wrapped in a {@link FutureFailedException}.
   *
   * @throws CancelledException if the future failed with one, or the current thread was interrupted
   *     while waiting (its interrupt status stays set; the reason is an {@link InterruptedException})
   */
  public T await() {
    observe();
    Object outcome = state.outcome();
    if (outcome == null) {
      outcome = state.block(null);
    }
    return FutureState.unwrap(outcome);
  }

  /**
   * As {@link #await()}, but stops waiting when {@code cancellation} is requested first and throws
   * its {@link CancelledException}. Only the wait is cancelled: the operation behind the future goes
   * on unless it was given the cancellation too. A future already complete returns its outcome even
   * if the cancellation was requested.
   *
   * @throws NullPointerException if {@code cancellation} is null
   */
  public T await(Cancellation cancellation) {
    Objects.requireNonNull(cancellation, "cancellation");
    observe();
    Object outcome = state.outcome();
    if (outcome == null) {
      outcome = state.block(cancellation);
    }
    return FutureState.unwrap(outcome);
  }

  /**
   * A future completed with {@code mapper} applied to this future's value, or failed with this
   * future's error (then {@code mapper} is not called), or with what {@code mapper} throws.
   *
   * @throws NullPointerException if {@code mapper} is null
   */
  public <R> Future<R> map(Function<? super T, ? extends R> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    observe();
    FutureState<R> next = new FutureState<>();
    state.subscribe(outcome -> {
      if (outcome instanceof Failure) {
        next.settle(outcome);
      } else {
        UserCode.run(() -> {
          try {
            next.complete(mapper.apply(FutureState.value(outcome)));
          } catch (Throwable t) {
            next.fail(t);
          }
        });
      }
    });
    return of(next);
  }

  /**
   * A future completed with this future's value, or, if this future fails, with what {@code handler}
   * returns for the error (the error itself, never wrapped), or failed with what it throws.
   *
   * @throws NullPointerException if {@code handler} is null
   */
  public Future<T> catchError(Function<? super Throwable, ? extends T> handler) {
    Objects.requireNonNull(handler, "handler");
    observe();
    FutureState<T> next = new FutureState<>();
    state.subscribe(outcome -> {
      if (outcome instanceof Failure failure) {
        UserCode.run(() -> {
          try {
            next.complete(handler.apply(failure.error()));
          } catch (Throwable t) {
            next.fail(t);
          }
        });
      } else {
        next.settle(outcome);
      }
    });
    return of(next);
  }

  /**
   * A future with this future's outcome, completed after {@code action} has run; if {@code action}
   * throws, the returned future fails with that instead. {@code action} runs whatever the outcome.
   *
   * @throws NullPointerException if {@code action} is null
   */
  public Future<T> finallyDo(Runnable action) {
    Objects.requireNonNull(action, "action");
    observe();
    FutureState<T> next = new FutureState<>();
    state.subscribe(outcome -> UserCode.run(() -> {
      try {
        action.run();
      } catch (Throwable t) {
        next.fail(t);
        return;
      }
      next.settle(outcome);
    }));
    return of(next);
  }

  /**
   * Marks this future observed without awaiting it: its failure, if any, is not reported as unhandled.
   * Use it for failures that are expected and of no interest. Returns this future.
   */
  public Future<T> ignore() {
    observe();
    return this;
  }

  /**
   * This future as a {@link CompletionStage} (a {@link CompletableFuture}): completed with the value,
   * or exceptionally with the error as it is (a {@link CancelledException} stays one). The stage's
   * dependents run like {@link #map}'s function. Completing or cancelling the returned
   * {@code CompletableFuture} does not affect this future: cancel operations through a
   * {@link Cancellation}. Marks this future observed: its failure is the stage's to report.
   */
  public CompletionStage<T> toStage() {
    observe();
    Object outcome = state.outcome();
    if (outcome != null) {
      return outcome instanceof Failure failure
          ? CompletableFuture.failedFuture(failure.error())
          : CompletableFuture.completedFuture(FutureState.value(outcome));
    }
    CompletableFuture<T> stage = new CompletableFuture<>();
    state.subscribe(result -> UserCode.run(() -> {
      if (result instanceof Failure failure) {
        stage.completeExceptionally(failure.error());
      } else {
        stage.complete(FutureState.value(result));
      }
    }));
    return stage;
  }

  /** Marks the state observed and stops watching this object for an unobserved failure. */
  void observe() {
    state.markHandled();
    Cleaner.Cleanable registered = cleanable;
    if (registered != null) {
      cleanable = null;
      registered.clean(); // runs abandon(), which reports nothing now that the state is handled
    }
  }

  /** {@code Future[pending]}, {@code Future[completed: 42]} or {@code Future[failed: java.io.IOException: x]}. */
  @Override
  public String toString() {
    return "Future[" + state + "]";
  }
}
