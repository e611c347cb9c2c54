package dev.architect.resilience.distributed;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Buckets as rows {@code (limiter, bucket, level, updated_at)}. With P the refill period in
 * microseconds and N the tokens per period, {@code level} counts tokens × P, so refilling over e
 * microseconds adds exactly e × N, and a full bucket is capacity × P. Elapsed time is capped at the
 * time a bucket takes to fill from empty, so idle keys cannot overflow the arithmetic.
 */
final class SqlRateLimiter implements DistributedRateLimiter {
  static String ddl(String table) {
    return "CREATE TABLE IF NOT EXISTS " + table + " (limiter TEXT NOT NULL, bucket TEXT NOT NULL,"
        + " level BIGINT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (limiter, bucket))";
  }

  /**
   * One statement per attempt. A new bucket starts full, less what this acquire takes (permits never
   * exceed capacity). An existing one is refilled from its stored time to now (EXCLUDED.updated_at)
   * and updated only WHERE the refilled level covers the permits; otherwise nothing is written and
   * no row comes back. A refused attempt may leave the stored time behind: the refill from the older
   * time is the same, because a level below the permits was never capped.
   */
  private static final String ACQUIRE = """
      INSERT INTO {table} AS b (limiter, bucket, level, updated_at)
      VALUES (?, ?, CAST(? AS BIGINT), {now})
      ON CONFLICT (limiter, bucket) DO UPDATE
        SET level = %1$s - CAST(? AS BIGINT),
            updated_at = {greatest}(b.updated_at, EXCLUDED.updated_at)
        WHERE %1$s >= CAST(? AS BIGINT)
      RETURNING level""".formatted(refilled("EXCLUDED.updated_at"));

  private static final String AVAILABLE =
      "SELECT " + refilled("{now}") + " FROM {table} AS b WHERE b.limiter = ? AND b.bucket = ?";

  /** The level at {@code now}: three parameters (full level, fill time, refill per microsecond). */
  private static String refilled(String now) {
    return "{least}(CAST(? AS BIGINT), b.level + {least}({greatest}(" + now + " - b.updated_at, 0), CAST(? AS BIGINT))"
        + " * CAST(? AS BIGINT))";
  }

  private final Database database;
  private final String name;
  private final int capacity;
  private final int refillTokens;
  private final Duration refillPeriod;
  /** P: microseconds per refill period, the value of one token in level units. */
  private final long unit;
  /** capacity × P. */
  private final long full;
  /** The microseconds an empty bucket takes to fill: ceil(capacity × P / N). */
  private final long fillMicros;
  private final String acquireSql;
  private final String availableSql;

  SqlRateLimiter(Database database, String table, String name, int capacity, int refillTokens, Duration refillPeriod) {
    this.database = database;
    this.name = name;
    this.capacity = capacity;
    this.refillTokens = refillTokens;
    this.refillPeriod = refillPeriod;
    this.unit = TimeUnit.MICROSECONDS.convert(refillPeriod);
    this.full = capacity * unit;
    this.fillMicros = Math.ceilDiv(full, refillTokens);
    this.acquireSql = database.dialect.sql(ACQUIRE, table);
    this.availableSql = database.dialect.sql(AVAILABLE, table);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int capacity() {
    return capacity;
  }

  @Override
  public int refillTokens() {
    return refillTokens;
  }

  @Override
  public Duration refillPeriod() {
    return refillPeriod;
  }

  @Override
  public boolean tryAcquire(String key) {
    return tryAcquire(key, 1);
  }

  @Override
  public boolean tryAcquire(String key, int permits) {
    Args.name("key", key);
    checkPermits(permits);
    long take = permits * unit;
    return database.run("acquire", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(acquireSql)) {
        statement.setString(1, name);
        statement.setString(2, key);
        statement.setLong(3, full - take);
        database.bindNow(statement, 4);
        statement.setLong(5, full);
        statement.setLong(6, fillMicros);
        statement.setLong(7, refillTokens);
        statement.setLong(8, take);
        statement.setLong(9, full);
        statement.setLong(10, fillMicros);
        statement.setLong(11, refillTokens);
        statement.setLong(12, take);
        try (ResultSet row = statement.executeQuery()) {
          return row.next();
        }
      }
    });
  }

  @Override
  public boolean tryAcquire(String key, int permits, Duration timeout) throws InterruptedException {
    Args.name("key", key);
    checkPermits(permits);
    long timeoutNanos = Args.notNegativeNanos("timeout", timeout);
    // About the time the permits take to refill, at least 1 ms: a waiter polls no faster than tokens come.
    long pause = Math.max(TimeUnit.MILLISECONDS.toNanos(1),
        TimeUnit.MICROSECONDS.toNanos(Math.ceilDiv(permits * unit, refillTokens)));
    long start = System.nanoTime();
    while (true) {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while acquiring from rate limiter " + Args.quoted(name));
      }
      if (tryAcquire(key, permits)) {
        return true;
      }
      long remaining = timeoutNanos - (System.nanoTime() - start);
      if (remaining <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.sleep(Math.min(ThreadLocalRandom.current().nextLong(pause / 2, pause + 1), remaining));
    }
  }

  @Override
  public long availablePermits(String key) {
    Args.name("key", key);
    return database.run("read", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(availableSql)) {
        statement.setLong(1, full);
        database.bindNow(statement, 2);
        statement.setLong(3, fillMicros);
        statement.setLong(4, refillTokens);
        statement.setString(5, name);
        statement.setString(6, key);
        try (ResultSet row = statement.executeQuery()) {
          return row.next() ? row.getLong(1) / unit : capacity;
        }
      }
    });
  }

  private void checkPermits(int permits) {
    if (permits < 1 || permits > capacity) {
      throw new IllegalArgumentException("permits must be between 1 and capacity " + capacity + ", was " + permits);
    }
  }

  @Override
  public String toString() {
    return "DistributedRateLimiter[" + name + ", capacity=" + capacity + ", refill=" + refillTokens + " per "
        + refillPeriod + "]";
  }
}
