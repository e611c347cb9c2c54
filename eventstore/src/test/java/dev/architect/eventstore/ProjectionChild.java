package dev.architect.eventstore;

/**
 * The process {@link ProjectionRunnerTest} kills: catches the balance projection up over the store at
 * {@code args[0]} (read model in the same file) in batches of 50, printing each committed checkpoint.
 */
public final class ProjectionChild {
  private ProjectionChild() {}

  public static void main(String[] args) {
    try (EventStore store = EventStore.open("sqlite:" + args[0])) {
      ProjectionRunner runner = ProjectionRunner.builder(store, ConnectionFactory.url("jdbc:sqlite:" + args[0]),
          new BalanceProjection()).category("account").batchSize(50).build();
      runner.catchUp((position, head, handled) -> {
        System.out.println("committed " + position);
        System.out.flush();
      });
    }
  }
}
