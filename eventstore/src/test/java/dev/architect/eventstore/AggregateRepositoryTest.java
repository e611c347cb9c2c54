package dev.architect.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.architect.eventstore.BankAccounts.Account;
import dev.architect.eventstore.BankAccounts.Close;
import dev.architect.eventstore.BankAccounts.Command;
import dev.architect.eventstore.BankAccounts.Deposit;
import dev.architect.eventstore.BankAccounts.Deposited;
import dev.architect.eventstore.BankAccounts.Event;
import dev.architect.eventstore.BankAccounts.Open;
import dev.architect.eventstore.BankAccounts.Opened;
import dev.architect.eventstore.BankAccounts.Withdraw;
import dev.architect.eventstore.BankAccounts.Withdrawn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Load, decide, save with optimistic concurrency and retries; time travel; the errors. */
class AggregateRepositoryTest {
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

  private AggregateRepository<Account, Command, Event> accounts(Aggregate<Account, Command, Event> aggregate) {
    return AggregateRepository.builder(store, codec, aggregate, Event.class).category("account").build();
  }

  @Test
  void handlesCommandsIntoEventsAndLoadsTheFold() {
    var accounts = accounts(BankAccounts.AGGREGATE);
    CommandResult<Account, Event> opened = accounts.handle("42", new Open("Ada", 50));
    assertThat(opened.stream()).isEqualTo("account-42");
    assertThat(opened.events()).containsExactly(new Opened("Ada", 50));
    assertThat(opened.version()).isZero();
    assertThat(opened.attempts()).isEqualTo(1);
    assertThat(opened.snapshotTaken()).isFalse();
    accounts.handle("42", new Deposit(100), EventMetadata.EMPTY.withCorrelationId("req-7"));
    CommandResult<Account, Event> last = accounts.handle("42", new Withdraw(130));
    assertThat(last.state()).isEqualTo(new Account(true, false, "Ada", -30, 50, 2));
    assertThat(last.version()).isEqualTo(2);

    LoadedAggregate<Account> loaded = accounts.load("42");
    assertThat(loaded).isEqualTo(new LoadedAggregate<>("account-42", last.state(), 2, -1, 3));
    assertThat(loaded.expectedVersion()).isEqualTo(ExpectedVersion.exactly(2));
    List<RecordedEvent> stream = store.readStream("account-42", 0, Direction.FORWARDS, 10);
    assertThat(stream).extracting(RecordedEvent::type).containsExactly("Opened", "Deposited", "Withdrawn");
    assertThat(stream.get(1).metadata().correlationId()).isEqualTo("req-7");
    assertThat(stream.get(2).dataAsString()).isEqualTo("{\"amount\":130}");

    LoadedAggregate<Account> none = accounts.load("7");
    assertThat(none).isEqualTo(new LoadedAggregate<>("account-7", Account.NONE, -1, -1, 0));
    assertThat(none.expectedVersion()).isEqualTo(ExpectedVersion.NO_STREAM);
  }

