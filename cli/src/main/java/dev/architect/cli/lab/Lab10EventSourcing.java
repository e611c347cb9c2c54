package dev.architect.cli.lab;

import dev.architect.eventstore.Aggregate;
import dev.architect.eventstore.AggregateRepository;
import dev.architect.eventstore.CommandResult;
import dev.architect.eventstore.ConnectionFactory;
import dev.architect.eventstore.Direction;
import dev.architect.eventstore.EventCodec;
import dev.architect.eventstore.EventData;
import dev.architect.eventstore.EventMetadata;
import dev.architect.eventstore.EventStore;
import dev.architect.eventstore.ExpectedVersion;
import dev.architect.eventstore.JdbcProjection;
import dev.architect.eventstore.LoadedAggregate;
import dev.architect.eventstore.ProjectionRunner;
import dev.architect.eventstore.RecordedEvent;
import dev.architect.eventstore.SnapshotPolicy;
import dev.architect.eventstore.SnapshotStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lab 10, the counterpart of the course's event-sourcing lab: a bank account aggregate (open, deposit,
 * withdraw within an overdraft) driven by commands, its event stream, a balance projection in a JDBC
 * read model, a snapshot and a load that uses it, a replay to an earlier version, and an upcast of an
 * event written at an older schema. Everything runs on a fresh SQLite file in a temporary directory.
 */
public final class Lab10EventSourcing implements Lab {
  /** Commands of the account. */
  sealed interface Command permits Open, Deposit, Withdraw {}

  record Open(String owner, long overdraft) implements Command {}

  record Deposit(long amount) implements Command {}

  record Withdraw(long amount) implements Command {}

  /** Events of the account. */
  sealed interface Event permits Opened, Deposited, Withdrawn {}

  record Opened(String owner, long overdraft) implements Event {}

  /** Schema version 2: version 1 had no {@code memo}. */
  record Deposited(long amount, String memo) implements Event {}

  record Withdrawn(long amount) implements Event {}

  /** The account's state, also what its snapshots hold. */
  record Account(String owner, long balance, long overdraft, int transactions) {
    static final Account NONE = new Account(null, 0, 0, 0);

    boolean isOpen() {
      return owner != null;
    }
  }

  /** Version 1 of the deposit event, as an old release wrote it. */
  record DepositedV1(long amount) {}

  private static final int SNAPSHOT_EVERY = 5;

  @Override
  public int number() {
    return 10;
  }

  @Override
  public String title() {
    return "Event sourcing";
  }

  static final Aggregate<Account, Command, Event> ACCOUNT = Aggregate.of(Account.NONE,
      Lab10EventSourcing::apply, Lab10EventSourcing::decide);

  static Account apply(Account a, Event e) {
    return switch (e) {
      case Opened o -> new Account(o.owner(), 0, o.overdraft(), 0);
      case Deposited d -> new Account(a.owner(), a.balance() + d.amount(), a.overdraft(), a.transactions() + 1);
      case Withdrawn w -> new Account(a.owner(), a.balance() - w.amount(), a.overdraft(), a.transactions() + 1);
    };
  }

  static List<Event> decide(Account a, Command c) {
    return switch (c) {
      case Open o -> {
        if (a.isOpen()) {
          throw new IllegalStateException("account is already open");
        }
        yield List.of(new Opened(o.owner(), o.overdraft()));
      }
      case Deposit d -> {
        requireOpenAndPositive(a, d.amount());
        yield List.of(new Deposited(d.amount(), "deposit #" + (a.transactions() + 1)));
      }
      case Withdraw w -> {
        requireOpenAndPositive(a, w.amount());
        if (a.balance() - w.amount() < -a.overdraft()) {
          throw new IllegalStateException("withdrawing " + w.amount() + " would take the balance to "
              + (a.balance() - w.amount()) + ", below the overdraft limit of -" + a.overdraft());
        }
        yield List.of(new Withdrawn(w.amount()));
      }
    };
  }

