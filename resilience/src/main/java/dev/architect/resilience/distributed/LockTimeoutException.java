package dev.architect.resilience.distributed;

/**
 * {@link DistributedLock#acquire(java.time.Duration)} gave up: another lease stayed current until the
 * timeout. {@link #name()} is the lock's name.
 */
public final class LockTimeoutException extends DistributedException {
  private static final long serialVersionUID = 1L;

  LockTimeoutException(String lockName, String message) {
    super(lockName, message, null);
  }
}
