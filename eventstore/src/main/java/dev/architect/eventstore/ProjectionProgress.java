package dev.architect.eventstore;

/** Receives the progress of {@link ProjectionRunner#catchUp} and {@link ProjectionRunner#rebuild} after each batch. */
@FunctionalInterface
public interface ProjectionProgress {
  /** Reports nothing. */
  ProjectionProgress NONE = (position, head, handled) -> {};

  /**
   * Called on the runner's thread after each committed batch (and once at the end).
   *
   * @param position the checkpoint now committed
   * @param head the store's last position when the batch was read (the target of this catch-up)
   * @param handled the events handed to the projection so far in this call
   */
  void onProgress(long position, long head, long handled);
}
