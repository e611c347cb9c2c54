package dev.architect.eventstore.internal;

import dev.architect.eventstore.AppendResult;
import dev.architect.eventstore.Direction;
import dev.architect.eventstore.DuplicateEventIdException;
import dev.architect.eventstore.EventData;
import dev.architect.eventstore.EventHandler;
import dev.architect.eventstore.EventStore;
import dev.architect.eventstore.EventStoreException;
import dev.architect.eventstore.ExpectedVersion;
import dev.architect.eventstore.RecordedEvent;
import dev.architect.eventstore.StreamAppend;
import dev.architect.eventstore.StreamDeletedException;
import dev.architect.eventstore.StreamMetadata;
import dev.architect.eventstore.Subscription;
import dev.architect.eventstore.WrongExpectedVersionException;
import dev.architect.eventstore.internal.AppendBuffer.Stored;
import dev.architect.eventstore.internal.AppendBuffer.StreamRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event store over JDBC, shared by both backends: every write goes through the
 * {@link GroupCommitWriter}; reads use pooled connections ({@link EventPages}: a page of events, then its streams).
 */
final class JdbcEventStore implements EventStore {
  private final Backend backend;
  private final StoreConfig config;
  private final Checks checks;
  private final CommitSignal commits = new CommitSignal();
  private final GroupCommitWriter writer;
  private final Set<CatchUpSubscription> subscriptions = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  JdbcEventStore(Backend backend, StoreConfig config) {
    this.backend = backend;
    this.config = config;
    this.checks = new Checks(config.maxStreamNameLength(), config.maxEventSize());
    this.writer = new GroupCommitWriter(backend, config.clock(), position -> commits.bump());
  }

  /** For tests: the writer, to hold a batch. */
  GroupCommitWriter writer() {
    return writer;
  }

  // ---------------------------------------------------------------- writes

  @Override
  public AppendResult append(String stream, ExpectedVersion expected, List<EventData> events) {
    return appendMulti(List.of(new StreamAppend(stream, expected, events))).getFirst();
  }

  @Override
  public List<AppendResult> appendMulti(List<StreamAppend> appends) {
    checks.appends(appends);
    return writer.execute(new AppendOp(List.copyOf(appends)));
  }

  /** Appends to one or more streams, all or nothing: a buffered operation of the writer. */
  private record AppendOp(List<StreamAppend> appends) implements GroupCommitWriter.Op<List<AppendResult>> {
    @Override
    public boolean buffered() {
      return true;
    }

    @Override
    public void want(AppendBuffer buffer) {
      for (StreamAppend a : appends) {
        buffer.want(a.stream(), a.events());
      }
    }

    @Override
    public List<AppendResult> run(GroupCommitWriter.WriteContext tx) throws SQLException {
      List<AppendResult> results = new ArrayList<>(appends.size());
      for (StreamAppend a : appends) {
        results.add(appendOne(tx, a));
      }
      return results;
    }
  }

  private static StreamRow findStream(GroupCommitWriter.WriteContext tx, String name) throws SQLException {
    return tx.buffer.stream(tx, name);
  }

  /** Creates a stream row at once, for the operations that write the tables directly. */
  private static long createStream(GroupCommitWriter.WriteContext tx, String name) throws SQLException {
    long id = ++tx.lastStreamId;
    PreparedStatement ps = tx.prepare("INSERT INTO es_streams(id, name, version) VALUES (?, ?, -1)");
    ps.setLong(1, id);
    ps.setString(2, name);
    ps.executeUpdate();
    return id;
  }

  private static AppendResult appendOne(GroupCommitWriter.WriteContext tx, StreamAppend a) throws SQLException {
    String name = a.stream();
    AppendBuffer buffer = tx.buffer;
    StreamRow row = buffer.stream(tx, name);
    if (row != null && row.tombstoned()) {
      throw new StreamDeletedException(name);
    }
    List<EventData> events = a.events();
    long current = row == null ? -1 : row.current();
    if (!events.isEmpty()) {
      Map<UUID, Stored> existing = buffer.storedIds(tx, events);
      if (!existing.isEmpty()) {
        return retried(a, row, current, existing);
      }
    }
    if (!a.expected().matches(current)) {
      throw new WrongExpectedVersionException(name, a.expected(), current);
    }
    if (events.isEmpty()) {
      return new AppendResult(name, current, -1, false);
    }
    if (row == null) {
      buffer.createStream(tx, name);
      row = buffer.stream(tx, name);
    }
    long base = row.version() + 1;
    StreamRow updated = buffer.append(tx, name, row, base, events);
    return new AppendResult(name, updated.version(), tx.lastPosition, true);
  }

