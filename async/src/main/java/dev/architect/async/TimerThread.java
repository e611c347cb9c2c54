package dev.architect.async;

/** Internal: the one daemon thread of {@link SystemTicker}; user code is never run on it. */
final class TimerThread extends Thread {
  TimerThread(Runnable task) {
    super(null, task, "architect-async-timer", 0, false);
    setDaemon(true);
  }
}
