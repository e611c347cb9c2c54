package dev.architect.async;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Internal: the real {@link Ticker}. One daemon {@link TimerThread} fires every timer of the process
 * from a {@link ScheduledThreadPoolExecutor}'s heap; a cancelled timer is removed from the heap at
 * once, so cancelled delays and closed timeouts keep nothing alive.
 */
final class SystemTicker extends Ticker {
  static final SystemTicker INSTANCE = new SystemTicker();

  private final ScheduledThreadPoolExecutor executor;

  private SystemTicker() {
    executor = new ScheduledThreadPoolExecutor(1, TimerThread::new);
    executor.setRemoveOnCancelPolicy(true);
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  Runnable schedule(long delayNanos, Runnable action) {
    ScheduledFuture<?> timer = executor.schedule(() -> {
      try {
        action.run();
      } catch (Throwable t) {
        // The executor would keep it in the ScheduledFuture, where nobody looks.
        UserCode.reportUnhandled(t);
      }
    }, delayNanos, TimeUnit.NANOSECONDS);
    return () -> timer.cancel(false);
  }

  @Override
  public String toString() {
    return "Ticker.system()";
  }
}
