package dev.architect.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.architect.eventstore.BankAccounts.Deposit;
import dev.architect.eventstore.BankAccounts.Event;
import dev.architect.eventstore.BankAccounts.Open;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The projection runner on SQLite, read model in the store's own file: batches with their checkpoint in
 * one transaction, failures and a killed process without double counting, rebuilds with progress,
 * live mode, and two runners racing for one checkpoint.
 */
class ProjectionRunnerTest {
  @TempDir
  Path dir;
  private EventStore store;
  private ConnectionFactory readModel;
  private final List<ProjectionRunner> runners = new ArrayList<>();

  @BeforeEach
  void open() {
    Path file = dir.resolve("events.db");
    store = EventStore.builder("sqlite:" + file).durability(Durability.NORMAL).pollInterval(Duration.ofMillis(20))
        .build();
    readModel = ConnectionFactory.url("jdbc:sqlite:" + file);
  }

  @AfterEach
  void close() {
    runners.forEach(ProjectionRunner::close);
    store.close();
  }

  private ProjectionRunner runner(BalanceProjection projection, int batchSize) {
    ProjectionRunner r = ProjectionRunner.builder(store, readModel, projection).category("account")
        .batchSize(batchSize).build();
    runners.add(r);
    return r;
  }

  @Test
  void catchesUpInBatchesAndKeepsTheCheckpointWithTheReadModel() throws Exception {
    BalanceProjection.fill(store, 5, 23, 1);
    store.append("other-1", ExpectedVersion.ANY, EventData.json("Noise", "{}"));
    ProjectionRunner runner = runner(new BalanceProjection(), 7);
    assertThat(runner.checkpoint()).isZero();
    List<long[]> progress = new ArrayList<>();
    assertThat(runner.catchUp((position, head, handled) -> progress.add(new long[] {position, head, handled})))
        .isEqualTo(115);
    assertThat(BalanceProjection.read(readModel)).isEqualTo(BalanceProjection.expected(store));
    assertThat(runner.checkpoint()).isEqualTo(store.lastPosition()).isEqualTo(116);
    assertThat(progress).hasSize(18); // 17 batches (16 of 7, one of 3 plus the jump to the head), then the end
    assertThat(progress.getLast()).containsExactly(116, 116, 115);
    for (int i = 1; i < progress.size(); i++) {
      assertThat(progress.get(i)[0]).isGreaterThanOrEqualTo(progress.get(i - 1)[0]);
    }
    assertThat(runner.catchUp()).isZero();

    BalanceProjection.fill(store, 7, 30, 2); // 30 more on each old account, 30 on each new one
    assertThat(runner.catchUp()).isEqualTo(7 * 30);
    assertThat(BalanceProjection.read(readModel)).isEqualTo(BalanceProjection.expected(store));
  }

  @Test
  void aFailureRollsBackItsBatchAndARestartCountsEveryEventOnce() throws Exception {
    BalanceProjection.fill(store, 4, 25, 3);
    BalanceProjection failing = new BalanceProjection();
    failing.failAt = 37; // in the sixth batch of 7
    ProjectionRunner runner = runner(failing, 7);
    assertThatThrownBy(runner::catchUp).isInstanceOf(EventStoreException.class)
        .hasMessageStartingWith("projection 'balances' failed on the batch of positions 36 to 42 (rolled back; the "
            + "checkpoint stays at 35): java.lang.IllegalStateException: projection failed on purpose at ");
    assertThat(runner.checkpoint()).isEqualTo(35);
    long counted = BalanceProjection.read(readModel).values().stream().mapToLong(v -> v.get(1)).sum();
    assertThat(counted).isEqualTo(35); // the failed batch's first event was undone with it

    // A new runner (a restart) picks up at 36.
    assertThat(runner(new BalanceProjection(), 7).catchUp()).isEqualTo(100 - 35);
    assertThat(BalanceProjection.read(readModel)).isEqualTo(BalanceProjection.expected(store));
  }

