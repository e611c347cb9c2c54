package dev.architect.resilience.distributed;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A named mutual-exclusion lock shared by every process that reaches the same PostgreSQL database or
 * SQLite file, held through a time-limited {@link Lease} that carries a fencing token.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>At any instant of the lock's clock at most one unexpired lease exists for a name. Acquiring is
 *       a single atomic statement ({@code INSERT ... ON CONFLICT DO UPDATE ... WHERE} the current lease
 *       is released or expired {@code RETURNING token}), so two processes can never both succeed.
 *   <li>Fencing tokens are strictly increasing per lock name, across processes, releases and
 *       re-acquisitions: the row keeps the last token handed out and is never deleted. A resource that
 *       remembers the highest token it has accepted (see {@link FencedResource}) can therefore reject
 *       a holder that paused past its lease and came back.
 *   <li>{@link Lease#renew()} and {@link Lease#release()} succeed only while the lease is current
 *       (same token, not released, not expired); otherwise they throw {@link LeaseLostException}.
 * </ul>
 *
 * <p>A lease is a promise about time, not about the holder's progress: a holder that stalls (GC,
 * paging, a stopped VM) past its lease may still believe it holds the lock. Only fencing at the
 * resource makes that safe.
 *
 * <p>Clock: on PostgreSQL, lease expiry is judged by the database's clock ({@code
 * statement_timestamp()}) unless {@link Builder#clock(InstantSource)} is set, so the hosts' clocks do
 * not matter. SQLite has no shared clock: the host's clock is used, which is sound because processes
 * sharing a SQLite file share one machine. Every process using one lock must use the same kind of
 * clock.
 *
 * <p>The lock is not reentrant: a second acquire through the same or another handle fails while a
 * lease is current. Thread-safe; no monitor is held around database calls, so virtual threads never
 * pin on it, and blocking waits are plain sleeps.
 */
public interface DistributedLock {
  /** The table name used unless {@link Builder#table(String)} says otherwise. */
  String DEFAULT_TABLE = "architect_lock";

  /**
   * A builder for the lock called {@code name} in the database behind {@code dataSource}.
   *
   * @throws NullPointerException if either argument is null
   * @throws IllegalArgumentException if the name is empty
   */
  static Builder builder(DataSource dataSource, String name) {
    return new Builder(dataSource, name);
  }

  /** The lock's name, its key in the lock table. */
  String name();

  /** How long a lease lasts from its acquisition or latest renewal. */
  Duration leaseTime();

  /** The name stored with each lease this handle acquires, shown to other contenders. */
  String owner();

  /**
   * One attempt to acquire the lock: one statement, no waiting.
   *
   * @return the lease, or empty if another lease is current
   * @throws DistributedStoreException if the database fails
   */
  Optional<Lease> tryAcquire();

  /**
   * Acquires the lock, waiting up to {@code timeout} while another lease is current: one statement per
   * attempt, attempts spaced by the retry interval with jitter, never sleeping past the deadline.
   *
   * @return the lease, or empty if the timeout elapsed first (a zero timeout tries once)
   * @throws IllegalArgumentException if the timeout is negative
   * @throws InterruptedException if the thread is interrupted while waiting
   * @throws DistributedStoreException if the database fails
   */
  Optional<Lease> tryAcquire(Duration timeout) throws InterruptedException;

  /**
   * Like {@link #tryAcquire(Duration)}, but a timeout is an exception: convenient with
   * try-with-resources.
   *
   * @throws LockTimeoutException if the timeout elapsed first; its message names the holder if known
   * @throws IllegalArgumentException if the timeout is negative
   * @throws InterruptedException if the thread is interrupted while waiting
   * @throws DistributedStoreException if the database fails
   */
  Lease acquire(Duration timeout) throws InterruptedException;

  /**
   * Configuration of a {@link DistributedLock}; every setter checks its argument at once. Not
   * thread-safe; {@link #build()} may be called more than once.
   */
  final class Builder {
    private final DataSource dataSource;
    private final String name;
    private Duration leaseTime = Duration.ofSeconds(30);
    private Duration retryInterval = Duration.ofMillis(100);
    private String owner;
    private String table = DEFAULT_TABLE;
    private InstantSource clock;
    private boolean createTable = true;

    Builder(DataSource dataSource, String name) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      this.name = Args.name("name", name);
    }

    /**
     * How long a lease lasts unless renewed (default 30 s), in whole microseconds.
     *
     * @throws IllegalArgumentException unless between 1 microsecond and 3650 days
     */
    public Builder leaseTime(Duration leaseTime) {
      Args.micros("leaseTime", leaseTime, Args.MAX_LEASE);
      this.leaseTime = leaseTime;
      return this;
    }

    /**
     * The longest pause between attempts of a blocking acquire (default 100 ms); each pause is drawn
     * between half of it and all of it so that waiters do not move in step.
     *
     * @throws IllegalArgumentException unless between 1 microsecond and 1 hour
     */
    public Builder retryInterval(Duration retryInterval) {
      Args.micros("retryInterval", retryInterval, Duration.ofHours(1));
      this.retryInterval = retryInterval;
      return this;
    }

    /**
     * The name stored with this handle's leases (default {@code pid@host}), for diagnostics only:
     * leases are told apart by their tokens.
     *
     * @throws IllegalArgumentException if empty
     */
    public Builder owner(String owner) {
      this.owner = Args.name("owner", owner);
      return this;
    }

    /**
     * The lock table (default {@value DistributedLock#DEFAULT_TABLE}), shared by all lock names.
     *
     * @throws IllegalArgumentException unless a plain SQL identifier
     */
    public Builder table(String table) {
      this.table = Args.table(table);
      return this;
    }

    /**
     * The clock that judges lease expiry. Default: the database's on PostgreSQL, the host's on SQLite.
     * Tests pass a clock they advance by hand.
     */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Whether {@link #build()} creates the table if missing (default true). */
    public Builder createTable(boolean createTable) {
      this.createTable = createTable;
      return this;
    }

    /**
     * Connects once to detect the database and, unless disabled, to create the table.
     *
     * @throws IllegalArgumentException if the database is neither PostgreSQL nor SQLite
     * @throws DistributedStoreException if the database fails
     */
    public DistributedLock build() {
      Database database = Database.of(dataSource, clock, "lock", name);
      if (createTable) {
        database.createTable(table, SqlLock.ddl(table));
      }
      return new SqlLock(database, table, name, owner != null ? owner : SqlLock.defaultOwner(), leaseTime,
          retryInterval);
    }
  }
}
