package dev.architect.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.architect.eventstore.BankAccounts.Account;
import dev.architect.eventstore.BankAccounts.Close;
import dev.architect.eventstore.BankAccounts.Command;
import dev.architect.eventstore.BankAccounts.Deposit;
import dev.architect.eventstore.BankAccounts.Event;
import dev.architect.eventstore.BankAccounts.Open;
import dev.architect.eventstore.BankAccounts.Withdraw;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Snapshots in both built-in stores: taken by policy, used on load, ignored when of another schema
 * version or when the stream no longer holds their event; and on random histories, snapshot + tail
 * equals a full replay.
 */
class SnapshotTest {
  /** A state type of an earlier schema: what an old deployment snapshotted. */
  record AccountV1(String owner, long balance) {}

  @TempDir
  Path dir;
  private EventStore store;
  private final EventCodec codec = BankAccounts.codec();

  @BeforeEach
  void open() {
    store = EventStore.builder("sqlite:" + dir.resolve("events.db")).durability(Durability.NORMAL).build();
  }

  @AfterEach
  void close() {
    store.close();
  }

  static Stream<Arguments> stores() {
    Function<SnapshotTest, SnapshotStore> inStreams = t -> SnapshotStore.inStreams(t.store);
    Function<SnapshotTest, SnapshotStore> jdbc = t -> SnapshotStore.jdbc(
        ConnectionFactory.url("jdbc:sqlite:" + t.dir.resolve("events.db"))); // the store's own file
    return Stream.of(Arguments.of("in streams", inStreams), Arguments.of("jdbc table", jdbc));
  }

  private AggregateRepository<Account, Command, Event> repository(SnapshotStore snapshots, int every, int schema) {
    return AggregateRepository.builder(store, codec, BankAccounts.AGGREGATE, Event.class).category("account")
        .snapshots(snapshots, SnapshotPolicy.everyEvents(every), Account.class, schema).build();
  }

