package dev.architect.async;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Ticker} whose time stands still until {@link #advance} moves it: timers and timeouts set on
 * it fire during {@code advance}, on the calling thread, in deadline order. Tests use it to check
 * timing logic without sleeping and without timing assertions.
 *
 * <pre>{@code
 * ManualTicker ticker = new ManualTicker();
 * Future<Void> timer = ticker.timer(Duration.ofSeconds(5));
 * ticker.advance(Duration.ofSeconds(4));   // timer.isComplete() == false
 * ticker.advance(Duration.ofSeconds(1));   // timer.isComplete() == true
 * }</pre>
 *
 * <p>Thread-safe: timers may be set and cancelled from any thread; call {@code advance} from one
 * thread at a time.
 */
public final class ManualTicker extends Ticker {
  private final ReentrantLock lock = new ReentrantLock();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private long now;
  private long lastSequence;

  /** A ticker at time zero with no timers. */
  public ManualTicker() {}

  @Override
  public long nanoTime() {
    lock.lock();
    try {
      return now;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Moves time forward by {@code duration}, firing on this thread, in deadline order, every timer due
   * by the new time (including timers set by the ones fired, if due). While a timer fires,
   * {@link #nanoTime()} reads its deadline.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public void advance(Duration duration) {
    long nanos = nanos(duration, "duration");
    long target;
    lock.lock();
    try {
      target = saturatedAdd(now, nanos);
    } finally {
      lock.unlock();
    }
    while (true) {
      Timer due;
      lock.lock();
      try {
        due = timers.peek();
        if (due == null || due.deadline > target) {
          now = Math.max(now, target);
          return;
        }
        timers.poll();
        now = Math.max(now, due.deadline);
      } finally {
        lock.unlock();
      }
      due.action.run();
    }
  }

  /** How many timers are set and not yet fired or cancelled. */
  public int pendingTimers() {
    lock.lock();
    try {
      return timers.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  Runnable schedule(long delayNanos, Runnable action) {
    lock.lock();
    try {
      Timer timer = new Timer(saturatedAdd(now, delayNanos), ++lastSequence, action);
      timers.add(timer);
      return () -> cancel(timer);
    } finally {
      lock.unlock();
    }
  }

  private void cancel(Timer timer) {
    lock.lock();
    try {
      timers.remove(timer);
    } finally {
      lock.unlock();
    }
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < a ? Long.MAX_VALUE : sum;
  }

  /** {@code ManualTicker[now=1500 ms, 2 timers]}. */
  @Override
  public String toString() {
    lock.lock();
    try {
      return "ManualTicker[now=" + format(Duration.ofNanos(now)) + ", " + timers.size() + " timers]";
    } finally {
      lock.unlock();
    }
  }

  private record Timer(long deadline, long sequence, Runnable action) implements Comparable<Timer> {
    @Override
    public int compareTo(Timer other) {
      int byDeadline = Long.compare(deadline, other.deadline);
      return byDeadline != 0 ? byDeadline : Long.compare(sequence, other.sequence);
    }
  }
}