  private static void requireOpenAndPositive(Account a, long amount) {
    if (!a.isOpen()) {
      throw new IllegalStateException("account is not open");
    }
    if (amount <= 0) {
      throw new IllegalArgumentException("amount must be > 0, was " + amount);
    }
  }

  static EventCodec codec() {
    return EventCodec.builder()
        .register("Opened", Opened.class)
        .register("Deposited", 2, Deposited.class)
        .register("Withdrawn", Withdrawn.class)
        .upcast("Deposited", 1, data -> {
          data.put("memo", "(written before memos existed)");
          return data;
        })
        .build();
  }

  @Override
  public void run(PrintWriter out) throws Exception {
    Path dir = Files.createTempDirectory("architect-lab10-");
    try {
      Path file = dir.resolve("events.db");
      out.println("  store: sqlite:" + file.getFileName() + " in a fresh temporary directory");
      try (EventStore store = EventStore.builder("sqlite:" + file).pollInterval(Duration.ofMillis(20)).build()) {
        run(out, store, file);
      }
    } finally {
      delete(dir);
    }
  }

  private static void run(PrintWriter out, EventStore store, Path file) throws Exception {
    EventCodec codec = codec();
    AggregateRepository<Account, Command, Event> accounts = AggregateRepository
        .builder(store, codec, ACCOUNT, Event.class)
        .category("account")
        .snapshots(SnapshotStore.inStreams(store), SnapshotPolicy.everyEvents(SNAPSHOT_EVERY), Account.class, 1)
        .build();
    AggregateRepository<Account, Command, Event> noSnapshots = AggregateRepository
        .builder(store, codec, ACCOUNT, Event.class).category("account").build();

    header(out, "1. Commands in, events out (overdraft limit 50)");
    List<Command> commands = List.of(new Open("Ada", 50), new Deposit(100), new Withdraw(30), new Deposit(45),
        new Withdraw(200), new Withdraw(160), new Deposit(0));
    for (Command c : commands) {
      try {
        CommandResult<Account, Event> r = accounts.handle("ada", c, EventMetadata.EMPTY.withCorrelationId("lab-10"));
        out.printf("  %-30s -> %-48s balance %5d  (v%d)%n", c, r.events(), r.state().balance(), r.version());
      } catch (IllegalStateException | IllegalArgumentException rejected) {
        out.printf("  %-30s -> rejected: %s%n", c, rejected.getMessage());
      }
    }

    header(out, "2. The stream account-ada, as stored");
    for (RecordedEvent e : store.readStream("account-ada", 0, Direction.FORWARDS, 100)) {
      out.printf("  v%d  pos %d  %-9s %-40s %s%n", e.version(), e.position(), e.type(), e.dataAsString(),
          e.metadata().headers());
    }

    header(out, "3. A balance projection (JDBC read model in the same SQLite file)");
    accounts.handle("bob", new Open("Bob", 0));
    accounts.handle("bob", new Deposit(70));
    ConnectionFactory readModel = ConnectionFactory.url("jdbc:sqlite:" + file);
    try (ProjectionRunner runner = ProjectionRunner.builder(store, readModel, new Balances(codec))
        .category("account").batchSize(3).build()) {
      long handled = runner.catchUp();
      out.println("  catch-up: " + handled + " events in batches of 3, checkpoint " + runner.checkpoint()
          + " (store's last position " + store.lastPosition() + ")");
      printBalances(out, readModel);
      runner.start();
      accounts.handle("bob", new Withdraw(20));
      boolean caughtUp = runner.awaitPosition(store.lastPosition(), Duration.ofSeconds(30));
      out.println("  live: bob withdraws 20; projected through the subscription: " + caughtUp);
      printBalances(out, readModel);
      runner.stop();
      StringBuilder progress = new StringBuilder();
      long rebuilt = runner.rebuild((position, head, n) -> progress.append(' ').append(position).append('/').append(head));
      out.println("  rebuild from zero: " + rebuilt + " events; progress after each batch:" + progress);
      printBalances(out, readModel);
    }

    header(out, "4. Snapshots every " + SNAPSHOT_EVERY + " events");
    accounts.handle("cy", new Open("Cy", 0));
    int snapshots = 0;
    for (int i = 1; i <= 23; i++) {
      if (accounts.handle("cy", i % 4 == 0 ? new Withdraw(i) : new Deposit(10 * i)).snapshotTaken()) {
        snapshots++;
      }
    }
    out.println("  24 events on account-cy; snapshots saved: " + snapshots + ", kept in stream snapshot-account-cy: "
        + store.readStream("snapshot-account-cy", 0, Direction.FORWARDS, 100).stream()
            .map(e -> "v" + e.metadata().headers().get("snapshot-version")).toList());
    LoadedAggregate<Account> fast = accounts.load("cy");
    LoadedAggregate<Account> full = noSnapshots.load("cy");
    out.printf("  load with snapshot:    from the snapshot at v%d, %2d events replayed -> %s%n", fast.snapshotVersion(),
        fast.eventsReplayed(), fast.state());
    out.printf("  load without snapshot: from the first event,  %2d events replayed -> %s%n", full.eventsReplayed(),
        full.state());
    out.println("  same state: " + fast.state().equals(full.state()) + ", same version: "
        + (fast.version() == full.version()));

    header(out, "5. Time travel: account-ada as it was");
    long last = store.streamVersion("account-ada");
    for (long v = 0; v <= last; v++) {
      LoadedAggregate<Account> then = accounts.loadAt("ada", v);
      out.printf("  after v%d: balance %4d, %d transactions%n", v, then.state().balance(), then.state().transactions());
    }

    header(out, "6. An event of an older schema, upcast on read");
    EventCodec v1 = EventCodec.builder().register("Deposited", DepositedV1.class).build();
    long version = store.append("account-ada", ExpectedVersion.exactly(last), v1.encode(new DepositedV1(5))).lastVersion();
    RecordedEvent old = store.readStream("account-ada", version, Direction.FORWARDS, 1).getFirst();
    out.println("  stored:  " + old.dataAsString() + " with headers " + old.metadata().headers());
    out.println("  decoded: " + codec.decode(old, Event.class));
    out.println("  account-ada now: " + accounts.load("ada").state());
    EventData unknown = EventData.json("Audited", "{}");
    store.append("account-ada", ExpectedVersion.exactly(version), unknown);
    try {
      accounts.load("ada");
    } catch (RuntimeException e) {
      out.println("  an unregistered event type fails the load: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static void printBalances(PrintWriter out, ConnectionFactory readModel) throws SQLException {
    try (Connection c = readModel.open(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT account, balance, events FROM balances ORDER BY account")) {
      while (rs.next()) {
        out.printf("    %-12s balance %5d  (%d events)%n", rs.getString(1), rs.getLong(2), rs.getLong(3));
      }
    }
  }

  /** The balance read model: one row per account. */
  private record Balances(EventCodec codec) implements JdbcProjection {
    @Override
    public String name() {
      return "balances";
    }

    @Override
    public void setup(Connection c) throws SQLException {
      try (Statement st = c.createStatement()) {
        st.execute("CREATE TABLE IF NOT EXISTS balances (account TEXT PRIMARY KEY, balance BIGINT NOT NULL, "
            + "events BIGINT NOT NULL)");
      }
    }

    @Override
    public void reset(Connection c) throws SQLException {
      try (Statement st = c.createStatement()) {
        st.execute("DROP TABLE IF EXISTS balances");
      }
    }

    @Override
    public void handle(Connection c, RecordedEvent e) throws SQLException {
      long delta = switch (codec.decode(e, Event.class)) {
        case Opened o -> 0;
        case Deposited d -> d.amount();
        case Withdrawn w -> -w.amount();
      };
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO balances VALUES (?, ?, 1) ON CONFLICT (account) "
          + "DO UPDATE SET balance = balances.balance + excluded.balance, events = balances.events + 1")) {
        ps.setString(1, e.stream());
        ps.setLong(2, delta);
        ps.executeUpdate();
      }
    }
  }

  private static void header(PrintWriter out, String title) {
    out.println();
    out.println("== " + title);
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the lab's temporary directory " + dir, e);
    }
  }
}