  /** The answer to an append some of whose ids are stored already: a retry, or a conflict. */
  private static AppendResult retried(StreamAppend a, StreamRow row, long current, Map<UUID, Stored> existing) {
    List<EventData> events = a.events();
    Stored first = existing.get(events.getFirst().id());
    for (int i = 0; i < events.size(); i++) {
      EventData e = events.get(i);
      Stored s = existing.get(e.id());
      if (s == null) {
        UUID known = existing.keySet().iterator().next();
        throw new DuplicateEventIdException(known, "event id " + known + " is already stored, but event "
            + e.id() + " of the same append is not: a retry must repeat the whole earlier append");
      }
      if (row == null || s.streamId() != row.id()) {
        throw new DuplicateEventIdException(e.id(), "event id " + e.id() + " is already used in stream '"
            + s.stream() + "' (version " + s.version() + "), not '" + a.stream() + "'");
      }
      if (!s.sameContent(e)) {
        throw new DuplicateEventIdException(e.id(), "event id " + e.id() + " is already stored with"
            + " different content (stream '" + s.stream() + "', version " + s.version() + ")");
      }
      if (first == null || s.version() != first.version() + i) {
        throw new DuplicateEventIdException(e.id(), "event id " + e.id() + " is already stored at version "
            + s.version() + " of stream '" + s.stream() + "', not in the order of this append");
      }
    }
    ExpectedVersion x = a.expected();
    boolean heldThen = x == ExpectedVersion.ANY
        || (x.isExact() && x.version() == first.version() - 1)
        || (x == ExpectedVersion.NO_STREAM && first.version() == row.deletedBefore())
        || (x == ExpectedVersion.STREAM_EXISTS && first.version() > row.deletedBefore());
    if (heldThen) {
      Stored last = existing.get(events.getLast().id());
      return new AppendResult(a.stream(), last.version(), last.position(), false);
    }
    if (!x.matches(current)) {
      throw new WrongExpectedVersionException(a.stream(), x, current);
    }
    UUID id = events.getFirst().id();
    throw new DuplicateEventIdException(id, "event id " + id + " is already stored (stream '" + a.stream()
        + "', version " + first.version() + ") by an append with another expected version");
  }

  @Override
  public void setStreamMetadata(String stream, StreamMetadata metadata) {
    checks.stream(stream);
    Objects.requireNonNull(metadata, "metadata");
    writer.execute(tx -> {
      StreamRow row = findStream(tx, stream);
      if (row != null && row.tombstoned()) {
        throw new StreamDeletedException(stream);
      }
      long id = row == null ? createStream(tx, stream) : row.id();
      PreparedStatement ps = tx.prepare(
          "UPDATE es_streams SET max_count = ?, max_age_us = ?, truncate_before = ? WHERE id = ?");
      setNullableLong(ps, 1, metadata.maxCount());
      setNullableLong(ps, 2, metadata.maxAge() == null ? null : micros(metadata.maxAge()));
      setNullableLong(ps, 3, metadata.truncateBefore());
      ps.setLong(4, id);
      ps.executeUpdate();
      return null;
    });
  }

  private static long micros(Duration d) {
    try {
      return Math.multiplyExact(d.getSeconds(), 1_000_000L) + d.getNano() / 1_000;
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 2;
    }
  }

