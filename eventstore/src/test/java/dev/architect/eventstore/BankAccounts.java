package dev.architect.eventstore;

import java.util.List;

/** A bank account aggregate for the tests of the aggregate layer: open, deposit, withdraw with an overdraft. */
final class BankAccounts {
  private BankAccounts() {}

  sealed interface Command permits Open, Deposit, Withdraw, Close {}

  record Open(String owner, long overdraft) implements Command {}

  record Deposit(long amount) implements Command {}

  record Withdraw(long amount) implements Command {}

  record Close() implements Command {}

  sealed interface Event permits Opened, Deposited, Withdrawn, Closed {}

  record Opened(String owner, long overdraft) implements Event {}

  record Deposited(long amount) implements Event {}

  record Withdrawn(long amount) implements Event {}

  record Closed(long finalBalance) implements Event {}

  /** The state: also what snapshots hold (schema version 1). */
  record Account(boolean open, boolean closed, String owner, long balance, long overdraft, int transactions) {
    static final Account NONE = new Account(false, false, null, 0, 0, 0);
  }

  static final Aggregate<Account, Command, Event> AGGREGATE = Aggregate.of(Account.NONE, BankAccounts::apply,
      BankAccounts::decide);

  static EventCodec codec() {
    return EventCodec.builder()
        .register("Opened", Opened.class)
        .register("Deposited", Deposited.class)
        .register("Withdrawn", Withdrawn.class)
        .register("Closed", Closed.class)
        .build();
  }

  static Account apply(Account a, Event e) {
    return switch (e) {
      case Opened o -> new Account(true, false, o.owner(), 0, o.overdraft(), 0);
      case Deposited d -> new Account(true, false, a.owner(), a.balance() + d.amount(), a.overdraft(),
          a.transactions() + 1);
      case Withdrawn w -> new Account(true, false, a.owner(), a.balance() - w.amount(), a.overdraft(),
          a.transactions() + 1);
      case Closed c -> new Account(false, true, a.owner(), a.balance(), a.overdraft(), a.transactions());
    };
  }

  static List<Event> decide(Account a, Command c) {
    if (a.closed()) {
      throw new IllegalStateException("account is closed");
    }
    return switch (c) {
      case Open o -> {
        if (a.open()) {
          throw new IllegalStateException("account is already open");
        }
        yield List.of(new Opened(o.owner(), o.overdraft()));
      }
      case Deposit d -> {
        requireOpen(a);
        requirePositive(d.amount());
        yield List.of(new Deposited(d.amount()));
      }
      case Withdraw w -> {
        requireOpen(a);
        requirePositive(w.amount());
        if (a.balance() - w.amount() < -a.overdraft()) {
          throw new IllegalStateException("withdrawing " + w.amount() + " would take the balance to "
              + (a.balance() - w.amount()) + ", below the overdraft limit of -" + a.overdraft());
        }
        yield List.of(new Withdrawn(w.amount()));
      }
      case Close x -> {
        requireOpen(a);
        yield a.balance() == 0 ? List.of(new Closed(0)) : List.of();
      }
    };
  }

  private static void requireOpen(Account a) {
    if (!a.open()) {
      throw new IllegalStateException("account is not open");
    }
  }

  private static void requirePositive(long amount) {
    if (amount <= 0) {
      throw new IllegalArgumentException("amount must be > 0, was " + amount);
    }
  }
}
