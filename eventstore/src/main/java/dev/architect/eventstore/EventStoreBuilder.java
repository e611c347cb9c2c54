package dev.architect.eventstore;

import dev.architect.eventstore.internal.StoreConfig;
import dev.architect.eventstore.internal.Stores;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Configures and opens an {@link EventStore}. Not thread-safe; {@link #build()} may be called several
 * times.
 */
public final class EventStoreBuilder {
  private final String url;
  private Durability durability = Durability.FULL;
  private int maxEventSize = EventStore.DEFAULT_MAX_EVENT_SIZE;
  private int maxStreamNameLength = EventStore.DEFAULT_MAX_STREAM_NAME_LENGTH;
  private InstantSource clock = InstantSource.system();
  private String user;
  private String password;
  private int poolSize = 8;
  private Duration pollInterval = Duration.ofMillis(500);
  private int pageSize = 4096; // SQLite's own default

  EventStoreBuilder(String url) {
    this.url = Objects.requireNonNull(url, "url");
    if (!Stores.knownScheme(url)) {
      throw new IllegalArgumentException("store url must start with sqlite:, jdbc:sqlite:, "
          + "postgresql://, postgres:// or jdbc:postgresql:, was '" + url + "'");
    }
  }

  /** SQLite durability; default {@link Durability#FULL}. Ignored by PostgreSQL. */
  public EventStoreBuilder durability(Durability value) {
    this.durability = Objects.requireNonNull(value, "durability");
    return this;
  }

  /**
   * The largest event accepted, data plus metadata in bytes; default 1 MiB.
   *
   * @throws IllegalArgumentException if not positive
   */
  public EventStoreBuilder maxEventSize(int bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("maxEventSize must be >= 1, was " + bytes);
    }
    this.maxEventSize = bytes;
    return this;
  }

  /**
   * The longest stream name accepted, in characters; default 200.
   *
   * @throws IllegalArgumentException if not positive
   */
  public EventStoreBuilder maxStreamNameLength(int characters) {
    if (characters < 1) {
      throw new IllegalArgumentException("maxStreamNameLength must be >= 1, was " + characters);
    }
    this.maxStreamNameLength = characters;
    return this;
  }

  /** The clock that stamps events and evaluates max ages; default the system clock. */
  public EventStoreBuilder clock(InstantSource value) {
    this.clock = Objects.requireNonNull(value, "clock");
    return this;
  }

  /** The PostgreSQL user (overrides one in the url). */
  public EventStoreBuilder user(String value) {
    this.user = Objects.requireNonNull(value, "user");
    return this;
  }

  /** The PostgreSQL password (overrides one in the url). */
  public EventStoreBuilder password(String value) {
    this.password = Objects.requireNonNull(value, "password");
    return this;
  }

  /**
   * The most database connections for reads (PostgreSQL: the HikariCP pool size, plus one for the
   * writer); default 8.
   *
   * @throws IllegalArgumentException if not positive
   */
  public EventStoreBuilder poolSize(int connections) {
    if (connections < 1) {
      throw new IllegalArgumentException("poolSize must be >= 1, was " + connections);
    }
    this.poolSize = connections;
    return this;
  }

  /**
   * How long an idle subscription waits at most before looking for new events written by other
   * processes (appends through this store instance, and on PostgreSQL through any, wake it at once);
   * default 500 ms.
   *
   * @throws IllegalArgumentException if not positive
   */
  public EventStoreBuilder pollInterval(Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive, was " + value);
    }
    this.pollInterval = value;
    return this;
  }

  /**
   * The SQLite page size, in bytes, of a database file this store creates; default 4096. A file keeps
   * the page size it was created with: ignored for an existing file, and by PostgreSQL.
   *
   * <p>Each commit writes every page it changed to the WAL, and an append of small events changes a
   * page in each of several indexes (one per stream written, in the stream-version index), so smaller
   * pages write fewer bytes per commit. Measured here with 1024 (docs/BENCHMARKS.md, 03:37 UTC
   * 2026-12-04): 8 concurrent single-event appenders 21,537 events/s against 17,798 with 4096, 64
   * appenders 16,465 against 18,718 in the same noisy run; reading {@code $all} 15–20% slower, and
   * events of hundreds of kilobytes (more overflow pages) about a third slower. Measure with your own
   * events before choosing it.
   *
   * @throws IllegalArgumentException if not a power of two from 512 to 65536
   */
  public EventStoreBuilder pageSize(int bytes) {
    if (bytes < 512 || bytes > 65536 || Integer.bitCount(bytes) != 1) {
      throw new IllegalArgumentException("pageSize must be a power of two from 512 to 65536, was " + bytes);
    }
    this.pageSize = bytes;
    return this;
  }

  /**
   * Opens the store, creating its database file or tables if needed.
   *
   * @throws EventStoreException if the database cannot be opened or its schema created
   */
  public EventStore build() {
    return Stores.open(new StoreConfig(url, durability, maxEventSize, maxStreamNameLength, clock, user,
        password, poolSize, pollInterval, pageSize));
  }
}
