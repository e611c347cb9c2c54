package dev.architect.resilience;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A counting semaphore whose slots are split into stripes, each counted on its own cache line.
 *
 * <p>Why: a {@link java.util.concurrent.Semaphore} keeps one counter, so two threads that take and
 * give back slots at the same time pass that counter's cache line between their cores twice per
 * call (about 90 ns per call on two threads here, most of a composed pipeline's cost). A thread
 * here starts at the stripe its thread id picks (consecutive ids, as pools and virtual threads
 * get, land on different stripes) and moves on to the others only when its own is full, so it
 * is refused only when every stripe is full.
 *
 * <p>Guarantee: stripe {@code i} never counts more than its capacity {@code c_i} slots in use,
 * and the capacities add up to the total, so never more than the total are in use. A slot is
 * given back to the stripe it came from, which {@link #tryAcquire} returns.
 *
 * <p>Waiting is the slow path: a waiter registers, then sleeps on a condition that each release
 * signals while anyone is registered; the fast path never takes the lock.
 */
final class StripedSlots {
  private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(long[].class);
  /** Longs from one stripe to the next: 128 bytes, so no two stripes share a cache line or a prefetched pair. */
  private static final int SPACING = 16;
  /** Stripes per available processor: enough that threads rarely share one. */
  private static final int STRIPES_PER_CPU = 2;

  /** Stripe {@code i}'s slots in use at {@code (i + 1) * SPACING}, its capacity just after (read-only). */
  private final long[] cells;
  private final int mask;
  private final int total;
  private final AtomicInteger waiters = new AtomicInteger();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition freed = lock.newCondition();

  StripedSlots(int total) {
    this(total, Runtime.getRuntime().availableProcessors() * STRIPES_PER_CPU);
  }

  /** {@code total} slots over at most {@code maxStripes} stripes (a power of two, at most {@code total}). */
  StripedSlots(int total, int maxStripes) {
    if (total <= 0 || maxStripes <= 0) {
      throw new IllegalArgumentException("total and maxStripes must be positive, were " + total + " and " + maxStripes);
    }
    int stripes = Integer.highestOneBit(Math.min(total, maxStripes));
    this.total = total;
    this.mask = stripes - 1;
    // Stripe 0 starts one spacing in, off the line holding the array's header and length.
    this.cells = new long[(stripes + 1) * SPACING];
    for (int i = 0; i < stripes; i++) {
      cells[(i + 1) * SPACING + 1] = total / stripes + (i < total % stripes ? 1 : 0);
    }
  }

  /** Takes a slot without waiting: a token for {@link #release}, or -1 if every stripe is full. */
  int tryAcquire() {
    long[] cs = cells;
    int home = (int) Thread.currentThread().threadId();
    for (int k = 0; k <= mask; k++) {
      int at = (((home + k) & mask) + 1) * SPACING;
      long capacity = cs[at + 1];
      long used = (long) CELLS.getVolatile(cs, at);
      while (used < capacity) {
        long witness = (long) CELLS.compareAndExchange(cs, at, used, used + 1);
        if (witness == used) {
          return at;
        }
        used = witness;
      }
    }
    return -1;
  }

  /**
   * Takes a slot, waiting at most {@code maxWaitNanos} for one: a token for {@link #release}, or -1.
   *
   * @throws InterruptedException if interrupted while waiting (no slot is taken)
   */
  int acquire(long maxWaitNanos) throws InterruptedException {
    int token = tryAcquire();
    return token >= 0 || maxWaitNanos <= 0 ? token : await(maxWaitNanos);
  }

  private int await(long maxWaitNanos) throws InterruptedException {
    long deadline = System.nanoTime() + maxWaitNanos;
    // Registered before looking again: a release either sees this waiter and signals, or happened
    // before the look below, which then finds its slot.
    waiters.incrementAndGet();
    try {
      lock.lockInterruptibly();
      try {
        for (;;) {
          int token = tryAcquire();
          if (token >= 0) {
            return token;
          }
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return -1;
          }
          freed.awaitNanos(left);
        }
      } finally {
        lock.unlock();
      }
    } finally {
      waiters.decrementAndGet();
    }
  }

  /** Gives back the slot {@code token} stands for. */
  void release(int token) {
    CELLS.getAndAdd(cells, token, -1L);
    if (waiters.get() > 0) {
      lock.lock();
      try {
        freed.signal();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Free slots at this moment (a sum over the stripes, exact when nothing moves). */
  int available() {
    long used = 0;
    for (int i = 0; i <= mask; i++) {
      used += (long) CELLS.getVolatile(cells, (i + 1) * SPACING);
    }
    return (int) Math.max(0, total - used);
  }

  /** The stripes' count (tests). */
  int stripes() {
    return mask + 1;
  }
}
