package dev.architect.async;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Internal: the cancellation state behind {@link DeferredCancellation}, {@link TimeoutCancellation}
 * and {@link CompositeCancellation}: subscribers by id, and the exception once requested.
 *
 * <p>Thread-safe: subscribers are kept under this object's monitor, held for map updates only;
 * subscribers are called outside it, in subscription order.
 */
final class Cancellable implements Cancellation {
  private LinkedHashMap<String, Consumer<? super CancelledException>> subscribers;
  private long lastId;
  private volatile CancelledException exception;

  /** Requests cancellation with a new {@link CancelledException} for {@code reason} (may be null). */
  boolean cancel(Throwable reason) {
    if (exception != null) {
      return false;
    }
    return cancel(new CancelledException(reason));
  }

  /** Requests cancellation with {@code cancelled}; false if it was already requested. */
  boolean cancel(CancelledException cancelled) {
    List<Consumer<? super CancelledException>> toCall;
    synchronized (this) {
      if (exception != null) {
        return false;
      }
      exception = cancelled;
      toCall = subscribers == null ? List.of() : new ArrayList<>(subscribers.values());
      subscribers = null;
    }
    for (Consumer<? super CancelledException> subscriber : toCall) {
      notify(subscriber, cancelled);
    }
    return true;
  }

  private static void notify(Consumer<? super CancelledException> subscriber, CancelledException cancelled) {
    if (subscriber instanceof InternalSubscriber) {
      try {
        subscriber.accept(cancelled);
      } catch (Throwable t) {
        UserCode.reportUnhandled(t);
      }
    } else {
      UserCode.run(() -> subscriber.accept(cancelled));
    }
  }

  @Override
  public String subscribe(Consumer<? super CancelledException> callback) {
    Objects.requireNonNull(callback, "callback");
    String id;
    synchronized (this) {
      id = Long.toString(++lastId);
      if (exception == null) {
        if (subscribers == null) {
          subscribers = new LinkedHashMap<>();
        }
        subscribers.put(id, callback);
        return id;
      }
    }
    notify(callback, exception);
    return id;
  }

  @Override
  public void unsubscribe(String id) {
    if (id == null || exception != null) {
      return;
    }
    synchronized (this) {
      if (subscribers != null) {
        subscribers.remove(id);
      }
    }
  }

  @Override
  public boolean isRequested() {
    return exception != null;
  }

  @Override
  public void throwIfRequested() {
    CancelledException cancelled = exception;
    if (cancelled != null) {
      throw cancelled;
    }
  }

  /** The exception once requested, else null. */
  CancelledException exception() {
    return exception;
  }

  /** How many subscribers wait (for tests of unsubscription). */
  synchronized int subscriberCount() {
    return subscribers == null ? 0 : subscribers.size();
  }

  @Override
  public String toString() {
    CancelledException cancelled = exception;
    return cancelled == null ? "not requested" : "requested: " + cancelled.getMessage();
  }
}
