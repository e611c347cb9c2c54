package dev.architect.async;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Internal: hands out the indexes of a fixed set of futures in the order they complete, the engine of
 * {@link Future#iterate} and of the combinators. Each future gets one {@link Arrival} callback, which
 * claims the next slot of {@link #order} and wakes the consumer; the consumer reads the slots in turn.
 *
 * <p>Any thread may complete the futures; one consumer thread at a time calls {@link #next}. The
 * consumer publishes itself in {@link #waiter} before its last look at the slot, and a producer reads
 * {@code waiter} after filling a slot (both volatile), so a wake-up is never lost.
 */
final class CompletionQueue {
  private final Future<?>[] futures;
  private final Arrival[] arrivals;
  private final AtomicIntegerArray order;
  private final AtomicInteger filled = new AtomicInteger();
  private final Cancellation cancellation;
  private int taken;
  private volatile Thread waiter;
  private volatile CancelledException cancelled;

  /** Observes and subscribes to every future; {@code cancellation} may be null. */
  CompletionQueue(Future<?>[] futures, Cancellation cancellation) {
    this.futures = futures;
    this.cancellation = cancellation;
    this.arrivals = new Arrival[futures.length];
    this.order = new AtomicIntegerArray(futures.length);
    for (int i = 0; i < futures.length; i++) {
      order.set(i, -1);
    }
    for (int i = 0; i < futures.length; i++) {
      futures[i].observe();
      arrivals[i] = new Arrival(this, i);
      futures[i].state.subscribe(arrivals[i]);
    }
  }

  int size() {
    return futures.length;
  }

  boolean hasNext() {
    return taken < futures.length;
  }

  /**
   * The index of the next future to complete, waiting for it if need be; -1 when all were returned.
   *
   * @throws CancelledException once the cancellation is requested while waiting, or if the thread is
   *     interrupted (its interrupt status stays set)
   */
  int next() {
    if (taken == futures.length) {
      return -1;
    }
    int index = order.get(taken);
    if (index >= 0) {
      taken++;
      return index;
    }
    return await();
  }

  private int await() {
    String id = null;
    InternalSubscriber onCancel = null;
    try {
      if (cancellation != null) {
        onCancel = this::cancelled;
        id = cancellation.subscribe(onCancel);
      }
      while (true) {
        waiter = Thread.currentThread();
        int index = order.get(taken);
        if (index >= 0) {
          taken++;
          return index;
        }
        CancelledException stop = cancelled;
        if (stop != null) {
          cancelled = null; // a later next() with a fresh subscription sees it again if still requested
          throw stop;
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new CancelledException(new InterruptedException("interrupted while awaiting futures"));
        }
        LockSupport.park(this);
      }
    } finally {
      waiter = null;
      if (id != null) {
        cancellation.unsubscribe(id);
      }
    }
  }

  private void cancelled(CancelledException exception) {
    cancelled = exception;
    Thread thread = waiter;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  private void arrived(int index) {
    order.set(filled.getAndIncrement(), index);
    Thread thread = waiter;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  /** Stops listening to the futures not yet complete (they stay observed). */
  void close() {
    for (int i = 0; i < futures.length; i++) {
      futures[i].state.unsubscribe(arrivals[i]);
    }
  }

  private record Arrival(CompletionQueue queue, int index) implements Callback {
    @Override
    public void completed(Object outcome) {
      queue.arrived(index);
    }
  }
}