  @Test
  void aKilledProjectionProcessRestartsWithoutDoubleCounting() throws Exception {
    BalanceProjection.fill(store, 40, 50, 4);
    runner(new BalanceProjection(), 50); // creates the tables before the child runs
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        ProjectionChild.class.getName(), dir.resolve("events.db").toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    long lastAcknowledged = -1;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      for (int n = 0; line != null && n < 5; n++, line = out.readLine()) {
        lastAcknowledged = Long.parseLong(line.substring("committed ".length()));
      }
      child.destroyForcibly(); // SIGKILL, most likely in the middle of the next batch's transaction
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    assertThat(lastAcknowledged).isEqualTo(250);
    ProjectionRunner restarted = runner(new BalanceProjection(), 50);
    long checkpoint = restarted.checkpoint();
    assertThat(checkpoint).isGreaterThanOrEqualTo(250).isLessThanOrEqualTo(2000);
    assertThat(BalanceProjection.read(readModel).values().stream().mapToLong(v -> v.get(1)).sum()).isEqualTo(checkpoint);
    assertThat(restarted.catchUp()).isEqualTo(2000 - checkpoint);
    assertThat(BalanceProjection.read(readModel)).isEqualTo(BalanceProjection.expected(store));
  }

  @Test
  void rebuildsFromZeroWithProgress() throws Exception {
    BalanceProjection.fill(store, 3, 40, 5);
    ProjectionRunner runner = runner(new BalanceProjection(), 25);
    runner.catchUp();
    try (Connection c = readModel.open(); Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE balances SET balance = -1"); // a read model gone wrong (say, a bug since fixed)
    }
    List<String> progress = new ArrayList<>();
    assertThat(runner.rebuild((position, head, handled) -> progress.add(position + "/" + head + ":" + handled)))
        .isEqualTo(120);
    assertThat(progress).containsExactly("25/120:25", "50/120:50", "75/120:75", "100/120:100", "120/120:120",
        "120/120:120");
    assertThat(BalanceProjection.read(readModel)).isEqualTo(BalanceProjection.expected(store));
    assertThat(runner.checkpoint()).isEqualTo(120);
  }

  @Test
  void followsNewEventsLive() throws Exception {
    BalanceProjection.fill(store, 2, 10, 6);
    ProjectionRunner runner = runner(new BalanceProjection(), 5);
    runner.start();
    assertThat(runner.isLive()).isTrue();
    assertThat(runner.checkpoint()).isEqualTo(20);
    var accounts = AggregateRepository.builder(store, BankAccounts.codec(), BankAccounts.AGGREGATE, Event.class)
        .category("account").build();
    accounts.handle("live", new Open("Liv", 0));
    for (int i = 1; i <= 10; i++) {
      accounts.handle("live", new Deposit(i));
    }
    assertThat(runner.awaitPosition(store.lastPosition(), Duration.ofSeconds(30))).isTrue();
    assertThat(BalanceProjection.read(readModel)).containsEntry("account-live", List.of(55L, 11L))
        .isEqualTo(BalanceProjection.expected(store));
    assertThatThrownBy(runner::catchUp).isInstanceOf(IllegalStateException.class)
        .hasMessage("projection 'balances' is running live: stop() it first");
    assertThatThrownBy(runner::start).hasMessage("projection 'balances' is running live: stop() it first");
    runner.stop();
    assertThat(runner.isLive()).isFalse();
    accounts.handle("live", new Deposit(100));
    runner.start(); // resumes from the checkpoint
    assertThat(runner.awaitPosition(store.lastPosition(), Duration.ofSeconds(30))).isTrue();
    assertThat(BalanceProjection.read(readModel)).containsEntry("account-live", List.of(155L, 12L));
    runner.stop();
    assertThat(runner.failure()).isNull();
  }