  private static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }

  @Override
  public void deleteStream(String stream, ExpectedVersion expected) {
    checks.stream(stream);
    Objects.requireNonNull(expected, "expected");
    writer.execute(tx -> {
      StreamRow row = findStream(tx, stream);
      if (row != null && row.tombstoned()) {
        throw new StreamDeletedException(stream);
      }
      long current = row == null ? -1 : row.current();
      if (!expected.matches(current)) {
        throw new WrongExpectedVersionException(stream, expected, current);
      }
      if (current >= 0) {
        PreparedStatement ps = tx.prepare(
            "UPDATE es_streams SET soft_deleted = 1, version = ?, deleted_before = ? WHERE id = ?");
        ps.setLong(1, current);
        ps.setLong(2, current + 1);
        ps.setLong(3, row.id());
        ps.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void tombstoneStream(String stream, ExpectedVersion expected) {
    checks.stream(stream);
    Objects.requireNonNull(expected, "expected");
    writer.execute(tx -> {
      StreamRow row = findStream(tx, stream);
      if (row != null && row.tombstoned()) {
        throw new StreamDeletedException(stream);
      }
      long current = row == null ? -1 : row.current();
      if (!expected.matches(current)) {
        throw new WrongExpectedVersionException(stream, expected, current);
      }
      long id = row == null ? createStream(tx, stream) : row.id();
      PreparedStatement ps = tx.prepare("UPDATE es_streams SET tombstoned = 1 WHERE id = ?");
      ps.setLong(1, id);
      ps.executeUpdate();
      return null;
    });
  }

  // ---------------------------------------------------------------- reads

  private interface Query<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T read(Query<T> query) {
    if (closed) {
      throw new IllegalStateException("event store is closed");
    }
    Connection c = null;
    try {
      c = backend.reader();
      return query.run(c);
    } catch (SQLException e) {
      throw new EventStoreException(backend.name() + " read failed: " + e.getMessage(), e);
    } finally {
      if (c != null) {
        backend.release(c);
      }
    }
  }

  private long nowMicros() {
    return Rows.micros(config.clock().instant());
  }

  @Override
  public List<RecordedEvent> readStream(String stream, long from, Direction direction, int limit) {
    checks.stream(stream);
    Objects.requireNonNull(direction, "direction");
    Checks.version(from);
    Checks.limit(limit);
    long now = nowMicros();
    return read(c -> EventPages.byVersion(c, stream, from, direction, limit, now));
  }

  @Override
  public List<RecordedEvent> readAll(long fromPosition, int limit) {
    Checks.position(fromPosition);
    Checks.limit(limit);
    long now = nowMicros();
    return read(c -> EventPages.byPosition(c, null, fromPosition, limit, now));
  }

  @Override
  public List<RecordedEvent> readCategory(String category, long fromPosition, int limit) {
    Checks.category(category);
    Checks.position(fromPosition);
    Checks.limit(limit);
    long now = nowMicros();
    return read(c -> EventPages.byPosition(c, category, fromPosition, limit, now));
  }

  @Override
  public long streamVersion(String stream) {
    checks.stream(stream);
    return read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + Schema.CURRENT_VERSION + ", s.soft_deleted, s.tombstoned FROM es_streams s"
              + " WHERE s.name = ?")) {
        ps.setString(1, stream);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() && rs.getInt(2) == 0 && rs.getInt(3) == 0 ? rs.getLong(1) : -1L;
        }
      }
    });
  }

  @Override
  public long lastPosition() {
    return read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(position), 0) FROM es_events");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Override
  public StreamMetadata streamMetadata(String stream) {
    checks.stream(stream);
    return read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT max_count, max_age_us, truncate_before FROM es_streams WHERE name = ?")) {
        ps.setString(1, stream);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return StreamMetadata.NONE;
          }
          long count = rs.getLong(1);
          Long maxCount = rs.wasNull() ? null : count;
          long age = rs.getLong(2);
          Duration maxAge = rs.wasNull() ? null : Duration.of(age, java.time.temporal.ChronoUnit.MICROS);
          long truncate = rs.getLong(3);
          Long truncateBefore = rs.wasNull() ? null : truncate;
          return new StreamMetadata(maxCount, maxAge, truncateBefore);
        }
      }
    });
  }

  // ---------------------------------------------------------------- subscriptions

  @Override
  public Subscription subscribeToAll(long fromPosition, EventHandler handler) {
    Checks.position(fromPosition);
    return subscribe(null, fromPosition, handler);
  }

  @Override
  public Subscription subscribeToCategory(String category, long fromPosition, EventHandler handler) {
    Checks.category(category);
    Checks.position(fromPosition);
    return subscribe(category, fromPosition, handler);
  }

  private Subscription subscribe(String category, long from, EventHandler handler) {
    Objects.requireNonNull(handler, "handler");
    if (closed) {
      throw new IllegalStateException("event store is closed");
    }
    boolean hearsAll = backend.listen(commits::bump);
    CatchUpSubscription s = new CatchUpSubscription(this, category, from, handler, commits,
        hearsAll, config.pollInterval(), subscriptions::remove);
    subscriptions.add(s);
    s.start();
    return s;
  }

  /** The next page for a subscription: category null for all. */
  List<RecordedEvent> page(String category, long from, int limit) {
    return category == null ? readAll(from, limit) : readCategory(category, from, limit);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    for (CatchUpSubscription s : List.copyOf(subscriptions)) {
      s.close();
    }
    writer.close();
    closed = true;
    backend.close();
  }
}
