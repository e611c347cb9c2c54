package dev.architect.resilience;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The outcomes of the last N seconds, in one bucket per second. When time moves on, the buckets of
 * the seconds that left the window are cleared (at most N, however long the pause). Guarded by a
 * {@link ReentrantLock} (not {@code synchronized}, so a virtual thread waiting for it unmounts), held
 * for a few field updates and never while calling out.
 */
final class TimeWindow implements Window {
  private static final long SECOND = 1_000_000_000L;

  private final long[] calls;
  private final long[] failures;
  private final long[] slow;
  private final Thresholds thresholds;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean started;
  private long head; // the latest second seen
  private long totalCalls;
  private long totalFailures;
  private long totalSlow;

  TimeWindow(int seconds, Thresholds thresholds) {
    this.calls = new long[seconds];
    this.failures = new long[seconds];
    this.slow = new long[seconds];
    this.thresholds = thresholds;
  }

  @Override
  public boolean record(long now, int flags) {
    lock.lock();
    try {
      int bucket = advance(now);
      long failed = flags & FAILURE;
      long slowed = (flags & SLOW) >> 1;
      calls[bucket]++;
      failures[bucket] += failed;
      slow[bucket] += slowed;
      totalCalls++;
      totalFailures += failed;
      totalSlow += slowed;
      return thresholds.exceeded(totalCalls, totalFailures, totalSlow);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public double rate(long now, boolean slowCalls) {
    lock.lock();
    try {
      advance(now);
      return thresholds.rate(totalCalls, slowCalls ? totalSlow : totalFailures);
    } finally {
      lock.unlock();
    }
  }

  /** Moves the window to the second of {@code now}; returns that second's bucket. */
  private int advance(long now) {
    long second = Math.floorDiv(now, SECOND);
    int n = calls.length;
    if (!started) {
      started = true;
      head = second;
    } else if (second - head > 0) {
      long clear = Math.min(second - head, n);
      for (long s = second - clear + 1; s <= second; s++) {
        int i = (int) Math.floorMod(s, (long) n);
        totalCalls -= calls[i];
        totalFailures -= failures[i];
        totalSlow -= slow[i];
        calls[i] = 0;
        failures[i] = 0;
        slow[i] = 0;
      }
      head = second;
    }
    // A reading older than head (another thread's, taken just before) lands in the current second.
    return (int) Math.floorMod(head, (long) n);
  }
}
