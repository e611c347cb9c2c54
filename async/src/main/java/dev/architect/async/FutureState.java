package dev.architect.async;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * The state behind one {@link Future}: the outcome, the callbacks waiting for it, and whether anyone
 * observed it. Producers (an {@code async} task, a {@link DeferredFuture}, a timer) hold the state, not
 * the {@link Future}, so the future object becomes unreachable as soon as no consumer holds it; a
 * cleaner then tells the state it was {@linkplain #abandon() abandoned}. A failure that is never
 * observed is reported exactly once, when it is both failed and abandoned.
 *
 * <p>Thread-safe. The outcome is published through a volatile field; callbacks are kept under this
 * object's monitor, held only for a few field updates (never while running a callback or waiting).
 */
final class FutureState<T> {
  /** The encoded outcome of a future completed with null. */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private static final int HANDLED = 1;
  private static final int FAILED = 2;
  private static final int ABANDONED = 4;
  private static final int REPORT_MASK = HANDLED | FAILED | ABANDONED;
  private static final VarHandle FLAGS;

  static {
    try {
      FLAGS = MethodHandles.lookup().findVarHandle(FutureState.class, "flags", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Null while pending; then {@link #NULL}, a {@link Failure}, or the value itself. */
  private volatile Object outcome;
  /** Guarded by this: null, one {@link Callback}, or an {@code ArrayList<Callback>}. */
  private Object callbacks;
  /** {@link #HANDLED}, {@link #FAILED}, {@link #ABANDONED}; only ever gains bits. */
  private volatile int flags;

  static <T> FutureState<T> succeeded(T value) {
    FutureState<T> state = new FutureState<>();
    state.outcome = encode(value);
    return state;
  }

  static <T> FutureState<T> failed(Throwable error) {
    FutureState<T> state = new FutureState<>();
    state.outcome = new Failure(Objects.requireNonNull(error, "error"));
    state.flags = FAILED;
    return state;
  }

  static Object encode(Object value) {
    return value == null ? NULL : value;
  }

  /** The encoded outcome, or null while pending. */
  Object outcome() {
    return outcome;
  }

  boolean isComplete() {
    return outcome != null;
  }

  boolean isSucceeded() {
    Object o = outcome;
    return o != null && !(o instanceof Failure);
  }

  /** Completes with {@code value}; false if already complete. */
  boolean complete(T value) {
    return settle(encode(value));
  }

  /** Fails with {@code error}; false if already complete. */
  boolean fail(Throwable error) {
    return settle(new Failure(Objects.requireNonNull(error, "error")));
  }

  /** Completes with an encoded outcome; false if already complete. */
  boolean settle(Object result) {
    Object waiting;
    synchronized (this) {
      if (outcome != null) {
        return false;
      }
      outcome = result;
      waiting = callbacks;
      callbacks = null;
    }
    if (result instanceof Failure) {
      int old = (int) FLAGS.getAndBitwiseOr(this, FAILED);
      if ((old & REPORT_MASK) == ABANDONED) {
        UserCode.reportUnhandled(((Failure) result).error());
      }
    }
    if (waiting instanceof Callback callback) {
      callback.completed(result);
    } else if (waiting != null) {
      @SuppressWarnings("unchecked")
      ArrayList<Callback> list = (ArrayList<Callback>) waiting;
      for (Callback callback : list) {
        callback.completed(result);
      }
    }
    return true;
  }

  /** Someone looks at the outcome: a failure is no longer unobserved, whatever happens later. */
  void markHandled() {
    if ((flags & HANDLED) == 0) {
      FLAGS.getAndBitwiseOr(this, HANDLED);
    }
  }

  /** The {@link Future} object is gone: nobody can observe this state any more. Runs on the cleaner. */
  void abandon() {
    int old = (int) FLAGS.getAndBitwiseOr(this, ABANDONED);
    if ((old & REPORT_MASK) == FAILED) {
      UserCode.reportUnhandled(((Failure) outcome).error());
    }
  }

  /**
   * Calls {@code callback} with the outcome once complete: later on the completing thread, or now on
   * this thread if already complete. Does not mark the state handled (callers that observe do).
   */
  void subscribe(Callback callback) {
    Object o = outcome;
    if (o == null) {
      synchronized (this) {
        o = outcome;
        if (o == null) {
          add(callback);
          return;
        }
      }
    }
    callback.completed(o);
  }

  /**
   * Adds {@code callback} if still pending and returns null; returns the outcome (and adds nothing)
   * if already complete.
   */
  Object subscribeIfPending(Callback callback) {
    Object o = outcome;
    if (o == null) {
      synchronized (this) {
        o = outcome;
        if (o == null) {
          add(callback);
          return null;
        }
      }
    }
    return o;
  }

  private void add(Callback callback) {
    if (callbacks == null) {
      callbacks = callback;
    } else if (callbacks instanceof Callback single) {
      ArrayList<Callback> list = new ArrayList<>(4);
      list.add(single);
      list.add(callback);
      callbacks = list;
    } else {
      @SuppressWarnings("unchecked")
      ArrayList<Callback> list = (ArrayList<Callback>) callbacks;
      list.add(callback);
    }
  }

  /** Removes {@code callback} if it is still waiting; harmless otherwise. */
  void unsubscribe(Callback callback) {
    if (outcome != null) {
      return;
    }
    synchronized (this) {
      if (callbacks == callback) {
        callbacks = null;
      } else if (callbacks instanceof ArrayList<?> list) {
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i) == callback) {
            list.remove(i);
            break;
          }
        }
      }
    }
  }

  /**
   * Blocks the current thread until the state completes or {@code cancellation} (may be null) is
   * requested, and returns the encoded outcome.
   *
   * @throws CancelledException if the cancellation was requested first, or the thread was interrupted
   *     (the interrupt status stays set)
   */
  Object block(Cancellation cancellation) {
    Waiter waiter = new Waiter(Thread.currentThread());
    Object o = subscribeIfPending(waiter);
    if (o != null) {
      return o;
    }
    String id = null;
    try {
      if (cancellation != null) {
        id = cancellation.subscribe(waiter);
      }
      while (true) {
        o = outcome;
        if (o != null) {
          return o;
        }
        CancelledException cancelled = waiter.cancelled;
        if (cancelled != null) {
          throw cancelled;
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new CancelledException(new InterruptedException("interrupted while awaiting a future"));
        }
        LockSupport.park(this);
      }
    } finally {
      unsubscribe(waiter);
      if (id != null) {
        cancellation.unsubscribe(id);
      }
    }
  }

  /** Decodes an outcome: the value, or the failure thrown as {@link #rethrow} does. */
  @SuppressWarnings("unchecked")
  static <T> T unwrap(Object outcome) {
    if (outcome instanceof Failure failure) {
      throw rethrow(failure.error());
    }
    return outcome == NULL ? null : (T) outcome;
  }

  /** Throws unchecked exceptions and errors as they are, and a checked exception wrapped. */
  static RuntimeException rethrow(Throwable error) {
    if (error instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (error instanceof Error fatal) {
      throw fatal;
    }
    throw new FutureFailedException(error);
  }

  @SuppressWarnings("unchecked")
  static <T> T value(Object outcome) {
    return outcome == NULL ? null : (T) outcome;
  }

  /** How many callbacks wait (for tests that must know a waiter has subscribed). */
  synchronized int callbackCount() {
    return callbacks == null ? 0 : callbacks instanceof Callback ? 1 : ((ArrayList<?>) callbacks).size();
  }

  /** Whether the cleaner found the future object unreachable (for tests). */
  boolean isAbandoned() {
    return (flags & ABANDONED) != 0;
  }

  @Override
  public String toString() {
    Object o = outcome;
    if (o == null) {
      return "pending";
    }
    if (o instanceof Failure failure) {
      return "failed: " + failure.error();
    }
    return "completed: " + o;
  }

  /** A thread blocked in {@link #block}: woken by completion or by its cancellation. */
  private static final class Waiter implements Callback, InternalSubscriber {
    private final Thread thread;
    volatile CancelledException cancelled;

    Waiter(Thread thread) {
      this.thread = thread;
    }

    @Override
    public void completed(Object outcome) {
      LockSupport.unpark(thread);
    }

    @Override
    public void accept(CancelledException exception) {
      cancelled = exception;
      LockSupport.unpark(thread);
    }
  }
}
