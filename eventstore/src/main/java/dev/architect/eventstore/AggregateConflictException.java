package dev.architect.eventstore;

/**
 * A command that lost the optimistic-concurrency race on every attempt: each time it was decided and
 * appended, another writer had appended to the stream first. Nothing of it was written. The cause is
 * the last {@link WrongExpectedVersionException}.
 */
public final class AggregateConflictException extends EventStoreException {
  private static final long serialVersionUID = 1L;

  private final String stream;
  private final int attempts;

  /** An exception for {@code stream} after {@code attempts} attempts, the last failing with {@code last}. */
  public AggregateConflictException(String stream, int attempts, WrongExpectedVersionException last) {
    super("command on stream '" + stream + "' conflicted with concurrent writers on all " + attempts
        + " attempts; last: " + last.getMessage(), last);
    this.stream = stream;
    this.attempts = attempts;
  }

  /** The aggregate's stream. */
  public String stream() {
    return stream;
  }

  /** How many times the command was decided and tried. */
  public int attempts() {
    return attempts;
  }
}
