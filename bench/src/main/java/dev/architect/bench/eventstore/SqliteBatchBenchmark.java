package dev.architect.bench.eventstore;

import dev.architect.bench.Contenders;
import dev.architect.eventstore.AppendResult;
import dev.architect.eventstore.Durability;
import dev.architect.eventstore.EventStore;
import dev.architect.eventstore.ExpectedVersion;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Appending {@value #BATCH} events at a time to one SQLite stream, one writer, exact expected version
 * (events/s): Architect's {@code append(stream, expected, events)} against plain JDBC inserting the
 * events as one JDBC batch in one transaction ({@code jdbc}, see {@link SqliteJdbc}). The events are
 * made (with fresh ids) inside the measured call by both contenders. At the end of the trial the stream
 * is checked to hold every event appended.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Contenders(anchors = {"jdbc"})
public class SqliteBatchBenchmark {
  static final int BATCH = 100;

  @Param({"NORMAL", "FULL"})
  public Durability durability;

  private String contender;
  private Path dir;
  private EventStore store;
  private SqliteJdbc jdbc;
  private final String stream = "account-1";
  private long version = -1;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws SQLException {
    contender = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('_') + 1);
    dir = Fixtures.scratch("sqlite-batch");
    store = EventStore.builder("sqlite:" + dir.resolve("events.db")).durability(durability).build();
    jdbc = new SqliteJdbc(dir.resolve("baseline.db"), durability);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    try {
      long stored = contender.equals("architect") ? store.streamVersion(stream) : jdbc.version(stream);
      if (stored != version) {
        throw new IllegalStateException(contender + ": stream " + stream + " is at version " + stored
            + " after appends up to version " + version);
      }
    } finally {
      store.close();
      jdbc.close();
      Fixtures.delete(dir);
    }
  }

  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(BATCH)
  public AppendResult batch100_architect() {
    AppendResult r = store.append(stream,
        version < 0 ? ExpectedVersion.NO_STREAM : ExpectedVersion.exactly(version), Fixtures.events(BATCH));
    version = r.lastVersion();
    return r;
  }

  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(BATCH)
  public long batch100_jdbc() {
    version = jdbc.append(stream, version, Fixtures.events(BATCH));
    return version;
  }
}
