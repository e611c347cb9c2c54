package dev.architect.eventstore;

import dev.architect.eventstore.internal.AggregatesRepository;
import java.util.Objects;

/**
 * Loads, decides and saves one kind of {@link Aggregate}, each instance in the stream
 * {@code <category>-<id>}.
 *
 * <pre>{@code
 * AggregateRepository<Account, Command, Event> accounts = AggregateRepository
 *     .builder(store, codec, account, Event.class)
 *     .category("account")
 *     .snapshots(SnapshotStore.inStreams(store), SnapshotPolicy.everyEvents(100), Account.class, 1)
 *     .build();
 * CommandResult<Account, Event> r = accounts.handle("42", new Deposit(100));
 * }</pre>
 *
 * <p>{@link #handle} is optimistic: it loads the state (newest usable snapshot plus the events after
 * it), decides, and appends with {@link ExpectedVersion#exactly} the loaded version. If another writer
 * got there first ({@link WrongExpectedVersionException}) it loads again and decides again, up to
 * {@code maxAttempts} times in all. Thread-safe: any number of threads may handle commands, for the
 * same or different aggregates.
 *
 * @param <S> the state type
 * @param <C> the command type
 * @param <E> the event type
 */
public interface AggregateRepository<S, C, E> {
  /**
   * A builder for a repository of {@code aggregate} in {@code store}, whose events are encoded and
   * decoded by {@code codec} and checked to be {@code eventType}s.
   */
  static <S, C, E> Builder<S, C, E> builder(EventStore store, EventCodec codec, Aggregate<S, C, E> aggregate,
      Class<E> eventType) {
    return new Builder<>(store, codec, aggregate, eventType);
  }

  /** The stream of the aggregate {@code id}: {@code <category>-<id>}. */
  String streamOf(String id);

  /**
   * The current state of aggregate {@code id}: from the newest usable snapshot (if snapshots are on)
   * plus the events after it, or by replaying every event.
   *
   * @throws EventDecodingException if a stored event cannot be decoded as an {@code E}
   * @throws EventStoreException if a usable-looking snapshot (right schema version, matching event)
   *     cannot be read as the state type: the state type changed without a new schema version
   */
  LoadedAggregate<S> load(String id);

  /**
   * The state of aggregate {@code id} as it was after the event at {@code version} ("time travel"):
   * always a replay from the first event, snapshots unused.
   *
   * @throws IllegalArgumentException if {@code version} is negative or beyond the stream's last event
   * @throws EventDecodingException if a stored event cannot be decoded
   */
  LoadedAggregate<S> loadAt(String id, long version);

  /** As {@link #handle(String, Object, EventMetadata)} with no metadata. */
  CommandResult<S, E> handle(String id, C command);

  /**
   * Decides {@code command} on aggregate {@code id} and appends the events, each with
   * {@code metadata}; then saves a snapshot if the policy asks for one.
   *
   * @throws RuntimeException whatever {@link Aggregate#decide} throws to reject the command (nothing
   *     written, no retry)
   * @throws AggregateConflictException if every attempt lost a concurrency race
   * @throws EventStoreException if the events were appended but the snapshot could not be saved (the
   *     message says so: do not retry the command), or the store fails
   */
  CommandResult<S, E> handle(String id, C command, EventMetadata metadata);

  /** Configures an {@link AggregateRepository}. Not thread-safe. */
  final class Builder<S, C, E> {
    private final EventStore store;
    private final EventCodec codec;
    private final Aggregate<S, C, E> aggregate;
    private final Class<E> eventType;
    private String category;
    private int maxAttempts = 5;
    private SnapshotStore snapshots;
    private SnapshotPolicy policy = SnapshotPolicy.NEVER;
    private Class<S> stateType;
    private int stateSchemaVersion;

    Builder(EventStore store, EventCodec codec, Aggregate<S, C, E> aggregate, Class<E> eventType) {
      this.store = Objects.requireNonNull(store, "store");
      this.codec = Objects.requireNonNull(codec, "codec");
      this.aggregate = Objects.requireNonNull(aggregate, "aggregate");
      this.eventType = Objects.requireNonNull(eventType, "eventType");
    }

    /**
     * The category of the aggregate's streams (required).
     *
     * @throws IllegalArgumentException if empty, or containing {@code -} or starting with {@code $}
     */
    public Builder<S, C, E> category(String value) {
      Objects.requireNonNull(value, "category");
      if (value.isEmpty() || value.contains("-") || value.startsWith("$")) {
        throw new IllegalArgumentException("category must be non-empty, without '-' and not start with '$', was '"
            + value + "'");
      }
      this.category = value;
      return this;
    }

    /**
     * How many times {@link #handle} decides and appends before giving up on conflicts; default 5.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder<S, C, E> maxAttempts(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1, was " + value);
      }
      this.maxAttempts = value;
      return this;
    }

    /**
     * Turns snapshots on: saved to {@code store} when {@code policy} says so, as JSON of
     * {@code stateType} tagged with {@code schemaVersion}; loads use only snapshots of that schema
     * version. Bump it whenever the state type or {@code apply} changes meaning.
     *
     * @throws IllegalArgumentException if {@code schemaVersion} is below 1
     */
    public Builder<S, C, E> snapshots(SnapshotStore store, SnapshotPolicy policy, Class<S> stateType,
        int schemaVersion) {
      if (schemaVersion < 1) {
        throw new IllegalArgumentException("snapshot schema version must be >= 1, was " + schemaVersion);
      }
      this.snapshots = Objects.requireNonNull(store, "store");
      this.policy = Objects.requireNonNull(policy, "policy");
      this.stateType = Objects.requireNonNull(stateType, "stateType");
      this.stateSchemaVersion = schemaVersion;
      return this;
    }

    /**
     * The repository.
     *
     * @throws IllegalStateException if no category was set
     */
    public AggregateRepository<S, C, E> build() {
      if (category == null) {
        throw new IllegalStateException("category is required: call category(...) before build()");
      }
      return new AggregatesRepository<>(store, codec, aggregate, eventType, category, maxAttempts, snapshots, policy,
          stateType, stateSchemaVersion);
    }
  }
}
