package dev.architect.resilience.distributed;

import java.time.Instant;

/**
 * A time-limited hold on a {@link DistributedLock}, identified by its fencing token.
 *
 * <p>Pass {@link #token()} with every write to the protected resource and have the resource reject
 * tokens lower than the highest it has seen ({@link FencedResource} does): that, not the lease, is what
 * keeps a holder that stalled past its lease from doing harm.
 *
 * <p>Thread-safe: a background thread may renew the lease while another works under it.
 */
public interface Lease extends AutoCloseable {
  /** The name of the lock this lease holds. */
  String lockName();

  /** The fencing token: greater than every token handed out before for this lock name. */
  long token();

  /** When the lease expires by the lock's clock, as of its acquisition or latest renewal. */
  Instant expiresAt();

  /**
   * Extends the lease by the lock's lease time from now, if it is still current.
   *
   * @return the new expiry
   * @throws LeaseLostException if the lease was released, has expired or was taken over
   * @throws DistributedStoreException if the database fails
   */
  Instant renew();

  /**
   * Releases the lease so another contender may acquire the lock at once.
   *
   * @throws LeaseLostException if the lease was already released, has expired or was taken over: the
   *     work done under it may not have been exclusive
   * @throws DistributedStoreException if the database fails
   */
  void release();

  /**
   * {@link #release() Releases} the lease unless this object has already released it; a lost lease
   * is reported as a {@link LeaseLostException}.
   */
  @Override
  void close();
}
