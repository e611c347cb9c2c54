package dev.architect.eventstore;

import dev.architect.eventstore.internal.ProjectionsRunner;
import java.time.Duration;
import java.util.Objects;

/**
 * Runs a {@link JdbcProjection}: reads {@code $all} (or one category) from the projection's checkpoint
 * and hands the events to it in batches, each batch in one transaction of the read model's database
 * together with the new checkpoint (table {@code architect_projections}). A crash or failure in the
 * middle of a batch rolls back both, so a restart neither skips nor double-counts an event: an
 * exactly-once effect. Two runners of one projection cannot both commit a batch: the checkpoint is
 * moved by compare-and-set, and the loser's batch is rolled back.
 *
 * <pre>{@code
 * ProjectionRunner runner = ProjectionRunner.builder(store, ConnectionFactory.url("jdbc:sqlite:read.db"), balances)
 *     .category("account").build();
 * runner.catchUp();     // everything so far, in batches
 * runner.start();       // then live, through a subscription
 * }</pre>
 *
 * <p>On {@code $all}, events of the category {@value SnapshotStore#CATEGORY} (snapshots kept by
 * {@link SnapshotStore#inStreams}) are not handed to the projection. Live mode commits one transaction
 * per event. Thread-safe: methods are serialised; {@link #catchUp} and {@link #rebuild} refuse to run
 * while live.
 */
public interface ProjectionRunner extends AutoCloseable {
  /** A builder for a runner of {@code projection} whose read model is in the database of {@code readModel}. */
  static Builder builder(EventStore store, ConnectionFactory readModel, JdbcProjection projection) {
    return new Builder(store, readModel, projection);
  }

  /** The projection's committed checkpoint: the position up to which every event has been handled. */
  long checkpoint();

  /** As {@link #catchUp(ProjectionProgress)} without progress reports. */
  long catchUp();

  /**
   * Handles every event after the checkpoint up to the store's current end, in batches.
   *
   * @return how many events were handed to the projection
   * @throws IllegalStateException if the runner is live
   * @throws EventStoreException if the read model's database fails, the projection throws (the batch
   *     is rolled back, earlier batches stay), or another runner moved the checkpoint
   */
  long catchUp(ProjectionProgress progress);

  /**
   * Rebuilds from zero: resets the read model and the checkpoint in one transaction, then catches up.
   *
   * @return how many events were handed to the projection
   * @throws IllegalStateException if the runner is live
   * @throws EventStoreException as {@link #catchUp(ProjectionProgress)}
   */
  long rebuild(ProjectionProgress progress);

  /**
   * Catches up, then follows new events live through a subscription of the store until {@link #stop}.
   * A failure stops live mode; see {@link #failure()}.
   *
   * @throws IllegalStateException if already live
   */
  void start();

  /**
   * Waits until live mode has handled every event up to {@code position}, stopped, or {@code timeout} passed.
   *
   * @return whether it got there
   * @throws IllegalStateException if never started
   * @throws InterruptedException if interrupted
   */
  boolean awaitPosition(long position, Duration timeout) throws InterruptedException;

  /** Whether live mode is running. */
  boolean isLive();

  /** What stopped live mode, or null. */
  Throwable failure();

  /** Stops live mode (if running); a later {@link #start} resumes from the checkpoint. */
  void stop();

  /** Stops live mode. */
  @Override
  void close();

  /** Configures a {@link ProjectionRunner}. Not thread-safe. */
  final class Builder {
    private final EventStore store;
    private final ConnectionFactory readModel;
    private final JdbcProjection projection;
    private String category;
    private int batchSize = 500;

    Builder(EventStore store, ConnectionFactory readModel, JdbcProjection projection) {
      this.store = Objects.requireNonNull(store, "store");
      this.readModel = Objects.requireNonNull(readModel, "readModel");
      this.projection = Objects.requireNonNull(projection, "projection");
    }

    /**
     * Reads only this category instead of {@code $all}.
     *
     * @throws IllegalArgumentException if empty or containing {@code -}
     */
    public Builder category(String value) {
      Objects.requireNonNull(value, "category");
      if (value.isEmpty() || value.contains("-")) {
        throw new IllegalArgumentException("category must be non-empty and without '-', was '" + value + "'");
      }
      this.category = value;
      return this;
    }

    /**
     * The most events per transaction when catching up; default 500.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder batchSize(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("batchSize must be >= 1, was " + value);
      }
      this.batchSize = value;
      return this;
    }

    /**
     * The runner, after creating the checkpoint table and the read model ({@link JdbcProjection#setup}).
     *
     * @throws IllegalArgumentException if the projection's name is empty or over 200 characters
     * @throws EventStoreException if the read model's database fails
     */
    public ProjectionRunner build() {
      return new ProjectionsRunner(store, readModel, projection, category, batchSize);
    }
  }
}
