package dev.architect.resilience.distributed;

/**
 * A {@link Lease} could not be renewed or released because it is no longer the lock's current lease.
 * The {@link #reason()} is read after the failed statement, so under contention it may describe a
 * later state (for example, taken over after it expired). {@link #name()} is the lock's name.
 */
public final class LeaseLostException extends DistributedException {
  private static final long serialVersionUID = 1L;

  /** Why the lease is no longer current. */
  public enum Reason {
    /** It was released (through this or another handle with the same token). */
    RELEASED,
    /** Its expiry passed and nobody has taken the lock since. */
    EXPIRED,
    /** Another contender acquired the lock after the lease expired: a higher token exists. */
    TAKEN_OVER,
    /** The lock table has no such lease: its row was deleted or altered outside this library. */
    MISSING
  }

  private final long token;
  private final Reason reason;

  LeaseLostException(String lockName, long token, Reason reason, String message) {
    super(lockName, message, null);
    this.token = token;
    this.reason = reason;
  }

  /** The lost lease's fencing token. */
  public long token() {
    return token;
  }

  /** Why the lease is no longer current. */
  public Reason reason() {
    return reason;
  }
}
