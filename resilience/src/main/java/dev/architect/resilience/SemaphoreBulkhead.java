package dev.architect.resilience;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * A {@link Bulkhead} on {@link StripedSlots}, a non-fair counting semaphore split across cache
 * lines: a free slot costs one CAS to take and one to give back, on a line that callers on other
 * cores rarely touch.
 */
final class SemaphoreBulkhead implements Bulkhead {
  private static final int PERMITTED = 0;
  private static final int REJECTED = 1;

  private final String name;
  private final StripedSlots slots;
  private final long maxWaitNanos;
  private final Metrics.Counter calls;

  SemaphoreBulkhead(Builder b) {
    this.name = b.name;
    this.slots = new StripedSlots(b.maxConcurrentCalls);
    this.maxWaitNanos = b.maxWaitNanos;
    Metrics metrics = new Metrics(b.openTelemetry, "bulkhead", name);
    this.calls = metrics.counter("calls", "calls seen by the bulkhead, by outcome", "permitted", "rejected");
    metrics.gauge("available", "free slots", m -> m.record(slots.available(), metrics.name));
  }

  @Override
  public String name() {
    return name;
  }

  /** Takes a slot, waiting at most {@code maxWait}: a token for {@link #release}, or -1 if none. */
  int acquire() throws InterruptedException {
    int token = slots.acquire(maxWaitNanos);
    calls.add(token >= 0 ? PERMITTED : REJECTED);
    return token;
  }

  void release(int token) {
    slots.release(token);
  }

  BulkheadFullException refusal() {
    return new BulkheadFullException(name);
  }

  @Override
  public <T> T call(Callable<T> call) throws Exception {
    Objects.requireNonNull(call, "call");
    int token = acquire();
    if (token < 0) {
      throw refusal();
    }
    try {
      return call.call();
    } finally {
      slots.release(token);
    }
  }

  @Override
  public int availableSlots() {
    return slots.available();
  }

  @Override
  public String toString() {
    return "Bulkhead(" + name + ", " + slots.available() + " free)";
  }
}
