package dev.architect.async;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The entry point: run tasks concurrently on virtual threads, wait, and combine futures. The
 * counterpart of Amp's {@code async()}, {@code delay()} and the {@code Amp\Future} combinators.
 *
 * <pre>{@code
 * import static dev.architect.async.Async.async;
 * import static dev.architect.async.Async.await;
 *
 * Future<String> user = async(() -> users.find(id));
 * Future<List<Order>> orders = async(() -> orders.of(id));
 * String name = user.await();
 * Map<String, Object> page = await(Map.of("user", user, "orders", orders));
 * }</pre>
 *
 * <h2>Combinators</h2>
 *
 * <p>Each takes the futures either as a {@link Map} (key to future) or as a {@link Collection}, and
 * optionally a {@link Cancellation} that stops the wait (never the futures) with its
 * {@link CancelledException}. Amp's combinators take an array keyed by key and return arrays keyed the
 * same way; here a {@code Map} keeps its keys, and a collection's keys are its indexes (0, 1, ...):
 *
 * <table>
 * <caption>The combinators</caption>
 * <tr><th>combinator</th><th>returns</th><th>fails</th></tr>
 * <tr><td>{@link #await(Map)}</td><td>every value: key to value, in completion order (a collection:
 *     the values in the collection's order)</td><td>with the first error to happen, at once</td></tr>
 * <tr><td>{@link #awaitAll(Map)}</td><td>a {@link Settled}: key to error and key to value, in completion
 *     order</td><td>never</td></tr>
 * <tr><td>{@link #awaitAny(Map)}</td><td>the first value to arrive</td><td>with a
 *     {@link CompositeException} of every error (key to error) when all fail</td></tr>
 * <tr><td>{@link #awaitAnyN(int, Map)}</td><td>the first {@code count} values: key to value, in completion
 *     order (a collection: the values in completion order)</td><td>with a {@link CompositeException} of
 *     the errors when, once all completed, fewer than {@code count} succeeded</td></tr>
 * <tr><td>{@link #awaitFirst(Map)}</td><td>the outcome of the first future to complete</td><td>with that
 *     future's error</td></tr>
 * </table>
 *
 * <p>Errors are thrown as {@link Future#await()} throws them: unchecked ones as they are, checked ones
 * in a {@link FutureFailedException}. Returned maps and lists are unmodifiable and may hold null
 * values. Combinators mark every future given observed; futures still running when a combinator
 * returns or throws go on running.
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
public final class Async {
  private Async() {}

  // ---- tasks

  /**
   * Runs {@code task} on a new virtual thread and returns the future of its result: completed with
   * what it returns, or failed with what it throws. The counterpart of Amp's {@code async()}.
   *
   * @throws NullPointerException if {@code task} is null
   */
  public static <T> Future<T> async(Callable<? extends T> task) {
    Objects.requireNonNull(task, "task");
    FutureState<T> state = new FutureState<>();
    Future<T> future = Future.of(state);
    // The thread holds the state only: the caller alone keeps the Future reachable.
    Thread.startVirtualThread(() -> {
      T value;
      try {
        value = task.call();
      } catch (Throwable t) {
        state.fail(t);
        return;
      }
      state.complete(value);
    });
    return future;
  }

  /**
   * Runs {@code task} on a new virtual thread; the future completes with null when it returns, or
   * fails with what it throws.
   *
   * @throws NullPointerException if {@code task} is null
   */
  public static Future<Void> async(Runnable task) {
    Objects.requireNonNull(task, "task");
    return async(() -> {
      task.run();
      return null;
    });
  }

  // ---- time

  /**
   * Blocks the current thread for {@code delay} on the system {@link Ticker}: the counterpart of Amp's
   * {@code delay()}. No thread sleeps for it: one shared timer thread wakes every delay.
   *
   * @throws IllegalArgumentException if {@code delay} is negative
   * @throws CancelledException if the thread is interrupted (its interrupt status stays set)
   */
  public static void delay(Duration delay) {
    Ticker.system().delay(delay);
  }

  /**
   * Blocks the current thread for {@code delay}, or until {@code cancellation} is requested (the timer
   * is then removed).
   *
   * @throws IllegalArgumentException if {@code delay} is negative
   * @throws CancelledException if the cancellation is requested first, or the thread is interrupted
   */
  public static void delay(Duration delay, Cancellation cancellation) {
    Ticker.system().delay(delay, cancellation);
  }

  /**
   * A future completed with null after {@code delay}, on the system {@link Ticker}: the form of
   * {@link #delay(Duration)} to combine with others. It costs a timer entry, not a thread.
   *
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public static Future<Void> timer(Duration delay) {
    return Ticker.system().timer(delay);
  }

  /**
   * A future completed with null after {@code delay}, or failed with the {@link CancelledException}
   * of {@code cancellation} if it is requested first (the timer is then removed).
   *
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public static Future<Void> timer(Duration delay, Cancellation cancellation) {
    return Ticker.system().timer(delay, cancellation);
  }

  // ---- await: all, the first error wins

  /**
   * Awaits every future and returns their values in the collection's order; throws the first error
   * to happen (in completion order) as soon as it happens.
   *
   * @throws NullPointerException if {@code futures} or one of them is null
   */
  public static <T> List<T> await(Collection<? extends Future<? extends T>> futures) {
    return Combinators.awaitList(futures, null);
  }

  /** As {@link #await(Collection)}; stops waiting when {@code cancellation} is requested. */
  public static <T> List<T> await(Collection<? extends Future<? extends T>> futures, Cancellation cancellation) {
    return Combinators.awaitList(futures, Objects.requireNonNull(cancellation, "cancellation"));
  }

  /**
   * Awaits every future and returns key to value, in completion order; throws the first error to
   * happen as soon as it happens.
   *
   * @throws NullPointerException if {@code futures} or one of its futures is null
   */
  public static <K, T> Map<K, T> await(Map<K, ? extends Future<? extends T>> futures) {
    return Combinators.awaitMap(futures, null);
  }

  /** As {@link #await(Map)}; stops waiting when {@code cancellation} is requested. */
  public static <K, T> Map<K, T> await(Map<K, ? extends Future<? extends T>> futures, Cancellation cancellation) {
    return Combinators.awaitMap(futures, Objects.requireNonNull(cancellation, "cancellation"));
  }

  // ---- awaitAll: errors and values

  /**
   * Awaits every future, whatever its outcome: errors and values keyed by index, in completion order.
   *
   * @throws NullPointerException if {@code futures} or one of them is null
   */
  public static <T> Settled<Integer, T> awaitAll(Collection<? extends Future<? extends T>> futures) {
    return Combinators.awaitAll(Combinators.input(futures), null);
  }

  /** As {@link #awaitAll(Collection)}; stops waiting when {@code cancellation} is requested. */
  public static <T> Settled<Integer, T> awaitAll(Collection<? extends Future<? extends T>> futures,
      Cancellation cancellation) {
    return Combinators.awaitAll(Combinators.input(futures), Objects.requireNonNull(cancellation, "cancellation"));
  }

  /**
   * Awaits every future, whatever its outcome: errors and values by key, in completion order.
   *
   * @throws NullPointerException if {@code futures} or one of its futures is null
   */
  public static <K, T> Settled<K, T> awaitAll(Map<K, ? extends Future<? extends T>> futures) {
    return Combinators.awaitAll(Combinators.input(futures), null);
  }

  /** As {@link #awaitAll(Map)}; stops waiting when {@code cancellation} is requested. */
  public static <K, T> Settled<K, T> awaitAll(Map<K, ? extends Future<? extends T>> futures,
      Cancellation cancellation) {
    return Combinators.awaitAll(Combinators.input(futures), Objects.requireNonNull(cancellation, "cancellation"));
  }

  // ---- awaitAny: the first success

  /**
   * The value of the first future to succeed; errors are tolerated until every future has failed.
   *
   * @throws CompositeException if every future failed: index to error, in the order they failed
   * @throws IllegalArgumentException if {@code futures} is empty
   * @throws NullPointerException if {@code futures} or one of them is null
   */
  public static <T> T awaitAny(Collection<? extends Future<? extends T>> futures) {
    return Combinators.awaitAny(Combinators.input(futures), null);
  }

  /** As {@link #awaitAny(Collection)}; stops waiting when {@code cancellation} is requested. */
  public static <T> T awaitAny(Collection<? extends Future<? extends T>> futures, Cancellation cancellation) {
    return Combinators.awaitAny(Combinators.input(futures), Objects.requireNonNull(cancellation, "cancellation"));
  }

  /**
   * The value of the first future to succeed; errors are tolerated until every future has failed.
   *
   * @throws CompositeException if every future failed: key to error, in the order they failed
   * @throws IllegalArgumentException if {@code futures} is empty
   * @throws NullPointerException if {@code futures} or one of its futures is null
   */
  public static <K, T> T awaitAny(Map<K, ? extends Future<? extends T>> futures) {
    return Combinators.awaitAny(Combinators.input(futures), null);
  }

  /** As {@link #awaitAny(Map)}; stops waiting when {@code cancellation} is requested. */
  public static <K, T> T awaitAny(Map<K, ? extends Future<? extends T>> futures, Cancellation cancellation) {
    return Combinators.awaitAny(Combinators.input(futures), Objects.requireNonNull(cancellation, "cancellation"));
  }

  // ---- awaitAnyN: the first count successes

  /**
   * The values of the first {@code count} futures to succeed, in the order they succeeded. Errors are
   * tolerated; if, once every future has completed, fewer than {@code count} succeeded, it fails.
   *
   * @throws CompositeException if fewer than {@code count} succeeded: index to error
   * @throws IllegalArgumentException if {@code count} is not positive or exceeds the number of futures
   * @throws NullPointerException if {@code futures} or one of them is null
   */
  public static <T> List<T> awaitAnyN(int count, Collection<? extends Future<? extends T>> futures) {
    return Collections.unmodifiableList(new ArrayList<T>(
        Combinators.<Integer, T>awaitAnyN(count, Combinators.input(futures), null).values()));
  }

  /** As {@link #awaitAnyN(int, Collection)}; stops waiting when {@code cancellation} is requested. */
  public static <T> List<T> awaitAnyN(int count, Collection<? extends Future<? extends T>> futures,
      Cancellation cancellation) {
    Objects.requireNonNull(cancellation, "cancellation");
    return Collections.unmodifiableList(new ArrayList<T>(
        Combinators.<Integer, T>awaitAnyN(count, Combinators.input(futures), cancellation).values()));
  }

  /**
   * The first {@code count} futures to succeed: key to value, in the order they succeeded. Errors are
   * tolerated; if, once every future has completed, fewer than {@code count} succeeded, it fails.
   *
   * @throws CompositeException if fewer than {@code count} succeeded: key to error
   * @throws IllegalArgumentException if {@code count} is not positive or exceeds the number of futures
   * @throws NullPointerException if {@code futures} or one of its futures is null
   */
  public static <K, T> Map<K, T> awaitAnyN(int count, Map<K, ? extends Future<? extends T>> futures) {
    return Combinators.awaitAnyN(count, Combinators.input(futures), null);
  }

  /** As {@link #awaitAnyN(int, Map)}; stops waiting when {@code cancellation} is requested. */
  public static <K, T> Map<K, T> awaitAnyN(int count, Map<K, ? extends Future<? extends T>> futures,
      Cancellation cancellation) {
    return Combinators.awaitAnyN(count, Combinators.input(futures),
        Objects.requireNonNull(cancellation, "cancellation"));
  }

  // ---- awaitFirst: the first to complete, success or not

  /**
   * The outcome of the first future to complete: its value, or its error thrown.
   *
   * @throws IllegalArgumentException if {@code futures} is empty
   * @throws NullPointerException if {@code futures} or one of them is null
   */
  public static <T> T awaitFirst(Collection<? extends Future<? extends T>> futures) {
    return Combinators.awaitFirst(Combinators.input(futures), null);
  }

  /** As {@link #awaitFirst(Collection)}; stops waiting when {@code cancellation} is requested. */
  public static <T> T awaitFirst(Collection<? extends Future<? extends T>> futures, Cancellation cancellation) {
    return Combinators.awaitFirst(Combinators.input(futures), Objects.requireNonNull(cancellation, "cancellation"));
  }

  /**
   * The outcome of the first future to complete: its value, or its error thrown.
   *
   * @throws IllegalArgumentException if {@code futures} is empty
   * @throws NullPointerException if {@code futures} or one of its futures is null
   */
  public static <K, T> T awaitFirst(Map<K, ? extends Future<? extends T>> futures) {
    return Combinators.awaitFirst(Combinators.input(futures), null);
  }

  /** As {@link #awaitFirst(Map)}; stops waiting when {@code cancellation} is requested. */
  public static <K, T> T awaitFirst(Map<K, ? extends Future<? extends T>> futures, Cancellation cancellation) {
    return Combinators.awaitFirst(Combinators.input(futures), Objects.requireNonNull(cancellation, "cancellation"));
  }

  // ---- unhandled errors

  /**
   * Sets what receives the failures nobody handled: the error of a failed future that became
   * unreachable without being observed (see {@link Future}), and an exception thrown by a
   * cancellation subscriber or by a callback run for a future. The default prints the stack trace to
   * standard error. The handler runs on whichever thread finds the failure (the cleaner thread, or
   * the thread that failed the future), so it must be thread-safe and quick; if it throws, both
   * exceptions are printed to standard error.
   *
   * @return the handler replaced
   * @throws NullPointerException if {@code handler} is null
   */
  public static Consumer<? super Throwable> setUnhandledErrorHandler(Consumer<? super Throwable> handler) {
    return UserCode.setHandler(handler);
  }

  /** The current unhandled-error handler (see {@link #setUnhandledErrorHandler}). */
  public static Consumer<? super Throwable> unhandledErrorHandler() {
    return UserCode.handler();
  }
}
