package dev.architect.resilience.distributed;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The lock over one table row per name: {@code (name, owner, token, expires_at)}. The row is never
 * deleted; releasing clears {@code owner}, so {@code token} only ever grows.
 */
final class SqlLock implements DistributedLock {
  static String ddl(String table) {
    return "CREATE TABLE IF NOT EXISTS " + table
        + " (name TEXT PRIMARY KEY, owner TEXT, token BIGINT NOT NULL, expires_at BIGINT NOT NULL)";
  }

  /**
   * One statement: a new name starts at token 1; an existing row is taken over, with the next token,
   * only if it was released or has expired. No row comes back when the current lease stands. The
   * new expiry is now + lease, so "expired" is tested as {@code expires_at <= new expiry - lease}.
   */
  private static final String ACQUIRE = """
      INSERT INTO {table} AS l (name, owner, token, expires_at)
      VALUES (?, ?, 1, {now} + CAST(? AS BIGINT))
      ON CONFLICT (name) DO UPDATE
        SET owner = EXCLUDED.owner, token = l.token + 1, expires_at = EXCLUDED.expires_at
        WHERE l.owner IS NULL OR l.expires_at <= EXCLUDED.expires_at - CAST(? AS BIGINT)
      RETURNING token, expires_at""";

  private static final String RENEW = """
      UPDATE {table} SET expires_at = {now} + CAST(? AS BIGINT)
      WHERE name = ? AND token = ? AND owner IS NOT NULL AND expires_at > {now}
      RETURNING expires_at""";

  private static final String RELEASE = """
      UPDATE {table} SET owner = NULL
      WHERE name = ? AND token = ? AND owner IS NOT NULL AND expires_at > {now}""";

  private static final String STATE = "SELECT owner, token, expires_at, {now} FROM {table} WHERE name = ?";

  private final Database database;
  private final String table;
  private final String name;
  private final String owner;
  private final Duration leaseTime;
  private final long leaseMicros;
  private final long retryNanos;
  private final String acquireSql;
  private final String renewSql;
  private final String releaseSql;
  private final String stateSql;

  SqlLock(Database database, String table, String name, String owner, Duration leaseTime, Duration retryInterval) {
    this.database = database;
    this.table = table;
    this.name = name;
    this.owner = owner;
    this.leaseTime = leaseTime;
    this.leaseMicros = TimeUnit.MICROSECONDS.convert(leaseTime);
    this.retryNanos = TimeUnit.NANOSECONDS.convert(retryInterval);
    this.acquireSql = database.dialect.sql(ACQUIRE, table);
    this.renewSql = database.dialect.sql(RENEW, table);
    this.releaseSql = database.dialect.sql(RELEASE, table);
    this.stateSql = database.dialect.sql(STATE, table);
  }

  static String defaultOwner() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost"; // only a label for diagnostics; leases are identified by their tokens
    }
    return ProcessHandle.current().pid() + "@" + host;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Duration leaseTime() {
    return leaseTime;
  }

  @Override
  public String owner() {
    return owner;
  }

  @Override
  public Optional<Lease> tryAcquire() {
    return database.run("acquire", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(acquireSql)) {
        statement.setString(1, name);
        statement.setString(2, owner);
        database.bindNow(statement, 3);
        statement.setLong(4, leaseMicros);
        statement.setLong(5, leaseMicros);
        try (ResultSet row = statement.executeQuery()) {
          return row.next() ? Optional.of(new SqlLease(this, row.getLong(1), row.getLong(2))) : Optional.empty();
        }
      }
    });
  }

  @Override
  public Optional<Lease> tryAcquire(Duration timeout) throws InterruptedException {
    long timeoutNanos = Args.notNegativeNanos("timeout", timeout);
    long start = System.nanoTime();
    while (true) {
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while acquiring lock " + Args.quoted(name));
      }
      Optional<Lease> lease = tryAcquire();
      if (lease.isPresent()) {
        return lease;
      }
      long remaining = timeoutNanos - (System.nanoTime() - start);
      if (remaining <= 0) {
        return Optional.empty();
      }
      // Jitter keeps waiters from polling in step; never sleep past the deadline.
      long pause = ThreadLocalRandom.current().nextLong(retryNanos / 2, retryNanos + 1);
      TimeUnit.NANOSECONDS.sleep(Math.min(pause, remaining));
    }
  }

  @Override
  public Lease acquire(Duration timeout) throws InterruptedException {
    Optional<Lease> lease = tryAcquire(timeout);
    if (lease.isPresent()) {
      return lease.get();
    }
    State state = state();
    String message = "lock " + Args.quoted(name) + " not acquired within " + timeout;
    if (state != null && state.owner != null && state.expiresAt > state.now) {
      message += ": held by " + Args.quoted(state.owner) + " with token " + state.token + " until "
          + Database.instant(state.expiresAt);
    }
    throw new LockTimeoutException(name, message);
  }

  /** Renews the lease with {@code token}; returns the new expiry or throws if it is not current. */
  long renew(long token) {
    Long expiresAt = database.run("renew", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(renewSql)) {
        database.bindNow(statement, 1);
        statement.setLong(2, leaseMicros);
        statement.setString(3, name);
        statement.setLong(4, token);
        database.bindNow(statement, 5);
        try (ResultSet row = statement.executeQuery()) {
          return row.next() ? row.getLong(1) : null;
        }
      }
    });
    if (expiresAt == null) {
      throw lost("renew", token);
    }
    return expiresAt;
  }

  void release(long token) {
    int released = database.run("release", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(releaseSql)) {
        statement.setString(1, name);
        statement.setLong(2, token);
        database.bindNow(statement, 3);
        return statement.executeUpdate();
      }
    });
    if (released != 1) {
      throw lost("release", token);
    }
  }

  /** Explains, after the fact, why the lease with {@code token} is not current. */
  private LeaseLostException lost(String operation, long token) {
    State state = state();
    String prefix = "cannot " + operation + " lock " + Args.quoted(name) + ": lease with token " + token + " ";
    LeaseLostException.Reason reason;
    String detail;
    if (state == null || state.token < token) {
      reason = LeaseLostException.Reason.MISSING;
      detail = "is not in table " + table;
    } else if (state.token > token) {
      reason = LeaseLostException.Reason.TAKEN_OVER;
      detail = "was taken over with token " + state.token;
    } else if (state.owner == null) {
      reason = LeaseLostException.Reason.RELEASED;
      detail = "was released";
    } else {
      reason = LeaseLostException.Reason.EXPIRED;
      detail = "expired at " + Database.instant(state.expiresAt);
    }
    return new LeaseLostException(name, token, reason, prefix + detail);
  }

  private record State(String owner, long token, long expiresAt, long now) {}

  private State state() {
    return database.run("read state", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(stateSql)) {
        database.bindNow(statement, 1);
        statement.setString(2, name);
        try (ResultSet row = statement.executeQuery()) {
          return row.next() ? new State(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4)) : null;
        }
      }
    });
  }

  @Override
  public String toString() {
    return "DistributedLock[" + name + ", table=" + table + ", owner=" + owner + ", leaseTime=" + leaseTime + "]";
  }
}
