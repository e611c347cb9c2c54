package dev.architect.resilience.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Bad configuration fails at once, naming the parameter and its value; no database needed. */
class BuilderArgumentsTest {
  /** A data source that must never be used. */
  static final DataSource UNUSED = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
      new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
        throw new AssertionError("the data source was used: " + method.getName());
      });

  /** A data source whose database calls itself {@code product}. */
  static DataSource database(String product) {
    DatabaseMetaData metaData = (DatabaseMetaData) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
        new Class<?>[] {DatabaseMetaData.class}, (proxy, method, args) -> {
          if (method.getName().equals("getDatabaseProductName")) {
            return product;
          }
          throw new AssertionError(method.getName());
        });
    Connection connection = (Connection) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getMetaData" -> metaData;
          case "close" -> null;
          default -> throw new AssertionError(method.getName());
        });
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          if (method.getName().equals("getConnection")) {
            return connection;
          }
          throw new AssertionError(method.getName());
        });
  }

  static final DataSource UNREACHABLE = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
      new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
        throw new SQLException("connection refused");
      });

  @Test
  void lockBuilder() {
    assertThatThrownBy(() -> DistributedLock.builder(null, "x"))
        .isInstanceOf(NullPointerException.class).hasMessage("dataSource");
    assertThatThrownBy(() -> DistributedLock.builder(UNUSED, null))
        .isInstanceOf(NullPointerException.class).hasMessage("name");
    assertThatThrownBy(() -> DistributedLock.builder(UNUSED, ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("name must not be empty");
    DistributedLock.Builder builder = DistributedLock.builder(UNUSED, "orders");
    assertThatThrownBy(() -> builder.leaseTime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("leaseTime must be between 1 microsecond and 3650 days, was PT0S");
    assertThatThrownBy(() -> builder.leaseTime(Duration.ofSeconds(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("leaseTime must be between 1 microsecond and 3650 days, was PT-5S");
    assertThatThrownBy(() -> builder.leaseTime(Duration.ofNanos(999)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("leaseTime must be between 1 microsecond and 3650 days, was PT0.000000999S");
    assertThatThrownBy(() -> builder.leaseTime(Duration.ofDays(3651)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("leaseTime must be between 1 microsecond and 3650 days, was PT87624H");
    assertThatThrownBy(() -> builder.leaseTime(null))
        .isInstanceOf(NullPointerException.class).hasMessage("leaseTime");
    assertThatThrownBy(() -> builder.retryInterval(Duration.ofHours(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retryInterval must be between 1 microsecond and 1 hour, was PT2H");
    assertThatThrownBy(() -> builder.owner(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("owner must not be empty");
    assertThatThrownBy(() -> builder.clock(null))
        .isInstanceOf(NullPointerException.class).hasMessage("clock");
    assertThatThrownBy(() -> builder.table("lock; DROP TABLE users"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("table must be a plain SQL identifier (a letter or underscore, then letters, digits or"
            + " underscores, at most 48 characters), was 'lock; DROP TABLE users'");
    assertThatThrownBy(() -> builder.table("1lock")).hasMessageEndingWith("was '1lock'");
    assertThatThrownBy(() -> builder.table("x".repeat(49))).hasMessageEndingWith("was '" + "x".repeat(49) + "'");
    builder.table("_Lock_2").table("x".repeat(48)).leaseTime(Duration.ofNanos(1000)).leaseTime(Duration.ofDays(3650));
  }

  @Test
  void rateLimiterBuilder() {
    assertThatThrownBy(() -> DistributedRateLimiter.builder(UNUSED, ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("name must not be empty");
    DistributedRateLimiter.Builder builder = DistributedRateLimiter.builder(UNUSED, "api");
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class).hasMessage("capacity is not set");
    assertThatThrownBy(() -> builder.capacity(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("capacity must be positive, was 0");
    assertThatThrownBy(() -> builder.capacity(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("capacity must be positive, was -1");
    builder.capacity(10);
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class).hasMessage("refill is not set");
    assertThatThrownBy(() -> builder.refill(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("refillTokens must be positive, was 0");
    assertThatThrownBy(() -> builder.refill(1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("refillPeriod must be between 1 microsecond and 3650 days, was PT0S");
    assertThatThrownBy(() -> builder.refill(1, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("refillPeriod must be between 1 microsecond and 3650 days, was PT-0.001S");
    assertThatThrownBy(() -> builder.refill(1, null))
        .isInstanceOf(NullPointerException.class).hasMessage("refillPeriod");
    assertThatThrownBy(() -> builder.table("bucket-1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("was 'bucket-1'");
    // 2^61 / (2^31 - 1) microseconds is about 17.9 minutes: the longest refill period for that capacity.
    builder.capacity(Integer.MAX_VALUE).refill(1, Duration.ofMinutes(17));
    builder.refill(1, Duration.ofMinutes(18));
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("capacity 2147483647 with refillPeriod PT18M is too large: capacity × refillPeriod in"
            + " microseconds must be at most 2^61");
  }

  @Test
  void fencedResourceBuilder() {
    assertThatThrownBy(() -> FencedResource.builder(UNUSED, ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("name must not be empty");
    assertThatThrownBy(() -> FencedResource.builder(null, "ledger"))
        .isInstanceOf(NullPointerException.class).hasMessage("dataSource");
    assertThatThrownBy(() -> FencedResource.builder(UNUSED, "ledger").table(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("was ''");
    assertThatThrownBy(() -> new FencedResource.Entry(1, 1, null))
        .isInstanceOf(NullPointerException.class).hasMessage("value");
  }

  @Test
  void onlyPostgresqlAndSqliteAreSupported() {
    assertThatThrownBy(() -> DistributedLock.builder(database("H2"), "orders").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dataSource must be PostgreSQL or SQLite, was 'H2'");
    assertThatThrownBy(() -> FencedResource.builder(database("MySQL"), "ledger").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dataSource must be PostgreSQL or SQLite, was 'MySQL'");
  }

  @Test
  void anUnreachableDatabaseFailsAtBuild() {
    assertThatThrownBy(() -> DistributedLock.builder(UNREACHABLE, "orders").build())
        .isInstanceOfSatisfying(DistributedStoreException.class, e -> {
          assertThat(e.name()).isEqualTo("orders");
          assertThat(e.getCause()).hasMessage("connection refused");
        })
        .hasMessage("lock 'orders': cannot connect: connection refused");
    assertThatThrownBy(() -> DistributedRateLimiter.builder(UNREACHABLE, "api").capacity(1)
            .refill(1, Duration.ofSeconds(1)).build())
        .isInstanceOf(DistributedStoreException.class)
        .hasMessage("rate limiter 'api': cannot connect: connection refused");
  }
}
