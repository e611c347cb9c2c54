package dev.architect.async;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A cancellation requested as soon as any of its parts is, with that part's
 * {@link CancelledException}: the counterpart of Amp's {@code CompositeCancellation}. Typical use: a
 * caller's cancellation combined with a timeout of one's own.
 *
 * <pre>{@code
 * try (TimeoutCancellation timeout = new TimeoutCancellation(Duration.ofSeconds(5));
 *      CompositeCancellation either = new CompositeCancellation(callerCancellation, timeout)) {
 *   return request(either);
 * }
 * }</pre>
 *
 * <p>It subscribes to every part when created and unsubscribes from all of them once requested, or
 * when {@linkplain #close() closed} (after which it is never requested by its parts). A composite of
 * no parts is never requested. A part already requested makes the composite requested at once.
 *
 * <p>Thread-safe.
 */
public final class CompositeCancellation implements Cancellation, AutoCloseable {
  private final Cancellable source = new Cancellable();
  private final List<Cancellation> parts;
  /** Guarded by this: the subscription id in each part, null once unsubscribed (or not yet made). */
  private final String[] ids;

  /**
   * A composite of {@code parts}, in order.
   *
   * @throws NullPointerException if {@code parts} or one of them is null
   */
  public CompositeCancellation(Cancellation... parts) {
    this(Arrays.asList(Objects.requireNonNull(parts, "parts")));
  }

  /**
   * A composite of {@code parts}, in order.
   *
   * @throws NullPointerException if {@code parts} or one of them is null
   */
  public CompositeCancellation(List<? extends Cancellation> parts) {
    Objects.requireNonNull(parts, "parts");
    for (int i = 0; i < parts.size(); i++) {
      Objects.requireNonNull(parts.get(i), "parts[" + i + "] is null");
    }
    this.parts = List.copyOf(parts);
    this.ids = new String[this.parts.size()];
    InternalSubscriber onCancel = this::partCancelled;
    for (int i = 0; i < this.parts.size() && !source.isRequested(); i++) {
      String id = this.parts.get(i).subscribe(onCancel);
      synchronized (this) {
        ids[i] = id;
      }
    }
    if (source.isRequested()) {
      detach(); // a part fired while we were still subscribing to later ones
    }
  }

  private void partCancelled(CancelledException cancelled) {
    if (source.cancel(cancelled)) {
      detach();
    }
  }

  private void detach() {
    for (int i = 0; i < ids.length; i++) {
      String id;
      synchronized (this) {
        id = ids[i];
        ids[i] = null;
      }
      if (id != null) {
        Cancellation part = parts.get(i);
        UserCode.runOn(part, () -> part.unsubscribe(id));
      }
    }
  }

  /** The parts, in the order given. */
  public List<Cancellation> parts() {
    return parts;
  }

  @Override
  public String subscribe(Consumer<? super CancelledException> callback) {
    return source.subscribe(callback);
  }

  @Override
  public void unsubscribe(String id) {
    source.unsubscribe(id);
  }

  @Override
  public boolean isRequested() {
    return source.isRequested();
  }

  @Override
  public void throwIfRequested() {
    source.throwIfRequested();
  }

  /** Unsubscribes from every part: from now on only a request made before counts. Idempotent. */
  @Override
  public void close() {
    detach();
  }

  /** {@code CompositeCancellation[2 parts, not requested]}. */
  @Override
  public String toString() {
    return "CompositeCancellation[" + parts.size() + " parts, " + source + "]";
  }
}