  private AggregateRepository<Account, Command, Event> withoutSnapshots() {
    return AggregateRepository.builder(store, codec, BankAccounts.AGGREGATE, Event.class).category("account").build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void takesSnapshotsByPolicyAndLoadsFromTheNewest(String name, Function<SnapshotTest, SnapshotStore> make) {
    SnapshotStore snapshots = make.apply(this);
    var accounts = repository(snapshots, 4, 1);
    accounts.handle("1", new Open("Ada", 0));
    boolean[] taken = new boolean[11];
    for (int v = 1; v <= 10; v++) {
      taken[v] = accounts.handle("1", new Deposit(v)).snapshotTaken();
    }
    // Versions 3 (4 events since none), 7 (4 since 3): and not 10 (3 since 7).
    assertThat(taken).containsExactly(false, false, false, true, false, false, false, true, false, false, false);
    List<Snapshot> kept = snapshots.newestFirst("account-1");
    // Newest first; the table keeps one per schema version, the streams the newest three.
    assertThat(kept).extracting(Snapshot::version).containsExactlyElementsOf(name.equals("jdbc table")
        ? List.of(7L) : List.of(7L, 3L));
    assertThat(kept.getFirst().schemaVersion()).isEqualTo(1);
    assertThat(kept.getFirst().eventId()).isEqualTo(store.readStream("account-1", 7, Direction.FORWARDS, 1).getFirst().id());
    assertThat(kept.getFirst().stateAsString())
        .isEqualTo("{\"open\":true,\"closed\":false,\"owner\":\"Ada\",\"balance\":28,\"overdraft\":0,\"transactions\":7}");

    LoadedAggregate<Account> loaded = accounts.load("1");
    assertThat(loaded.snapshotVersion()).isEqualTo(7);
    assertThat(loaded.eventsReplayed()).isEqualTo(3);
    assertThat(loaded.version()).isEqualTo(10);
    LoadedAggregate<Account> full = withoutSnapshots().load("1");
    assertThat(full.eventsReplayed()).isEqualTo(11);
    assertThat(loaded.state()).isEqualTo(full.state());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void ignoresASnapshotOfAnotherSchemaVersion(String name, Function<SnapshotTest, SnapshotStore> make) {
    SnapshotStore snapshots = make.apply(this);
    withoutSnapshots().handle("2", new Open("Bob", 0));
    withoutSnapshots().handle("2", new Deposit(40));
    UUID last = store.readStream("account-2", 1, Direction.FORWARDS, 1).getFirst().id();
    // An older deployment's snapshot at the stream's head, with a different shape (and a wrong balance, to
    // show that it is never folded in).
    snapshots.save(new Snapshot("account-2", 1, last, 1, "{\"owner\":\"Bob\",\"balance\":999}".getBytes()));
    var v2 = repository(snapshots, 100, 2);
    LoadedAggregate<Account> loaded = v2.load("2");
    assertThat(loaded.snapshotVersion()).isEqualTo(-1);
    assertThat(loaded.eventsReplayed()).isEqualTo(2);
    assertThat(loaded.state().balance()).isEqualTo(40);

    // The same snapshot at the matching schema version but a state type that no longer reads it: an error
    // that says what to do, never a misread.
    var mismatched = repository(snapshots, 100, 1);
    assertThatThrownBy(() -> mismatched.load("2")).isInstanceOf(EventStoreException.class)
        .hasMessageStartingWith("snapshot of stream 'account-2' at version 1 (schema version 1) cannot be read as "
            + "Account: ")
        .hasMessageEndingWith("; give the snapshots a new schema version when the state type changes");
    // And as the old state type, it reads.
    var old = AggregateRepository.builder(store, codec,
        Aggregate.<AccountV1, Command, Event>of(new AccountV1(null, 0), (s, e) -> s, (s, c) -> List.of()), Event.class)
        .category("account").snapshots(snapshots, SnapshotPolicy.NEVER, AccountV1.class, 1).build();
    assertThat(old.load("2")).isEqualTo(new LoadedAggregate<>("account-2", new AccountV1("Bob", 999), 1, 1, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void ignoresASnapshotWhoseEventIsGone(String name, Function<SnapshotTest, SnapshotStore> make) {
    SnapshotStore snapshots = make.apply(this);
    var accounts = repository(snapshots, 2, 1);
    accounts.handle("3", new Open("Cy", 0));
    assertThat(accounts.handle("3", new Deposit(70)).snapshotTaken()).isTrue();
    // Soft delete, then recreate: versions continue, but the snapshot's event (version 1) is gone.
    store.deleteStream("account-3", ExpectedVersion.exactly(1));
    assertThat(accounts.load("3")).isEqualTo(new LoadedAggregate<>("account-3", Account.NONE, -1, -1, 0));
    withoutSnapshots().handle("3", new Open("Cy again", 0));
    LoadedAggregate<Account> loaded = accounts.load("3");
    assertThat(loaded.snapshotVersion()).isEqualTo(-1);
    assertThat(loaded.state()).isEqualTo(new Account(true, false, "Cy again", 0, 0, 0));
    assertThat(loaded.version()).isEqualTo(2);
    assertThat(loaded.eventsReplayed()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void snapshotPlusTailEqualsFullReplayOnRandomHistories(String name, Function<SnapshotTest, SnapshotStore> make) {
    SnapshotStore snapshots = make.apply(this);
    AggregateRepository<Account, Command, Event> reference = withoutSnapshots();
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    int snapshotLoads = 0;
    for (int history = 0; history < 12; history++) {
      int every = 1 + random.nextInt(8);
      var accounts = repository(snapshots, every, 1);
      String id = "h" + history;
      int commands = 10 + random.nextInt(50);
      for (int i = 0; i < commands; i++) {
        Command c = switch (random.nextInt(10)) {
          case 0 -> new Open("owner" + random.nextInt(3), random.nextInt(100));
          case 1 -> new Close();
          case 2, 3, 4 -> new Withdraw(1 + random.nextInt(80));
          default -> new Deposit(1 + random.nextInt(60));
        };
        try {
          accounts.handle(id, c);
        } catch (IllegalStateException | IllegalArgumentException rejected) {
          // a rejected command writes nothing: part of the history too
        }
        LoadedAggregate<Account> fast = accounts.load(id);
        LoadedAggregate<Account> full = reference.load(id);
        assertThat(fast.state()).as("seed %d, history %d, command %d: %s", seed, history, i, c).isEqualTo(full.state());
        assertThat(fast.version()).isEqualTo(full.version());
        if (fast.snapshotVersion() >= 0) {
          snapshotLoads++;
          assertThat(fast.eventsReplayed()).isLessThan(every).isEqualTo((int) (fast.version() - fast.snapshotVersion()));
        }
        if (full.version() >= 0 && random.nextInt(4) == 0) {
          long at = random.nextLong(full.version() + 1);
          assertThat(accounts.loadAt(id, at).state()).isEqualTo(reference.loadAt(id, at).state());
        }
      }
    }
    assertThat(snapshotLoads).as("seed %d: loads that used a snapshot", seed).isPositive();
  }

  @Test
  void validatesSnapshotsAndPolicies() {
    UUID id = UUID.randomUUID();
    assertThatThrownBy(() -> new Snapshot("a-1", -1, id, 1, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("snapshot version must be >= 0, was -1");
    assertThatThrownBy(() -> new Snapshot("a-1", 0, id, 0, new byte[0]))
        .hasMessage("snapshot schema version must be >= 1, was 0");
    assertThatThrownBy(() -> SnapshotPolicy.everyEvents(0)).hasMessage("snapshot interval must be >= 1 event, was 0");
    assertThat(SnapshotPolicy.everyEvents(3).shouldSnapshot(2, 3)).isTrue();
    assertThat(SnapshotPolicy.everyEvents(3).shouldSnapshot(9, 2)).isFalse();
    assertThat(SnapshotPolicy.NEVER.shouldSnapshot(1_000, 1_000)).isFalse();
    assertThat(new Snapshot("a-1", 0, id, 1, "{}".getBytes()))
        .isEqualTo(new Snapshot("a-1", 0, id, 1, "{}".getBytes()))
        .hasToString("Snapshot[a-1@0, schema version 1, 2 bytes]");
    assertThatThrownBy(() -> ConnectionFactory.url("sqlite:x.db"))
        .hasMessage("jdbcUrl must start with jdbc:, was 'sqlite:x.db'");
  }

  @Test
  void snapshotStreamsKeepTheNewestThreeAndStayOutOfTheAggregatesCategory() {
    var accounts = repository(SnapshotStore.inStreams(store), 1, 1);
    accounts.handle("k", new Open("Kim", 0));
    for (int i = 0; i < 5; i++) {
      accounts.handle("k", new Deposit(1));
    }
    assertThat(store.readStream("snapshot-account-k", 0, Direction.FORWARDS, 100)).extracting(RecordedEvent::version)
        .containsExactly(3L, 4L, 5L);
    assertThat(store.streamMetadata("snapshot-account-k").maxCount()).isEqualTo(3);
    assertThat(store.readCategory("account", 0, 100)).hasSize(6);
    assertThat(SnapshotStore.inStreams(store).newestFirst("account-k")).extracting(Snapshot::version)
        .containsExactly(5L, 4L, 3L);
    // A foreign event in a snapshot stream is never taken for a snapshot.
    store.append("snapshot-account-q", ExpectedVersion.ANY, EventData.json("Snapshot", "{}"));
    assertThat(SnapshotStore.inStreams(store).newestFirst("account-q")).isEmpty();
  }
}
