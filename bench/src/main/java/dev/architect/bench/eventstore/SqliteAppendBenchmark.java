package dev.architect.bench.eventstore;

import dev.architect.bench.Contenders;
import dev.architect.eventstore.AppendResult;
import dev.architect.eventstore.Durability;
import dev.architect.eventstore.EventStore;
import dev.architect.eventstore.ExpectedVersion;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
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
 * Appending single events to SQLite from 1, 8 and 64 concurrent writers, each on its own stream with an
 * exact expected version (events/s, summed over the writers): Architect's store, whose writer thread
 * commits every append waiting at that moment in one transaction ({@code architect}), against plain JDBC
 * doing one transaction per append ({@code jdbc}, see {@link SqliteJdbc}).
 *
 * <p>The writers are JMH threads ({@code @Threads}): each calls append in a loop for the whole
 * iteration, and JMH starts and stops measuring when all of them are running, so the figure is the
 * steady-state throughput of N callers that each wait for their append to be acknowledged before
 * sending the next, without a per-round barrier or thread start-up inside it.
 *
 * <p>{@code pageSize}: the page size of both database files (the store's {@code pageSize}, the
 * baseline's {@code PRAGMA page_size}); 4096, SQLite's default, unless a run asks for others with
 * {@code -p pageSize=1024,4096}.
 *
 * <p>Each trial starts from an empty database file in a fresh directory. At the end of the trial every
 * writer's stream is checked to hold exactly the events it appended.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Contenders(anchors = {"jdbc"})
public class SqliteAppendBenchmark {
  @Param({"NORMAL", "FULL"})
  public Durability durability;

  @Param({"4096"})
  public int pageSize;

  private String contender;
  private Path dir;
  private EventStore store;
  private SqliteJdbc jdbc;
  private final AtomicInteger streams = new AtomicInteger();
  private final Queue<Writer> writers = new ConcurrentLinkedQueue<>();

  /** One writer: its own stream and the version it expects next. */
  @State(Scope.Thread)
  public static class Writer {
    String stream;
    long version = -1;

    @Setup(Level.Trial)
    public void setUp(SqliteAppendBenchmark benchmark) {
      stream = "account-" + benchmark.streams.incrementAndGet();
      benchmark.writers.add(this);
    }
  }

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws SQLException {
    contender = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('_') + 1);
    dir = Fixtures.scratch("sqlite-append");
    store = EventStore.builder("sqlite:" + dir.resolve("events.db")).durability(durability)
        .pageSize(pageSize).build();
    jdbc = new SqliteJdbc(dir.resolve("baseline.db"), durability, pageSize);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    try {
      for (Writer w : writers) {
        long stored = contender.equals("architect") ? store.streamVersion(w.stream) : jdbc.version(w.stream);
        if (stored != w.version) {
          throw new IllegalStateException(contender + ": stream " + w.stream + " is at version " + stored
              + " after appends up to version " + w.version);
        }
      }
    } finally {
      store.close();
      jdbc.close();
      Fixtures.delete(dir);
    }
  }

  private AppendResult architect(Writer w) {
    AppendResult r = store.append(w.stream,
        w.version < 0 ? ExpectedVersion.NO_STREAM : ExpectedVersion.exactly(w.version), Fixtures.event());
    w.version = r.lastVersion();
    return r;
  }

  private long jdbc(Writer w) {
    w.version = jdbc.append(w.stream, w.version, List.of(Fixtures.event()));
    return w.version;
  }

  @Benchmark
  @Threads(1)
  public AppendResult append1writer_architect(Writer w) {
    return architect(w);
  }

  @Benchmark
  @Threads(1)
  public long append1writer_jdbc(Writer w) {
    return jdbc(w);
  }

  @Benchmark
  @Threads(8)
  public AppendResult append8writers_architect(Writer w) {
    return architect(w);
  }

  @Benchmark
  @Threads(8)
  public long append8writers_jdbc(Writer w) {
    return jdbc(w);
  }

  @Benchmark
  @Threads(64)
  public AppendResult append64writers_architect(Writer w) {
    return architect(w);
  }

  @Benchmark
  @Threads(64)
  public long append64writers_jdbc(Writer w) {
    return jdbc(w);
  }
}
