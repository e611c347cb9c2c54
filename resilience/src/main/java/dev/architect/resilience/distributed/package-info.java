/**
 * Distributed coordination over SQL, for processes that share a PostgreSQL database or a SQLite file:
 * {@link dev.architect.resilience.distributed.DistributedLock} (leases with fencing tokens), {@link
 * dev.architect.resilience.distributed.FencedResource} (an example resource that rejects stale tokens)
 * and {@link dev.architect.resilience.distributed.DistributedRateLimiter} (token buckets shared across
 * processes).
 *
 * <p>Everything takes a {@link javax.sql.DataSource} and borrows one connection per operation; give
 * it a pooling data source in production. Each operation that decides something (acquire a lease,
 * take a permit, accept a token) is one atomic SQL statement, so contention costs one row lock, never
 * a retry loop. The tables are created on first use and their rows are never deleted (a lock's row
 * carries its token counter).
 *
 * <p>PostgreSQL: keep the default READ COMMITTED isolation (SERIALIZABLE would turn contention into
 * serialization failures). SQLite: use WAL mode and a busy timeout, so that processes wait for the
 * file's write lock instead of failing with SQLITE_BUSY.
 */
package dev.architect.resilience.distributed;
