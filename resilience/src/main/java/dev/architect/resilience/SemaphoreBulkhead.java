package dev.architect.resilience;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A {@link Bulkhead} on a non-fair {@link Semaphore}: a free slot costs one CAS to take and one to give back. */
final class SemaphoreBulkhead implements Bulkhead {
  private static final int PERMITTED = 0;
  private static final int REJECTED = 1;

  private final String name;
  private final Semaphore slots;
  private final long maxWaitNanos;
  private final Metrics.Counter calls;

  SemaphoreBulkhead(Builder b) {
    this.name = b.name;
    this.slots = new Semaphore(b.maxConcurrentCalls);
    this.maxWaitNanos = b.maxWaitNanos;
    Metrics metrics = new Metrics(b.openTelemetry, "bulkhead", name);
    this.calls = metrics.counter("calls", "calls seen by the bulkhead, by outcome", "permitted", "rejected");
    metrics.gauge("available", "free slots", m -> m.record(slots.availablePermits(), metrics.name));
  }

  @Override
  public String name() {
    return name;
  }

  /** Takes a slot, waiting at most {@code maxWait}; false if none. */
  boolean acquire() throws InterruptedException {
    boolean taken = slots.tryAcquire() || maxWaitNanos > 0 && slots.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
    calls.add(taken ? PERMITTED : REJECTED);
    return taken;
  }

  void release() {
    slots.release();
  }

  BulkheadFullException refusal() {
    return new BulkheadFullException(name);
  }

  @Override
  public <T> T call(Callable<T> call) throws Exception {
    Objects.requireNonNull(call, "call");
    if (!acquire()) {
      throw refusal();
    }
    try {
      return call.call();
    } finally {
      slots.release();
    }
  }

  @Override
  public int availableSlots() {
    return slots.availablePermits();
  }

  @Override
  public String toString() {
    return "Bulkhead(" + name + ", " + slots.availablePermits() + " free)";
  }
}
