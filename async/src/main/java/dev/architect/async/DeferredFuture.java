package dev.architect.async;

import java.util.Objects;

/**
 * The producer's side of a {@link Future}: create one, hand out {@link #future()}, and later
 * {@link #complete} or {@link #error} it, exactly once. The counterpart of Amp's {@code DeferredFuture}.
 *
 * <pre>{@code
 * DeferredFuture<String> deferred = new DeferredFuture<>();
 * callbacks.onReply(reply -> deferred.complete(reply));
 * return deferred.future();
 * }</pre>
 *
 * <p>Keep the {@code DeferredFuture} private to the operation that completes it. It holds its future,
 * so a failure given to {@link #error} is reported as unhandled once both this object and the future
 * are unreachable and nobody observed the future.
 *
 * <p>Thread-safe: any thread may complete it; exactly one completion succeeds.
 *
 * @param <T> the type of the value
 */
public final class DeferredFuture<T> {
  private final FutureState<T> state = new FutureState<>();
  private final Future<T> future = Future.of(state);

  /** A deferred future, pending. */
  public DeferredFuture() {}

  /** The future this object completes; always the same instance. */
  public Future<T> future() {
    return future;
  }

  /**
   * Completes the future with {@code value} (which may be null), waking everyone awaiting it.
   *
   * @throws IllegalStateException if the future is already complete
   */
  public void complete(T value) {
    if (!state.complete(value)) {
      throw alreadyComplete();
    }
  }

  /**
   * Fails the future with {@code error}, waking everyone awaiting it.
   *
   * @throws IllegalStateException if the future is already complete
   * @throws NullPointerException if {@code error} is null
   */
  public void error(Throwable error) {
    Objects.requireNonNull(error, "error");
    if (!state.fail(error)) {
      throw alreadyComplete();
    }
  }

  /** Whether the future has been completed or failed. */
  public boolean isComplete() {
    return state.isComplete();
  }

  private IllegalStateException alreadyComplete() {
    return new IllegalStateException("the future is already complete (" + state + ")");
  }

  /** {@code DeferredFuture[pending]}, {@code DeferredFuture[completed: 42]}, ... */
  @Override
  public String toString() {
    return "DeferredFuture[" + state + "]";
  }
}
