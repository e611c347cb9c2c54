package dev.architect.eventstore;

/**
 * An append or delete whose expectation did not hold: nothing of it (nor of the other streams of the
 * same {@link EventStore#appendMulti multi-stream append}) was written.
 */
public final class WrongExpectedVersionException extends EventStoreException {
  private static final long serialVersionUID = 1L;

  private final String stream;
  private final transient ExpectedVersion expected;
  private final long actual;

  /** An exception for {@code stream}, whose version is {@code actual} (-1: no stream). */
  public WrongExpectedVersionException(String stream, ExpectedVersion expected, long actual) {
    super("wrong expected version for stream '" + stream + "': expected " + expected + ", actual "
        + (actual < 0 ? "no-stream" : Long.toString(actual)));
    this.stream = stream;
    this.expected = expected;
    this.actual = actual;
  }

  /** The stream whose expectation failed. */
  public String stream() {
    return stream;
  }

  /** What was expected. */
  public ExpectedVersion expected() {
    return expected;
  }

  /** The stream's actual version at the time of the append: -1 if it had no events (or was deleted). */
  public long actual() {
    return actual;
  }
}
