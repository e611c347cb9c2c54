package dev.architect.bench.eventstore;

import dev.architect.bench.Contenders;
import dev.architect.eventstore.Durability;
import dev.architect.eventstore.EventStore;
import dev.architect.eventstore.RecordedEvent;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reading {@code $all} of a SQLite store holding {@value Fixtures#PREFILL} events (1,000 streams of 100,
 * interleaved), page by page of {@value Fixtures#PAGE} as a projection rebuild does, back to position 1
 * after the last page (events/s): Architect's {@code readAll(from, limit)}, which hides deleted,
 * truncated and expired events through the page's stream rows, against a plain JDBC {@code SELECT
 * ... WHERE position >= ? ORDER BY position LIMIT ?} over the baseline table ({@code jdbc}). Both build
 * the same {@link RecordedEvent}s. Setup checks that each contender reads positions 1 to 100,000 in
 * order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Contenders(anchors = {"jdbc"})
public class SqliteReadAllBenchmark {
  private Path dir;
  private EventStore store;
  private SqliteJdbc jdbc;
  private Fixtures.Cursor architectCursor;
  private Fixtures.Cursor jdbcCursor;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    dir = Fixtures.scratch("sqlite-read");
    store = EventStore.builder("sqlite:" + dir.resolve("events.db")).durability(Durability.NORMAL).build();
    jdbc = new SqliteJdbc(dir.resolve("baseline.db"), Durability.NORMAL);
    Fixtures.prefill(store);
    jdbc.prefill();
    Fixtures.checkReadsAll("architect", store::readAll);
    Fixtures.checkReadsAll("jdbc", jdbc::readAll);
    architectCursor = new Fixtures.Cursor("architect", store::readAll);
    jdbcCursor = new Fixtures.Cursor("jdbc", jdbc::readAll);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    try {
      store.close();
      jdbc.close();
    } finally {
      Fixtures.delete(dir);
    }
  }

  @Benchmark
  @OperationsPerInvocation(Fixtures.PAGE)
  public List<RecordedEvent> readAll_architect() {
    return architectCursor.nextPage();
  }

  @Benchmark
  @OperationsPerInvocation(Fixtures.PAGE)
  public List<RecordedEvent> readAll_jdbc() {
    return jdbcCursor.nextPage();
  }
}
