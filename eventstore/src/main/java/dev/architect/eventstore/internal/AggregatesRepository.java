package dev.architect.eventstore.internal;

import dev.architect.eventstore.Aggregate;
import dev.architect.eventstore.AggregateConflictException;
import dev.architect.eventstore.AggregateRepository;
import dev.architect.eventstore.CommandResult;
import dev.architect.eventstore.Direction;
import dev.architect.eventstore.EventCodec;
import dev.architect.eventstore.EventData;
import dev.architect.eventstore.EventMetadata;
import dev.architect.eventstore.EventStore;
import dev.architect.eventstore.EventStoreException;
import dev.architect.eventstore.LoadedAggregate;
import dev.architect.eventstore.RecordedEvent;
import dev.architect.eventstore.Snapshot;
import dev.architect.eventstore.SnapshotPolicy;
import dev.architect.eventstore.SnapshotStore;
import dev.architect.eventstore.WrongExpectedVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The repository behind {@link AggregateRepository}; stateless apart from its configuration. */
public final class AggregatesRepository<S, C, E> implements AggregateRepository<S, C, E> {
  private static final int PAGE = 500;

  private final EventStore store;
  private final EventCodec codec;
  private final Aggregate<S, C, E> aggregate;
  private final Class<E> eventType;
  private final String category;
  private final int maxAttempts;
  private final SnapshotStore snapshots;
  private final SnapshotPolicy policy;
  private final Class<S> stateType;
  private final int stateSchemaVersion;

  public AggregatesRepository(EventStore store, EventCodec codec, Aggregate<S, C, E> aggregate, Class<E> eventType,
      String category, int maxAttempts, SnapshotStore snapshots, SnapshotPolicy policy, Class<S> stateType,
      int stateSchemaVersion) {
    this.store = store;
    this.codec = codec;
    this.aggregate = aggregate;
    this.eventType = eventType;
    this.category = category;
    this.maxAttempts = maxAttempts;
    this.snapshots = snapshots;
    this.policy = policy;
    this.stateType = stateType;
    this.stateSchemaVersion = stateSchemaVersion;
  }

  @Override
  public String streamOf(String id) {
    Objects.requireNonNull(id, "id");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("aggregate id must not be empty");
    }
    return category + "-" + id;
  }

  @Override
  public LoadedAggregate<S> load(String id) {
    String stream = streamOf(id);
    if (snapshots != null) {
      for (Snapshot s : snapshots.newestFirst(stream)) {
        if (s.schemaVersion() != stateSchemaVersion) {
          continue; // another schema: never read as this state type
        }
        LoadedAggregate<S> loaded = fromSnapshot(stream, s);
        if (loaded != null) {
          return loaded;
        }
      }
    }
    return replay(stream, aggregate.initialState(), 0, -1, Long.MAX_VALUE, 0, -1);
  }

  /** The state from {@code s} plus the events after it, or null if the stream no longer matches it. */
  private LoadedAggregate<S> fromSnapshot(String stream, Snapshot s) {
    // The snapshot's own last event must still be there, with the same id: a stream that was deleted and
    // recreated, or truncated, no longer holds what the snapshot folded.
    List<RecordedEvent> first = store.readStream(stream, s.version(), Direction.FORWARDS, 1);
    if (first.isEmpty() || first.getFirst().version() != s.version() || !first.getFirst().id().equals(s.eventId())) {
      return null;
    }
    S state;
    try {
      state = AggregatesJson.read(s.state(), stateType);
    } catch (AggregatesJson.Failure f) {
      throw new EventStoreException("snapshot of stream '" + stream + "' at version " + s.version()
          + " (schema version " + s.schemaVersion() + ") cannot be read as " + stateType.getSimpleName() + ": "
          + f.getMessage() + "; give the snapshots a new schema version when the state type changes", f);
    }
    return replay(stream, state, s.version() + 1, s.version(), Long.MAX_VALUE, 0, s.version());
  }

  /** Folds the events from version {@code from} up to {@code until} (inclusive) into {@code state}. */
  private LoadedAggregate<S> replay(String stream, S state, long from, long version, long until, int replayed,
      long snapshotVersion) {
    long next = from;
    while (next <= until) {
      List<RecordedEvent> page = store.readStream(stream, next, Direction.FORWARDS, PAGE);
      for (RecordedEvent e : page) {
        if (e.version() > until) {
          return new LoadedAggregate<>(stream, state, version, snapshotVersion, replayed);
        }
        state = aggregate.apply(state, codec.decode(e, eventType));
        version = e.version();
        replayed++;
      }
      if (page.size() < PAGE) {
        break;
      }
      next = page.getLast().version() + 1;
    }
    return new LoadedAggregate<>(stream, state, version, snapshotVersion, replayed);
  }

  @Override
  public LoadedAggregate<S> loadAt(String id, long version) {
    String stream = streamOf(id);
    if (version < 0) {
      throw new IllegalArgumentException("version must be >= 0, was " + version);
    }
    LoadedAggregate<S> loaded = replay(stream, aggregate.initialState(), 0, -1, version, 0, -1);
    if (loaded.version() < 0) {
      throw new IllegalArgumentException("stream '" + stream + "' has no events, so no version " + version);
    }
    if (loaded.version() != version) {
      throw new IllegalArgumentException("version of stream '" + stream + "' must be at most "
          + store.streamVersion(stream) + ", was " + version);
    }
    return loaded;
  }

  @Override
  public CommandResult<S, E> handle(String id, C command) {
    return handle(id, command, EventMetadata.EMPTY);
  }

  @Override
  public CommandResult<S, E> handle(String id, C command, EventMetadata metadata) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(metadata, "metadata");
    WrongExpectedVersionException last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      LoadedAggregate<S> loaded = load(id);
      List<E> events = List.copyOf(aggregate.decide(loaded.state(), command));
      if (events.isEmpty()) {
        return new CommandResult<>(loaded.stream(), events, loaded.state(), loaded.version(), attempt, false);
      }
      List<EventData> data = new ArrayList<>(events.size());
      S state = loaded.state();
      for (E e : events) {
        if (!(e instanceof Record r)) {
          throw new IllegalArgumentException("decide must return records, returned a " + e.getClass().getName());
        }
        data.add(codec.encode(r, metadata));
        state = aggregate.apply(state, e);
      }
      long version;
      try {
        version = store.append(loaded.stream(), loaded.expectedVersion(), data).lastVersion();
      } catch (WrongExpectedVersionException conflict) {
        last = conflict; // someone appended since the load: decide again on the new state
        continue;
      }
      boolean snapshot = snapshots != null && policy.shouldSnapshot(version, version - loaded.snapshotVersion());
      if (snapshot) {
        UUID lastId = data.getLast().id();
        try {
          snapshots.save(new Snapshot(loaded.stream(), version, lastId, stateSchemaVersion, AggregatesJson.write(state)));
        } catch (RuntimeException e) {
          throw new EventStoreException("the events of the command were appended to stream '" + loaded.stream()
              + "' (now at version " + version + "), but its snapshot could not be saved: " + e.getMessage(), e);
        }
      }
      return new CommandResult<>(loaded.stream(), events, state, version, attempt, snapshot);
    }
    throw new AggregateConflictException(streamOf(id), maxAttempts, last);
  }
}
