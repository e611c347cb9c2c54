package dev.architect.eventstore;

/** A write to a stream that was hard-deleted: its name is tombstoned forever. */
public final class StreamDeletedException extends EventStoreException {
  private static final long serialVersionUID = 1L;

  private final String stream;

  /** An exception for {@code stream}. */
  public StreamDeletedException(String stream) {
    super("stream '" + stream + "' is hard-deleted (tombstoned) and cannot be written again");
    this.stream = stream;
  }

  /** The tombstoned stream. */
  public String stream() {
    return stream;
  }
}
