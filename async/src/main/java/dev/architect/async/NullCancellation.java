package dev.architect.async;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A cancellation that is never requested, for operations that take one when the caller has none: the
 * counterpart of Amp's {@code NullCancellation}. Subscribing keeps nothing.
 *
 * <p>Immutable and thread-safe; {@link #INSTANCE} serves everyone.
 */
public final class NullCancellation implements Cancellation {
  /** The shared instance. */
  public static final NullCancellation INSTANCE = new NullCancellation();

  /** A cancellation that is never requested ({@link #INSTANCE} does as well). */
  public NullCancellation() {}

  /** Keeps nothing: the callback can never be called. Returns a placeholder id. */
  @Override
  public String subscribe(Consumer<? super CancelledException> callback) {
    Objects.requireNonNull(callback, "callback");
    return "null";
  }

  @Override
  public void unsubscribe(String id) {}

  /** Always false. */
  @Override
  public boolean isRequested() {
    return false;
  }

  /** Never throws. */
  @Override
  public void throwIfRequested() {}

  @Override
  public String toString() {
    return "NullCancellation";
  }
}