  @Test
  void aRejectedCommandWritesNothingAndAnEmptyDecisionNeither() {
    var accounts = accounts(BankAccounts.AGGREGATE);
    accounts.handle("1", new Open("Bob", 10));
    accounts.handle("1", new Deposit(5));
    assertThatThrownBy(() -> accounts.handle("1", new Withdraw(16)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("withdrawing 16 would take the balance to -11, below the overdraft limit of -10");
    assertThatThrownBy(() -> accounts.handle("2", new Deposit(5))).hasMessage("account is not open");
    CommandResult<Account, Event> noop = accounts.handle("1", new Close());
    assertThat(noop.events()).isEmpty();
    assertThat(noop.version()).isEqualTo(1);
    assertThat(store.streamVersion("account-1")).isEqualTo(1);
    assertThat(store.streamVersion("account-2")).isEqualTo(-1);
  }

  @Test
  void retriesWhenAnotherWriterGotThereFirst() {
    AtomicInteger decisions = new AtomicInteger();
    Aggregate<Account, Command, Event> interfering = Aggregate.of(Account.NONE, BankAccounts::apply, (state, c) -> {
      if (decisions.incrementAndGet() == 1) { // a concurrent writer appends between our load and our append
        store.append("account-9", ExpectedVersion.exactly(1), codec.encode(new Deposited(1000)));
      }
      return BankAccounts.decide(state, c);
    });
    var accounts = accounts(BankAccounts.AGGREGATE);
    accounts.handle("9", new Open("Cy", 0));
    accounts.handle("9", new Deposit(100));
    // Attempt 1 decides on the stale state (balance 100) and its append finds version 2, not 1; attempt 2
    // loads again (balance 1100) and decides again.
    CommandResult<Account, Event> result = accounts(interfering).handle("9", new Withdraw(100));
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(result.state().balance()).isEqualTo(1000);
    assertThat(result.version()).isEqualTo(3);
    assertThat(accounts.load("9").state().balance()).isEqualTo(1000);
  }

  @Test
  void givesUpAfterMaxAttempts() {
    var accounts = accounts(BankAccounts.AGGREGATE);
    accounts.handle("5", new Open("Di", 0));
    Aggregate<Account, Command, Event> alwaysLate = Aggregate.of(Account.NONE, BankAccounts::apply, (state, c) -> {
      store.append("account-5", ExpectedVersion.ANY, codec.encode(new Deposited(1)));
      return BankAccounts.decide(state, c);
    });
    var repository = AggregateRepository.builder(store, codec, alwaysLate, Event.class).category("account")
        .maxAttempts(3).build();
    assertThatThrownBy(() -> repository.handle("5", new Deposit(10)))
        .isInstanceOfSatisfying(AggregateConflictException.class, e -> {
          assertThat(e.stream()).isEqualTo("account-5");
          assertThat(e.attempts()).isEqualTo(3);
          assertThat(e.getCause()).isInstanceOf(WrongExpectedVersionException.class);
        })
        .hasMessage("command on stream 'account-5' conflicted with concurrent writers on all 3 attempts; last: "
            + "wrong expected version for stream 'account-5': expected 2, actual 3");
    assertThat(accounts.load("5").state().balance()).isEqualTo(3); // only the interfering deposits
  }

  @Test
  void concurrentCommandsOnOneAccountLoseNothing() throws Exception {
    var accounts = AggregateRepository.builder(store, codec, BankAccounts.AGGREGATE, Event.class).category("account")
        .maxAttempts(10_000).build();
    accounts.handle("shared", new Open("Eve", 0));
    int threads = 8;
    int each = 20;
    List<Future<Integer>> attempts = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (int t = 0; t < threads; t++) {
        int amount = t + 1;
        attempts.add(pool.submit(() -> {
          int sum = 0;
          for (int i = 0; i < each; i++) {
            sum += accounts.handle("shared", new Deposit(amount)).attempts();
          }
          return sum;
        }));
      }
      int total = 0;
      for (Future<Integer> f : attempts) {
        total += f.get();
      }
      assertThat(total).isGreaterThanOrEqualTo(threads * each);
    }
    LoadedAggregate<Account> loaded = accounts.load("shared");
    assertThat(loaded.state().balance()).isEqualTo(each * (1 + 2 + 3 + 4 + 5 + 6 + 7 + 8));
    assertThat(loaded.state().transactions()).isEqualTo(threads * each);
    assertThat(loaded.version()).isEqualTo(threads * each);
  }

  @Test
  void travelsBackToAnEarlierVersion() {
    var accounts = accounts(BankAccounts.AGGREGATE);
    accounts.handle("t", new Open("Flo", 0));
    for (int i = 1; i <= 5; i++) {
      accounts.handle("t", new Deposit(i * 10));
    }
    accounts.handle("t", new Withdraw(100));
    assertThat(accounts.loadAt("t", 0)).isEqualTo(new LoadedAggregate<>("account-t", new Account(true, false, "Flo",
        0, 0, 0), 0, -1, 1));
    assertThat(accounts.loadAt("t", 3).state().balance()).isEqualTo(60);
    assertThat(accounts.loadAt("t", 6).state().balance()).isEqualTo(50);
    assertThat(accounts.loadAt("t", 6).state()).isEqualTo(accounts.load("t").state());
    assertThatThrownBy(() -> accounts.loadAt("t", 7))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("version of stream 'account-t' must be at most 6, was 7");
    assertThatThrownBy(() -> accounts.loadAt("none", 0))
        .hasMessage("stream 'account-none' has no events, so no version 0");
    assertThatThrownBy(() -> accounts.loadAt("t", -1)).hasMessage("version must be >= 0, was -1");
  }

  @Test
  void reportsBadConfigurationAndBadEvents() {
    var builder = AggregateRepository.builder(store, codec, BankAccounts.AGGREGATE, Event.class);
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
        .hasMessage("category is required: call category(...) before build()");
    assertThatThrownBy(() -> builder.category("bank-account")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("category must be non-empty, without '-' and not start with '$', was 'bank-account'");
    assertThatThrownBy(() -> builder.category("")).hasMessageEndingWith("was ''");
    assertThatThrownBy(() -> builder.maxAttempts(0)).hasMessage("maxAttempts must be >= 1, was 0");
    assertThatThrownBy(() -> builder.snapshots(SnapshotStore.inStreams(store), SnapshotPolicy.NEVER, Account.class, 0))
        .hasMessage("snapshot schema version must be >= 1, was 0");
    var accounts = accounts(BankAccounts.AGGREGATE);
    assertThatThrownBy(() -> accounts.load("")).hasMessage("aggregate id must not be empty");
    store.append("account-x", ExpectedVersion.NO_STREAM, EventData.json("Opened", "{\"owner\":\"X\"}"));
    assertThatThrownBy(() -> accounts.load("x")).isInstanceOf(EventDecodingException.class)
        .hasMessage("event type 'Opened' at version 0 of stream 'account-x' does not fit Opened: Missing creator "
            + "property 'overdraft' (index 1); `DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES` enabled");
    store.append("account-y", ExpectedVersion.NO_STREAM, EventData.json("Audited", "{}"));
    assertThatThrownBy(() -> accounts.load("y"))
        .hasMessage("no Java type registered for event type 'Audited' (stream 'account-y', version 0)");
    Aggregate<Account, Command, Object> notRecords = Aggregate.of(Account.NONE, (s, e) -> s,
        (s, c) -> List.of("a string"));
    var strings = AggregateRepository.builder(store, codec, notRecords, Object.class).category("account").build();
    assertThatThrownBy(() -> strings.handle("z", new Open("Z", 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("decide must return records, returned a java.lang.String");
    assertThat(store.streamVersion("account-z")).isEqualTo(-1);
  }
}
