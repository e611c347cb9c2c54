package dev.architect.resilience.distributed;

/**
 * The root of the exceptions of this package: a lease lost ({@link LeaseLostException}), a lock not
 * acquired in time ({@link LockTimeoutException}), a stale token rejected ({@link
 * StaleTokenException}) or a database failure ({@link DistributedStoreException}). Each names the
 * lock, limiter or resource concerned.
 */
public class DistributedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String name;

  DistributedException(String name, String message, Throwable cause) {
    super(message, cause);
    this.name = name;
  }

  /** The name of the lock, rate limiter or resource concerned. */
  public String name() {
    return name;
  }
}
