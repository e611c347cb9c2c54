package dev.architect.bench.eventstore;

import dev.architect.bench.Contenders;
import dev.architect.eventstore.EventStore;
import dev.architect.eventstore.RecordedEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * Reading {@code $all} of a PostgreSQL store holding {@value Fixtures#PREFILL} events (1,000 streams,
 * interleaved in blocks of 10), page by page of {@value Fixtures#PAGE}, back to position 1 after the
 * last page (events/s): Architect's {@code readAll(from, limit)} (which also reads the page's streams
 * to hide deleted, truncated and expired events) against a plain {@code SELECT ... WHERE global_position >= ?
 * ORDER BY global_position LIMIT ?} over Message DB's table ({@code messagedb}, data as {@code jsonb}).
 * Both build the same {@link RecordedEvent}s; setup checks that each reads positions 1 to 100,000 in
 * order. One embedded server per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Contenders(anchors = {"messagedb"})
public class PostgresReadAllBenchmark {
  private EmbeddedPostgres postgres;
  private EventStore store;
  private MessageDb.Reader messageDb;
  private Fixtures.Cursor architectCursor;
  private Fixtures.Cursor messageDbCursor;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    postgres = Fixtures.startPostgres();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA architect");
      MessageDb.install(c);
      MessageDb.prefill(c);
    }
    store = EventStore.open("postgresql://postgres:postgres@localhost:" + postgres.getPort()
        + "/postgres?currentSchema=architect");
    Fixtures.prefill(store);
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("ANALYZE architect.es_events");
      st.execute("ANALYZE architect.es_streams");
    }
    messageDb = new MessageDb.Reader(postgres.getPostgresDatabase().getConnection());
    Fixtures.checkReadsAll("architect", store::readAll);
    Fixtures.checkReadsAll("messagedb", messageDb::readAll);
    architectCursor = new Fixtures.Cursor("architect", store::readAll);
    messageDbCursor = new Fixtures.Cursor("messagedb", messageDb::readAll);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    try {
      messageDb.close();
      store.close();
    } finally {
      Fixtures.stop(postgres);
    }
  }

  @Benchmark
  @OperationsPerInvocation(Fixtures.PAGE)
  public List<RecordedEvent> readAll_architect() {
    return architectCursor.nextPage();
  }

  @Benchmark
  @OperationsPerInvocation(Fixtures.PAGE)
  public List<RecordedEvent> readAll_messagedb() {
    return messageDbCursor.nextPage();
  }
}
