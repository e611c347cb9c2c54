package dev.architect.async;

/**
 * A cancellation requested by a call: give {@link #cancellation()} to operations, and call
 * {@link #cancel()} when they should stop. The counterpart of Amp's {@code DeferredCancellation}.
 *
 * <pre>{@code
 * DeferredCancellation stop = new DeferredCancellation();
 * Future<Report> report = Async.async(() -> build(stop.cancellation()));
 * ...
 * stop.cancel();   // build() sees it; report.await() throws CancelledException if build() stopped
 * }</pre>
 *
 * <p>Unlike Amp's, it is not cancelled when it becomes unreachable (Java has no destructors).
 *
 * <p>Thread-safe: any thread may cancel; only the first call has an effect.
 */
public final class DeferredCancellation {
  private final Cancellable source = new Cancellable();

  /** A deferred cancellation, not requested. */
  public DeferredCancellation() {}

  /** The cancellation to hand to operations; it cannot be cancelled through this view. */
  public Cancellation cancellation() {
    return source;
  }

  /** Requests cancellation without a reason; does nothing if already requested. */
  public void cancel() {
    source.cancel((Throwable) null);
  }

  /**
   * Requests cancellation: subscribers get a {@link CancelledException} whose reason is
   * {@code reason} (may be null). Does nothing if already requested.
   */
  public void cancel(Throwable reason) {
    source.cancel(reason);
  }

  /** Whether cancellation has been requested. */
  public boolean isCancelled() {
    return source.isRequested();
  }

  /** {@code DeferredCancellation[not requested]} or {@code DeferredCancellation[requested: ...]}. */
  @Override
  public String toString() {
    return "DeferredCancellation[" + source + "]";
  }
}
