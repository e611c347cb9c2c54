package dev.architect.resilience;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last N outcomes, lock-free. A cursor hands each call a slot of a ring holding its outcome's
 * flags. The number of calls is the cursor (capped at N), so only the failure and slow counts are
 * kept beside the ring, and they change only when a slot's flags change. A breaker whose last N calls
 * all succeeded fast writes nothing at all for another fast success (see {@link #record}); otherwise a
 * call pays one atomic increment and one read, and concurrent callers never wait for each other.
 *
 * <p>A slot whose old flags equal the new ones is left as it is: it is as if this call had written it
 * just before the one that wrote it, which leaves the ring and the counts consistent. When the flags
 * differ they are swapped atomically and the counts adjusted by the difference, so the counts always
 * converge to the ring's contents; a reading taken while another thread is between its swap and its
 * adjustment may be off by the outcomes in flight, which is the precision a breaker needs.
 */
final class CountWindow implements Window {
  static final int MAX_SIZE = 100_000;
  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(int[].class);

  private final int[] slots;
  private final Thresholds thresholds;
  private final AtomicLong cursor = new AtomicLong();
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicInteger slow = new AtomicInteger();

  CountWindow(int size, Thresholds thresholds) {
    this.slots = new int[size];
    this.thresholds = thresholds;
  }

  @Override
  public boolean record(long now, int flags) {
    if (flags == 0 && failures.get() <= 0 && slow.get() <= 0 && cursor.get() >= slots.length) {
      // A fast success when the last N calls were all fast successes: the ring holds only zeros, so
      // the slot this call would take changes nothing, and an outcome recorded later is still evicted
      // by the Nth call after it, since every call counts again from then on. Skipping the cursor
      // leaves a healthy breaker with no shared word to write: callers on several cores no longer
      // pass the cursor's cache line back and forth on every call.
      return false;
    }
    long n = cursor.getAndIncrement();
    int size = slots.length;
    int slot = (int) (n % size);
    boolean filling = n < size;
    int old = (int) SLOTS.getAcquire(slots, slot);
    if (old == flags) {
      return filling && exceeded(n + 1);
    }
    old = (int) SLOTS.getAndSet(slots, slot, flags);
    int failed = (flags & FAILURE) - (old & FAILURE);
    if (failed != 0) {
      failures.addAndGet(failed);
    }
    int slowed = ((flags & SLOW) - (old & SLOW)) >> 1;
    if (slowed != 0) {
      slow.addAndGet(slowed);
    }
    return exceeded(Math.min(n + 1, size));
  }

  private boolean exceeded(long calls) {
    return thresholds.exceeded(calls, Math.max(0, failures.get()), Math.max(0, slow.get()));
  }

  @Override
  public double rate(long now, boolean slowCalls) {
    long calls = Math.min(cursor.get(), slots.length);
    return thresholds.rate(calls, Math.max(0, slowCalls ? slow.get() : failures.get()));
  }
}
