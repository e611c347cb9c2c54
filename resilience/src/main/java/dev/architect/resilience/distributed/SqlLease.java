package dev.architect.resilience.distributed;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** A lease of a {@link SqlLock}: its token and its last known expiry. */
final class SqlLease implements Lease {
  private final SqlLock lock;
  private final long token;
  /** The latest expiry seen: renewals racing on two threads never move it back. */
  private final AtomicLong expiresAtMicros;
  /** Set once this object has released the lease or close() was called: close() is idempotent. */
  private final AtomicBoolean closed = new AtomicBoolean();

  SqlLease(SqlLock lock, long token, long expiresAtMicros) {
    this.lock = lock;
    this.token = token;
    this.expiresAtMicros = new AtomicLong(expiresAtMicros);
  }

  @Override
  public String lockName() {
    return lock.name();
  }

  @Override
  public long token() {
    return token;
  }

  @Override
  public Instant expiresAt() {
    return Database.instant(expiresAtMicros.get());
  }

  @Override
  public Instant renew() {
    long expiresAt = lock.renew(token);
    expiresAtMicros.accumulateAndGet(expiresAt, Math::max);
    return Database.instant(expiresAt);
  }

  @Override
  public void release() {
    lock.release(token);
    closed.set(true);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      lock.release(token);
    }
  }

  @Override
  public String toString() {
    return "Lease[lock=" + lock.name() + ", token=" + token + ", expiresAt=" + expiresAt() + "]";
  }
}