  @Test
  void aFailureStopsLiveModeAndIsReported() throws Exception {
    BalanceProjection failing = new BalanceProjection();
    ProjectionRunner runner = runner(failing, 5);
    runner.start();
    failing.failAt = failing.handled.get() + 2;
    BalanceProjection.fill(store, 1, 3, 7);
    assertThat(runner.awaitPosition(3, Duration.ofSeconds(30))).isFalse();
    assertThat(runner.isLive()).isFalse();
    assertThat(runner.failure()).isInstanceOf(EventStoreException.class)
        .hasMessageStartingWith("projection 'balances' failed on the batch of positions 2 to 2 (rolled back; the "
            + "checkpoint stays at 1)");
    assertThat(runner.checkpoint()).isEqualTo(1);
    failing.failAt = Long.MAX_VALUE;
    assertThat(runner.catchUp()).isEqualTo(2); // the failed live mode is cleaned up; nothing counted twice
    assertThat(BalanceProjection.read(readModel)).isEqualTo(BalanceProjection.expected(store));
    assertThat(runner.failure()).isNotNull();
  }

  @Test
  void twoRunnersCannotBothCommitABatch() throws Exception {
    BalanceProjection.fill(store, 2, 30, 8);
    ProjectionRunner first = runner(new BalanceProjection(), 10);
    ProjectionRunner second = runner(new BalanceProjection(), 10);
    long[] secondHandled = new long[1];
    // After the first runner's first batch, the second runner does all the rest; the first one's next batch
    // must then fail on the checkpoint, not count again.
    assertThatThrownBy(() -> first.catchUp((position, head, handled) -> {
      if (position == 10) {
        secondHandled[0] = second.catchUp();
      }
    })).isInstanceOf(EventStoreException.class)
        .hasMessage("checkpoint of projection 'balances' is no longer 10: another runner is working on it (this batch "
            + "was rolled back)");
    assertThat(secondHandled[0]).isEqualTo(50);
    assertThat(BalanceProjection.read(readModel)).isEqualTo(BalanceProjection.expected(store));
  }

  @Test
  void onAllSkipsSnapshotStreams() throws Exception {
    var accounts = AggregateRepository.builder(store, BankAccounts.codec(), BankAccounts.AGGREGATE, Event.class)
        .category("account").snapshots(SnapshotStore.inStreams(store), SnapshotPolicy.everyEvents(2),
            BankAccounts.Account.class, 1).build();
    accounts.handle("s", new Open("Sam", 0));
    for (int i = 0; i < 5; i++) {
      accounts.handle("s", new Deposit(10));
    }
    assertThat(store.readCategory("snapshot", 0, 100)).hasSize(3);
    BalanceProjection projection = new BalanceProjection();
    ProjectionRunner all = ProjectionRunner.builder(store, readModel, projection).build();
    runners.add(all);
    assertThat(all.catchUp()).isEqualTo(6);
    assertThat(all.checkpoint()).isEqualTo(store.lastPosition()).isEqualTo(9);
    assertThat(BalanceProjection.read(readModel)).isEqualTo(Map.of("account-s", List.of(50L, 6L)));
  }

  @Test
  void rejectsBadSettings() {
    var builder = ProjectionRunner.builder(store, readModel, new BalanceProjection());
    assertThatThrownBy(() -> builder.batchSize(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batchSize must be >= 1, was 0");
    assertThatThrownBy(() -> builder.category("a-b"))
        .hasMessage("category must be non-empty and without '-', was 'a-b'");
    JdbcProjection unnamed = new BalanceProjection() {
      @Override
      public String name() {
        return "";
      }
    };
    assertThatThrownBy(() -> ProjectionRunner.builder(store, readModel, unnamed).build())
        .hasMessage("projection name must be 1 to 200 characters, was ''");
    ProjectionRunner runner = runner(new BalanceProjection(), 1);
    assertThatThrownBy(() -> runner.awaitPosition(1, Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class)
        .hasMessage("projection 'balances' is not running live");
    ConnectionFactory broken = ConnectionFactory.url("jdbc:nosuchdb:x");
    assertThatThrownBy(() -> ProjectionRunner.builder(store, broken, new BalanceProjection()).build())
        .isInstanceOf(EventStoreException.class)
        .hasMessage("cannot set up projection 'balances': No suitable driver found for jdbc:nosuchdb:x");
  }
}
