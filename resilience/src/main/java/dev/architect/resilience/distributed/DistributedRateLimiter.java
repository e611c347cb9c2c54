package dev.architect.resilience.distributed;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A token-bucket rate limit per key, shared by every process that reaches the same PostgreSQL database
 * or SQLite file.
 *
 * <p>Each key has a bucket of at most {@code capacity} tokens, full at first use, refilled
 * continuously at {@code refillTokens} per {@code refillPeriod}; an acquire takes its permits if the
 * bucket holds that many, else takes nothing. Over any interval of length t (by the limiter's clock)
 * a key therefore grants at most {@code capacity + refillTokens × t / refillPeriod} permits, whatever
 * the number of processes.
 *
 * <p>Each attempt is one atomic statement: an {@code INSERT ... ON CONFLICT DO UPDATE} that computes
 * the refill from the stored level and timestamp and takes the permits only {@code WHERE} enough are
 * there, {@code RETURNING} a row only if it granted them. There is no read-then-write and so no retry
 * loop: a hot key costs one row-locked statement per attempt, never a storm of conflicting retries. A
 * refused attempt writes nothing. Levels are exact integers (tokens × refill period in microseconds),
 * so no rounding accumulates.
 *
 * <p>Clock: as for {@link DistributedLock}, the database's on PostgreSQL unless {@link
 * Builder#clock(InstantSource)} is set, the host's on SQLite. A clock that steps back refills nothing
 * until it catches up. Every process using one limiter name must use the same configuration and the
 * same kind of clock: the stored row holds only the level and its time.
 *
 * <p>Thread-safe; no monitor is held around database calls (virtual threads never pin on it).
 */
public interface DistributedRateLimiter {
  /** The table name used unless {@link Builder#table(String)} says otherwise. */
  String DEFAULT_TABLE = "architect_bucket";

  /**
   * A builder for the limiter called {@code name}; {@link Builder#capacity(int)} and {@link
   * Builder#refill(int, Duration)} must be set.
   *
   * @throws NullPointerException if either argument is null
   * @throws IllegalArgumentException if the name is empty
   */
  static Builder builder(DataSource dataSource, String name) {
    return new Builder(dataSource, name);
  }

  /** The limiter's name: buckets of different limiters are distinct even for equal keys. */
  String name();

  /** The most tokens a bucket holds. */
  int capacity();

  /** Tokens added per {@link #refillPeriod()}. */
  int refillTokens();

  /** The period over which {@link #refillTokens()} are added, continuously. */
  Duration refillPeriod();

  /**
   * Takes one permit from {@code key}'s bucket if it has one: one statement, no waiting.
   *
   * @throws IllegalArgumentException if the key is empty
   * @throws DistributedStoreException if the database fails
   */
  boolean tryAcquire(String key);

  /**
   * Takes {@code permits} from {@code key}'s bucket if it has that many, else nothing.
   *
   * @throws IllegalArgumentException if the key is empty or permits is not in [1, capacity]
   * @throws DistributedStoreException if the database fails
   */
  boolean tryAcquire(String key, int permits);

  /**
   * Takes {@code permits}, waiting up to {@code timeout} for the bucket to refill: one statement per
   * attempt, attempts spaced by about the time the permits take to refill (at least a millisecond),
   * with jitter, never sleeping past the deadline.
   *
   * @return whether the permits were taken (a zero timeout tries once)
   * @throws IllegalArgumentException if the key is empty, permits is not in [1, capacity] or the
   *     timeout is negative
   * @throws InterruptedException if the thread is interrupted while waiting
   * @throws DistributedStoreException if the database fails
   */
  boolean tryAcquire(String key, int permits, Duration timeout) throws InterruptedException;

  /**
   * The whole permits {@code key}'s bucket holds now (a read; another process may take them first).
   *
   * @throws IllegalArgumentException if the key is empty
   * @throws DistributedStoreException if the database fails
   */
  long availablePermits(String key);

  /**
   * Configuration of a {@link DistributedRateLimiter}; every setter checks its argument at once. Not
   * thread-safe; {@link #build()} may be called more than once.
   */
  final class Builder {
    /** Levels are stored as tokens × refill period in microseconds; this keeps sums far from overflow. */
    static final long MAX_UNITS = 1L << 61;

    private final DataSource dataSource;
    private final String name;
    private int capacity;
    private int refillTokens;
    private Duration refillPeriod;
    private String table = DEFAULT_TABLE;
    private InstantSource clock;
    private boolean createTable = true;

    Builder(DataSource dataSource, String name) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      this.name = Args.name("name", name);
    }

    /**
     * The most tokens a bucket holds, and what a new bucket starts with.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder capacity(int capacity) {
      this.capacity = (int) Args.positive("capacity", capacity);
      return this;
    }

    /**
     * Adds {@code tokens} per {@code period}, continuously (resolution: 1 microsecond).
     *
     * @throws IllegalArgumentException if tokens is not positive or the period is not between 1
     *     microsecond and 3650 days
     */
    public Builder refill(int tokens, Duration period) {
      Args.positive("refillTokens", tokens);
      Args.micros("refillPeriod", period, Args.MAX_LEASE);
      this.refillTokens = tokens;
      this.refillPeriod = period;
      return this;
    }

    /**
     * The bucket table (default {@value DistributedRateLimiter#DEFAULT_TABLE}), shared by all limiters.
     *
     * @throws IllegalArgumentException unless a plain SQL identifier
     */
    public Builder table(String table) {
      this.table = Args.table(table);
      return this;
    }

    /**
     * The clock that drives the refill. Default: the database's on PostgreSQL, the host's on SQLite.
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
     * @throws IllegalStateException if capacity or refill is not set, or capacity × refill period (in
     *     microseconds) exceeds 2^61
     * @throws IllegalArgumentException if the database is neither PostgreSQL nor SQLite
     * @throws DistributedStoreException if the database fails
     */
    public DistributedRateLimiter build() {
      if (capacity == 0) {
        throw new IllegalStateException("capacity is not set");
      }
      if (refillPeriod == null) {
        throw new IllegalStateException("refill is not set");
      }
      long periodMicros = Args.micros("refillPeriod", refillPeriod, Args.MAX_LEASE);
      if (periodMicros > MAX_UNITS / capacity) {
        throw new IllegalStateException("capacity " + capacity + " with refillPeriod " + refillPeriod
            + " is too large: capacity × refillPeriod in microseconds must be at most 2^61");
      }
      Database database = Database.of(dataSource, clock, "rate limiter", name);
      if (createTable) {
        database.createTable(table, SqlRateLimiter.ddl(table));
      }
      return new SqlRateLimiter(database, table, name, capacity, refillTokens, refillPeriod);
    }
  }
}
