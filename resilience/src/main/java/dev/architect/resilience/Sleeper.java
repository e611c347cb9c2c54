package dev.architect.resilience;

/**
 * How a policy waits between retries: {@link Thread#sleep} by default; tests pass one that advances
 * a fake {@link Ticker} instead.
 */
@FunctionalInterface
public interface Sleeper {
  /**
   * Waits {@code nanos} (nothing when it is zero or negative).
   *
   * @throws InterruptedException if the thread is interrupted before or while waiting
   */
  void sleep(long nanos) throws InterruptedException;

  /** {@link Thread#sleep(java.time.Duration)}: parks a virtual thread without pinning its carrier. */
  static Sleeper system() {
    return SystemSleeper.INSTANCE;
  }
}

/** The one system sleeper. */
enum SystemSleeper implements Sleeper {
  INSTANCE;

  @Override
  public void sleep(long nanos) throws InterruptedException {
    if (nanos > 0) {
      Thread.sleep(java.time.Duration.ofNanos(nanos));
    } else if (Thread.interrupted()) {
      throw new InterruptedException();
    }
  }
}
