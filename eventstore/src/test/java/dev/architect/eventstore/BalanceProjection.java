package dev.architect.eventstore;

import dev.architect.eventstore.BankAccounts.Deposited;
import dev.architect.eventstore.BankAccounts.Event;
import dev.architect.eventstore.BankAccounts.Opened;
import dev.architect.eventstore.BankAccounts.Withdrawn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The read model of the projection tests: per account, the balance and how many events were counted,
 * in SQL that SQLite and PostgreSQL both run. It can be told to fail at its n-th event.
 */
class BalanceProjection implements JdbcProjection {
  private final EventCodec codec = BankAccounts.codec();
  final AtomicLong handled = new AtomicLong();
  volatile long failAt = Long.MAX_VALUE;

  @Override
  public String name() {
    return "balances";
  }

  @Override
  public void setup(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS balances (account VARCHAR(200) PRIMARY KEY, balance BIGINT NOT NULL, "
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
    if (handled.incrementAndGet() == failAt) {
      throw new IllegalStateException("projection failed on purpose at " + e.stream() + "@" + e.version());
    }
    long delta = switch (codec.decode(e, Event.class)) {
      case Opened o -> 0;
      case Deposited d -> d.amount();
      case Withdrawn w -> -w.amount();
      case BankAccounts.Closed x -> 0;
    };
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO balances (account, balance, events) VALUES (?, ?, 1) "
        + "ON CONFLICT (account) DO UPDATE SET balance = balances.balance + excluded.balance, "
        + "events = balances.events + 1")) {
      ps.setString(1, e.stream());
      ps.setLong(2, delta);
      ps.executeUpdate();
    }
  }

  /** The read model: account to [balance, events]. */
  static Map<String, List<Long>> read(ConnectionFactory connections) throws SQLException {
    Map<String, List<Long>> rows = new TreeMap<>();
    try (Connection c = connections.open(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT account, balance, events FROM balances")) {
      while (rs.next()) {
        rows.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3)));
      }
    }
    return rows;
  }

  /** What the read model must hold after every account event of {@code store} was counted once. */
  static Map<String, List<Long>> expected(EventStore store) {
    EventCodec codec = BankAccounts.codec();
    Map<String, long[]> sums = new TreeMap<>();
    for (RecordedEvent e : store.readCategory("account", 0, 1_000_000)) {
      long[] s = sums.computeIfAbsent(e.stream(), k -> new long[2]);
      s[0] += switch (codec.decode(e, Event.class)) {
        case Deposited d -> d.amount();
        case Withdrawn w -> -w.amount();
        default -> 0;
      };
      s[1]++;
    }
    Map<String, List<Long>> rows = new TreeMap<>();
    sums.forEach((k, v) -> rows.put(k, List.of(v[0], v[1])));
    return rows;
  }

  /** Appends {@code accounts} accounts of {@code perAccount} events each, ten events per append. */
  static void fill(EventStore store, int accounts, int perAccount, long seed) {
    EventCodec codec = BankAccounts.codec();
    java.util.Random random = new java.util.Random(seed);
    for (int a = 0; a < accounts; a++) {
      String stream = "account-" + a;
      long version = store.streamVersion(stream);
      List<EventData> batch = new java.util.ArrayList<>();
      if (version < 0) {
        batch.add(codec.encode(new Opened("owner" + a, 100)));
      }
      for (int i = batch.size(); i < perAccount; i++) {
        batch.add(codec.encode(random.nextBoolean() ? new Deposited(1 + random.nextInt(100))
            : new Withdrawn(1 + random.nextInt(50))));
        if (batch.size() == 10 || i == perAccount - 1) {
          version = store.append(stream, version < 0 ? ExpectedVersion.NO_STREAM : ExpectedVersion.exactly(version),
              batch).lastVersion();
          batch.clear();
        }
      }
    }
  }
}
