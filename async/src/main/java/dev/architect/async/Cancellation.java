package dev.architect.async;

import java.util.function.Consumer;

/**
 * A request to stop, passed to operations that can be stopped: the counterpart of Amp's
 * {@code Cancellation}. An operation either checks it ({@link #throwIfRequested()}) at convenient
 * points, or {@linkplain #subscribe subscribes} to be told at once. Cancellation is advisory: an
 * operation may finish what it started rather than stop halfway.
 *
 * <p>Implementations here: {@link DeferredCancellation} (cancelled by a call),
 * {@link TimeoutCancellation} (cancelled when a timeout elapses), {@link CompositeCancellation}
 * (cancelled when any of several is) and {@link NullCancellation} (never cancelled). Once requested, a
 * cancellation stays requested, and always reports the same {@link CancelledException}.
 *
 * <p>Implementations must be thread-safe; the module's own are.
 */
public interface Cancellation {
  /**
   * Subscribes {@code callback} to be called, once, with the {@link CancelledException} when
   * cancellation is requested: on the thread that requests it (a new virtual thread when that is the
   * shared timer thread), or at once on this thread if it was already requested. An exception the
   * callback throws goes to the unhandled-error handler ({@link Async#setUnhandledErrorHandler}).
   *
   * @return an id for {@link #unsubscribe}
   * @throws NullPointerException if {@code callback} is null
   */
  String subscribe(Consumer<? super CancelledException> callback);

  /** Removes the subscription with {@code id}; an unknown or used id is ignored. */
  void unsubscribe(String id);

  /** Whether cancellation has been requested. */
  boolean isRequested();

  /**
   * Throws the {@link CancelledException} if cancellation has been requested; returns otherwise.
   *
   * @throws CancelledException if cancellation has been requested
   */
  void throwIfRequested();
}
