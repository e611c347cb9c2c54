package dev.architect.resilience;

/**
 * The generic cell rate algorithm over a {@link Bucket}: a bucket of capacity C refilled every T
 * nanoseconds is the single time {@code tat} at which it will be full again. Taking n tokens at
 * {@code now} moves it to {@code max(tat, now) + n×T}, allowed while that stays within {@code C×T}
 * of {@code now}. So any interval of length t grants at most {@code C + t/T} tokens, and each take is
 * one compare-and-set. Immutable.
 */
final class Gcra {
  /** The {@code tat} of an evicted bucket, which no take may change. */
  static final long DEAD = Long.MIN_VALUE;

  final long capacity;
  final long interval;
  final long tau;
  final long maxWait;

  Gcra(RateLimiter.Builder b) {
    if (b.capacity < 0) {
      throw new IllegalStateException("capacity was not set");
    }
    if (b.refillTokens < 0) {
      throw new IllegalStateException("refill was not set");
    }
    this.capacity = b.capacity;
    this.interval = Math.ceilDiv(b.refillPeriodNanos, b.refillTokens);
    long maxCapacity = (Long.MAX_VALUE / 4) / interval;
    if (capacity > maxCapacity) {
      throw new IllegalArgumentException("capacity must be at most " + maxCapacity + " at a refill interval of "
          + interval + " ns (a full bucket must refill within 73 years), was " + capacity);
    }
    this.tau = capacity * interval;
    this.maxWait = Math.min(b.maxWaitNanos, Long.MAX_VALUE / 4);
  }

  /** The {@code tat} of a full bucket at {@code now}. */
  long full(long now) {
    long tat = now - tau;
    return tat == DEAD ? tat + 1 : tat;
  }

  void checkPermits(int permits) {
    if (permits <= 0 || permits > capacity) {
      throw new IllegalArgumentException("permits must be in [1, " + capacity + "], was " + permits);
    }
  }

  /**
   * Takes {@code permits} tokens at {@code now} if they are due within {@code wait}: returns the
   * wait (0 if they are there now); else returns minus the wait they would need and takes nothing;
   * {@link #DEAD} if the bucket was evicted.
   */
  long take(Bucket bucket, long permits, long now, long wait) {
    long cost = permits * interval;
    for (;;) {
      long tat = bucket.tat;
      if (tat == DEAD) {
        return DEAD;
      }
      long next = (tat - now < 0 ? now : tat) + cost;
      long due = next - now - tau;
      if (due > wait) {
        return -due;
      }
      if (bucket.compareAndSet(tat, next)) {
        return Math.max(due, 0);
      }
    }
  }

  /** Gives back tokens taken by {@link #take} but not used (an interrupted wait). */
  void refund(Bucket bucket, long permits) {
    long cost = permits * interval;
    for (;;) {
      long tat = bucket.tat;
      if (tat == DEAD || bucket.compareAndSet(tat, tat - cost)) {
        return;
      }
    }
  }

  /** The whole tokens in the bucket at {@code now}. */
  long available(Bucket bucket, long now) {
    long tat = bucket.tat;
    if (tat == DEAD || tat - now <= 0) {
      return capacity;
    }
    return Math.max(0, (tau - (tat - now)) / interval);
  }

  /** Marks a full bucket evicted; false if it is not full at {@code now} (or was taken from meanwhile). */
  boolean evict(Bucket bucket, long now) {
    long tat = bucket.tat;
    return tat != DEAD && tat - now <= 0 && bucket.compareAndSet(tat, DEAD);
  }
}
