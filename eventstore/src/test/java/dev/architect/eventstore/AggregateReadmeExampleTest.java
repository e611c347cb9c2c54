package dev.architect.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of the section "Aggregates, snapshots, projections" of eventstore/README.md, compiled and run. */
class AggregateReadmeExampleTest {
  @TempDir
  Path dir;

  // --- the example's types, as in the README ---
  record Deposit(long amount) {}

  record Deposited(long amount) {}

  record Balance(long amount) {}

  @Test
  void smallestAggregateExample() {
    try (EventStore store = EventStore.open("sqlite:" + dir.resolve("events.db"))) {
      EventCodec codec = EventCodec.builder().register("Deposited", Deposited.class).build();
      Aggregate<Balance, Deposit, Deposited> account = Aggregate.of(new Balance(0),
          (balance, e) -> new Balance(balance.amount() + e.amount()),
          (balance, c) -> List.of(new Deposited(c.amount())));
      AggregateRepository<Balance, Deposit, Deposited> accounts = AggregateRepository
          .builder(store, codec, account, Deposited.class)
          .category("account")
          .snapshots(SnapshotStore.inStreams(store), SnapshotPolicy.everyEvents(100), Balance.class, 1)
          .build();

      accounts.handle("42", new Deposit(100));
      accounts.handle("42", new Deposit(20));
      LoadedAggregate<Balance> loaded = accounts.load("42");
      assertThat(loaded.state()).isEqualTo(new Balance(120));   // README: new Balance(120)
      assertThat(loaded.version()).isEqualTo(1);                 // README: 1
      assertThat(accounts.loadAt("42", 0).state()).isEqualTo(new Balance(100)); // README: time travel
    }
  }

  @Test
  void upcastingExample() {
    record DepositedV2(long amount, String currency) {}
    EventCodec codec = EventCodec.builder()
        .register("Deposited", 2, DepositedV2.class)
        .upcast("Deposited", 1, data -> {
          data.put("currency", "EUR");
          return data;
        })
        .build();
    try (EventStore store = EventStore.open("sqlite:" + dir.resolve("events.db"))) {
      store.append("account-1", ExpectedVersion.ANY, EventData.json("Deposited", "{\"amount\":5}")); // v1, no header
      RecordedEvent old = store.readStream("account-1", 0, Direction.FORWARDS, 1).getFirst();
      assertThat(codec.decode(old, DepositedV2.class)).isEqualTo(new DepositedV2(5, "EUR"));
    }
  }

  /** The README's projection. */
  static final class Totals implements JdbcProjection {
    @Override
    public String name() {
      return "totals";
    }

    @Override
    public void setup(Connection c) throws SQLException {
      try (Statement st = c.createStatement()) {
        st.execute("CREATE TABLE IF NOT EXISTS totals (stream TEXT PRIMARY KEY, events BIGINT NOT NULL)");
      }
    }

    @Override
    public void reset(Connection c) throws SQLException {
      try (Statement st = c.createStatement()) {
        st.execute("DROP TABLE IF EXISTS totals");
      }
    }

    @Override
    public void handle(Connection c, RecordedEvent e) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO totals VALUES (?, 1) "
          + "ON CONFLICT (stream) DO UPDATE SET events = totals.events + 1")) {
        ps.setString(1, e.stream());
        ps.executeUpdate();
      }
    }
  }

  @Test
  void projectionExample() throws Exception {
    Path file = dir.resolve("events.db");
    try (EventStore store = EventStore.open("sqlite:" + file)) {
      store.append("account-1", ExpectedVersion.ANY, EventData.json("Deposited", "{\"amount\":5}"));
      ConnectionFactory readModel = ConnectionFactory.url("jdbc:sqlite:" + file);
      try (ProjectionRunner runner = ProjectionRunner.builder(store, readModel, new Totals()).category("account")
          .build()) {
        runner.catchUp();
        runner.rebuild((position, head, handled) -> System.out.printf("rebuild: %d/%d%n", position, head));
        runner.start();
        store.append("account-1", ExpectedVersion.exactly(0), EventData.json("Deposited", "{\"amount\":7}"));
        assertThat(runner.awaitPosition(store.lastPosition(), java.time.Duration.ofSeconds(30))).isTrue();
      }
      try (Connection c = readModel.open(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT events FROM totals WHERE stream = 'account-1'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(2);
      }
    }
  }
}
