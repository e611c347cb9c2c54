package dev.architect.eventstore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.architect.eventstore.Durability;
import dev.architect.eventstore.EventData;
import dev.architect.eventstore.EventMetadata;
import dev.architect.eventstore.EventStore;
import dev.architect.eventstore.ExpectedVersion;
import dev.architect.eventstore.RecordedEvent;
import dev.architect.eventstore.StreamAppend;
import dev.architect.eventstore.StreamMetadata;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Group commit against one operation per transaction: random operations (appends with every kind of
 * expectation, retries of earlier appends, reused ids, multi-stream appends, metadata, soft and hard
 * deletes) run as held batches of up to 24 on one store, and one by one on another. Every outcome (the
 * result, or the exception's type and message) and every read must be the same: an operation that
 * fails inside a batch is undone alone, and the operations after it see exactly what they would have
 * seen on their own. On both backends: PostgreSQL sends a batch's reads and its writes as compound
 * statements of their own, SQLite runs them one by one.
 */
class GroupCommitBatchTest {
  private static EmbeddedPostgres postgres;
  private static int schemas;

  private static final String[] STREAMS = {"a-1", "a-2", "b-1", "c"};
  private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-25T12:00:00Z"));

  @TempDir
  Path dir;

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  /** One operation on a store; returns a description of its outcome. */
  private interface Op extends Function<EventStore, String> {}

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgresql"})
  void batchesBehaveAsOperationsOneByOne(String backend) throws Exception {
    for (long seed = 1; seed <= 12; seed++) {
      compare(backend, seed);
    }
  }

  private void compare(String backend, long seed) throws Exception {
    Random random = new Random(seed);
    try (JdbcEventStore batched = open(backend, "batched-" + seed);
        JdbcEventStore single = open(backend, "single-" + seed);
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Earlier> earlier = new ArrayList<>();
      for (int round = 0; round < 25; round++) {
        int size = 1 + random.nextInt(24);
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          ops.add(randomOp(random, earlier));
        }
        // Batched: the first operation holds the writer until all the others are queued behind it.
        Runnable release = batched.writer().holdNextBatch();
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          Op op = ops.get(i);
          outcomes.add(callers.submit(() -> op.apply(batched)));
          int queuedBehind = i;
          long deadline = System.nanoTime() + 10_000_000_000L;
          while (batched.writer().queued() < queuedBehind || (i == 0 && !heldFirst(batched))) {
            if (System.nanoTime() > deadline) {
              throw new AssertionError("operation " + i + " was not queued");
            }
            Thread.onSpinWait();
          }
        }
        release.run();
        for (int i = 0; i < size; i++) {
          String alone = ops.get(i).apply(single);
          assertThat(outcomes.get(i).get()).as("seed %d, round %d, operation %d", seed, round, i)
              .isEqualTo(alone);
        }
        assertSameContent(batched, single, "seed " + seed + ", round " + round);
      }
    }
  }

  /** Whether the writer has taken the first operation (it then waits at the gate, queue empty). */
  private static boolean heldFirst(JdbcEventStore store) {
    return store.writer().queued() == 0 && Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().startsWith("eventstore-writer") && t.getState() == Thread.State.WAITING
            && Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getMethodName().equals("awaitGate")));
  }

  private JdbcEventStore open(String backend, String name) throws IOException, SQLException {
    String url;
    if (backend.equals("sqlite")) {
      url = "sqlite:" + dir.resolve(name + ".db");
    } else {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
      }
      String schema = "batch" + ++schemas;
      try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
        st.execute("CREATE SCHEMA " + schema);
      }
      url = "postgresql://postgres:postgres@localhost:" + postgres.getPort() + "/postgres?currentSchema=" + schema;
    }
    return (JdbcEventStore) EventStore.builder(url).durability(Durability.NORMAL).clock(CLOCK).build();
  }

  /** An append made earlier, to retry or to steal an id from. */
  private record Earlier(String stream, ExpectedVersion expected, List<EventData> events) {}

  private static Op randomOp(Random random, List<Earlier> earlier) {
    String stream = STREAMS[random.nextInt(STREAMS.length)];
    int kind = random.nextInt(100);
    if (kind < 10 && !earlier.isEmpty()) {
      // A retry of an earlier append, same events, same expectation (or another one).
      Earlier e = earlier.get(random.nextInt(earlier.size()));
      ExpectedVersion expected = random.nextBoolean() ? e.expected() : randomExpected(random);
      String target = random.nextInt(4) == 0 ? stream : e.stream();
      return store -> outcome(() -> store.append(target, expected, e.events()).toString());
    }
    if (kind < 15 && !earlier.isEmpty()) {
      // An id reused for other content.
      List<EventData> events = earlier.get(random.nextInt(earlier.size())).events();
      if (!events.isEmpty()) {
        EventData reused = event(random).withId(events.getFirst().id());
        return store -> outcome(() -> store.append(stream, ExpectedVersion.ANY, reused).toString());
      }
    }
    if (kind < 65) {
      List<EventData> events = events(random, random.nextInt(4));
      ExpectedVersion expected = randomExpected(random);
      earlier.add(new Earlier(stream, expected, events));
      return store -> outcome(() -> store.append(stream, expected, events).toString());
    }
    if (kind < 80) {
      String other = STREAMS[(Arrays.asList(STREAMS).indexOf(stream) + 1 + random.nextInt(STREAMS.length - 1))
          % STREAMS.length];
      List<StreamAppend> appends = List.of(
          new StreamAppend(stream, randomExpected(random), events(random, 1 + random.nextInt(2))),
          new StreamAppend(other, randomExpected(random), events(random, 1 + random.nextInt(2))));
      return store -> outcome(() -> store.appendMulti(appends).toString());
    }
    if (kind < 88) {
      StreamMetadata metadata = new StreamMetadata(random.nextBoolean() ? null : 1L + random.nextInt(4),
          null, random.nextBoolean() ? null : (long) random.nextInt(3));
      return store -> outcome(() -> {
        store.setStreamMetadata(stream, metadata);
        return "metadata set";
      });
    }
    ExpectedVersion expected = randomExpected(random);
    if (kind < 97) {
      return store -> outcome(() -> {
        store.deleteStream(stream, expected);
        return "deleted";
      });
    }
    return store -> outcome(() -> {
      store.tombstoneStream(stream, expected);
      return "tombstoned";
    });
  }

  private static ExpectedVersion randomExpected(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> ExpectedVersion.ANY;
      case 1 -> ExpectedVersion.NO_STREAM;
      case 2 -> ExpectedVersion.STREAM_EXISTS;
      default -> ExpectedVersion.exactly(random.nextInt(6));
    };
  }

  private static List<EventData> events(Random random, int n) {
    List<EventData> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(event(random));
    }
    return out;
  }

  private static EventData event(Random random) {
    EventData e = EventData.of("T" + random.nextInt(3),
        ("{\"n\":" + random.nextInt(1000) + "}").getBytes(StandardCharsets.UTF_8))
        .withId(new UUID(random.nextLong(), random.nextLong()));
    return random.nextInt(4) == 0
        ? e.withMetadata(new EventMetadata("corr-" + random.nextInt(3), null, Map.of("h", "v"))) : e;
  }

  private interface Action {
    String run();
  }

  private static String outcome(Action action) {
    try {
      return action.run();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private static void assertSameContent(EventStore a, EventStore b, String at) {
    assertThat(describe(a.readAll(1, 10_000))).as(at).isEqualTo(describe(b.readAll(1, 10_000)));
    for (String s : STREAMS) {
      assertThat(a.streamVersion(s)).as(at + ", version of " + s).isEqualTo(b.streamVersion(s));
      assertThat(a.streamMetadata(s)).as(at + ", metadata of " + s).isEqualTo(b.streamMetadata(s));
      assertThat(a.lastPosition()).as(at + ", last position").isEqualTo(b.lastPosition());
    }
  }

  private static List<String> describe(List<RecordedEvent> events) {
    return events.stream().map(e -> e.position() + " " + e.stream() + "@" + e.version() + " " + e.id() + " "
        + e.type() + " " + new String(e.data(), StandardCharsets.UTF_8) + " " + e.metadata() + " "
        + e.created()).toList();
  }
}
