package dev.architect.eventstore.internal;

import dev.architect.eventstore.EventData;
import dev.architect.eventstore.EventStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The appends of one group-commit transaction, kept in memory until just before COMMIT, and what the
 * transaction knows of the streams and event ids they touch.
 *
 * <p>Why: an append reads its stream's row and looks its event ids up (idempotency), then writes its
 * events and the stream's new version. Run statement by statement, a batch of n appends costs about 6n
 * statements, each a network round trip on PostgreSQL, plus two savepoint statements per append. Here
 * the batch fetches the rows and ids of all its appends with one query each ({@link #fetch}), the
 * appends check their expectations against that view and record their writes in memory, and
 * {@link #flush} writes everything with three JDBC batches: a handful of round trips per batch,
 * whatever its size.
 *
 * <p>Each append's writes are journaled; an append that fails (a wrong expected version in the second
 * stream of a multi-stream append, say) is undone in memory ({@link #undo}) and nothing of it reaches
 * the database, which is what the savepoints did. Operations that write with SQL directly (metadata,
 * deletes) first {@link #flush} the buffer and {@link #forget} the view, then read and write the
 * tables as before.
 *
 * <p>Used only by the writer thread, inside its transaction, which holds the lock that orders writes:
 * no other writer can change the rows between the fetch and the commit. Not thread-safe.
 */
final class AppendBuffer {
  /** A row of es_streams. */
  record StreamRow(long id, long version, long deletedBefore, boolean softDeleted, boolean tombstoned) {
    long current() {
      return softDeleted ? -1 : version;
    }
  }

  /** An event already stored (or written earlier in this transaction) under an id being appended. */
  record Stored(long streamId, String stream, long version, long position, String type,
      byte[] data, String correlationId, String causationId, String headers) {
    boolean sameContent(EventData e) {
      return type.equals(e.type()) && Arrays.equals(data, e.data())
          && Objects.equals(correlationId, e.metadata().correlationId())
          && Objects.equals(causationId, e.metadata().causationId())
          && Objects.equals(headers, Json.encodeHeaders(e.metadata().headers()));
    }
  }

  /** An event to insert at flush. */
  private record Pending(long position, long streamId, long version, String category, EventData event,
      String headers) {}

  /**
   * One entry of the undo journal: the previous value of {@code key} (a stream name or an event id; null
   * if absent), and whether the change also put the stream on the list of new or of changed streams.
   */
  private record Undo(Object key, Object previous, boolean addedNew, boolean addedChanged) {}

  private static final StreamRow NO_STREAM = new StreamRow(-1, -1, 0, false, false);
  private static final Stored NO_EVENT = new Stored(-1, "", -1, -1, "", new byte[0], null, null, null);

  /** Largest IN list of one lookup; longer lookups are split. Lists are padded to a power of two. */
  private static final int MAX_IN = 256;

  private static final String STREAM_COLUMNS = "name, id, version, deleted_before, soft_deleted, tombstoned";
  private static final String EVENT_LOOKUP = "SELECT e.event_id, e.stream_id, s.name, e.version, e.position,"
      + " e.type, e.data, e.correlation_id, e.causation_id, e.headers FROM es_events e"
      + " JOIN es_streams s ON s.id = e.stream_id WHERE e.event_id IN (";
  private static final String INSERT_EVENT = "INSERT INTO es_events(position, stream_id, version,"
      + " event_id, category, type, data, correlation_id, causation_id, headers, created_us)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  // What this transaction knows: rows and ids read, fetched or written; NO_STREAM / NO_EVENT = absent.
  private final Map<String, StreamRow> streams = new HashMap<>();
  private final Map<UUID, Stored> events = new HashMap<>();
  // Wanted by the batch's appends, fetched at once by fetch().
  private final Set<String> wantedStreams = new LinkedHashSet<>();
  private final Set<UUID> wantedEvents = new LinkedHashSet<>();
  // Writes not yet sent: new streams (name -> id), existing streams whose row changed, and events.
  private final Map<String, Long> newStreams = new LinkedHashMap<>();
  private final Set<String> changedStreams = new LinkedHashSet<>();
  private final List<Pending> pending = new ArrayList<>();
  // The undo journal of the running append: previous values of the entries it changed.
  private final List<Undo> journal = new ArrayList<>();
  private int pendingMark;

  /** Notes that an append of the coming batch will look up {@code stream} and these events' ids. */
  void want(String stream, List<EventData> appended) {
    if (!streams.containsKey(stream)) {
      wantedStreams.add(stream);
    }
    for (EventData e : appended) {
      if (!events.containsKey(e.id())) {
        wantedEvents.add(e.id());
      }
    }
  }

  /** Reads every wanted stream row and event id not known yet, with one query per kind. */
  void fetch(GroupCommitWriter.WriteContext tx) throws SQLException {
    if (!wantedStreams.isEmpty()) {
      List<String> names = new ArrayList<>(wantedStreams);
      wantedStreams.clear();
      for (String name : names) {
        streams.putIfAbsent(name, NO_STREAM);
      }
      for (int from = 0; from < names.size(); from += MAX_IN) {
        List<String> chunk = names.subList(from, Math.min(names.size(), from + MAX_IN));
        PreparedStatement ps = tx.prepare(inList("SELECT " + STREAM_COLUMNS + " FROM es_streams WHERE name IN (",
            chunk.size()));
        int slots = slots(chunk.size());
        for (int i = 0; i < slots; i++) {
          ps.setString(i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            streams.put(rs.getString(1), streamRow(rs));
          }
        }
      }
    }
    if (!wantedEvents.isEmpty()) {
      List<UUID> ids = new ArrayList<>(wantedEvents);
      wantedEvents.clear();
      lookUp(tx, ids);
    }
  }

  /** The row of {@code name}, or null if the stream does not exist (read from the table if unknown). */
  StreamRow stream(GroupCommitWriter.WriteContext tx, String name) throws SQLException {
    StreamRow row = streams.get(name);
    if (row == null) {
      PreparedStatement ps = tx.prepare("SELECT " + STREAM_COLUMNS + " FROM es_streams WHERE name = ?");
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        row = rs.next() ? streamRow(rs) : NO_STREAM;
      }
      streams.put(name, row);
    }
    return row == NO_STREAM ? null : row;
  }

  private static StreamRow streamRow(ResultSet rs) throws SQLException {
    return new StreamRow(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5) != 0, rs.getInt(6) != 0);
  }

  /** The stored events among {@code appended}'s ids (read from the table where unknown), by id. */
  Map<UUID, Stored> storedIds(GroupCommitWriter.WriteContext tx, List<EventData> appended) throws SQLException {
    List<UUID> unknown = null;
    for (EventData e : appended) {
      if (!events.containsKey(e.id())) {
        if (unknown == null) {
          unknown = new ArrayList<>();
        }
        unknown.add(e.id());
      }
    }
    if (unknown != null) {
      lookUp(tx, unknown);
    }
    Map<UUID, Stored> found = null;
    for (EventData e : appended) {
      Stored s = events.get(e.id());
      if (s != NO_EVENT) {
        if (found == null) {
          found = new HashMap<>();
        }
        found.put(e.id(), s);
      }
    }
    return found == null ? Map.of() : found;
  }

  private void lookUp(GroupCommitWriter.WriteContext tx, List<UUID> ids) throws SQLException {
    for (UUID id : ids) {
      events.putIfAbsent(id, NO_EVENT);
    }
    for (int from = 0; from < ids.size(); from += MAX_IN) {
      List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_IN));
      PreparedStatement ps = tx.prepare(inList(EVENT_LOOKUP, chunk.size()));
      int slots = slots(chunk.size());
      for (int i = 0; i < slots; i++) {
        ps.setBytes(i + 1, Rows.bytes(chunk.get(Math.min(i, chunk.size() - 1))));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          events.put(Rows.uuid(rs.getBytes(1)), new Stored(rs.getLong(2), rs.getString(3), rs.getLong(4),
              rs.getLong(5), rs.getString(6), rs.getBytes(7), rs.getString(8), rs.getString(9),
              rs.getString(10)));
        }
      }
    }
  }

  /** Power-of-two IN lists (the last value repeated) keep the number of distinct statements small. */
  private static int slots(int n) {
    return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
  }

  private static String inList(String prefix, int n) {
    int slots = slots(n);
    StringBuilder sql = new StringBuilder(prefix.length() + 3 * slots).append(prefix).append('?');
    for (int i = 1; i < slots; i++) {
      sql.append(",?");
    }
    return sql.append(')').toString();
  }

  /** A new stream: its id comes from the transaction's counter; the row is written at flush. */
  long createStream(GroupCommitWriter.WriteContext tx, String name) {
    long id = ++tx.lastStreamId;
    journal.add(new Undo(name, streams.get(name), true, false));
    streams.put(name, new StreamRow(id, -1, 0, false, false));
    newStreams.put(name, id);
    return id;
  }

  /**
   * Records {@code appended} as the next versions of {@code stream} (row {@code row}, first version
   * {@code base}), at the next positions; returns the stream's new row.
   */
  StreamRow append(GroupCommitWriter.WriteContext tx, String stream, StreamRow row, long base,
      List<EventData> appended) {
    String category = EventStore.categoryOf(stream);
    for (int i = 0; i < appended.size(); i++) {
      EventData e = appended.get(i);
      String headers = Json.encodeHeaders(e.metadata().headers());
      Pending p = new Pending(++tx.lastPosition, row.id(), base + i, category, e, headers);
      pending.add(p);
      journal.add(new Undo(e.id(), events.get(e.id()), false, false));
      events.put(e.id(), new Stored(row.id(), stream, p.version(), p.position(), e.type(), e.data(),
          e.metadata().correlationId(), e.metadata().causationId(), headers));
    }
    StreamRow updated = new StreamRow(row.id(), base + appended.size() - 1, row.deletedBefore(), false,
        row.tombstoned());
    boolean addedChanged = !newStreams.containsKey(stream) && changedStreams.add(stream);
    journal.add(new Undo(stream, streams.get(stream), false, addedChanged));
    streams.put(stream, updated);
    return updated;
  }

  /** Starts the journal of one append. */
  void mark() {
    journal.clear();
    pendingMark = pending.size();
  }

  /** Undoes everything recorded since {@link #mark}: the append failed. */
  void undo() {
    for (int i = journal.size() - 1; i >= 0; i--) {
      Undo u = journal.get(i);
      if (u.key() instanceof UUID id) {
        restore(events, id, (Stored) u.previous());
      } else {
        String name = (String) u.key();
        restore(streams, name, (StreamRow) u.previous());
        if (u.addedNew()) {
          newStreams.remove(name);
        }
        if (u.addedChanged()) {
          changedStreams.remove(name);
        }
      }
    }
    journal.clear();
    pending.subList(pendingMark, pending.size()).clear();
  }

  private static <K, V> void restore(Map<K, V> map, K key, V previous) {
    if (previous == null) {
      map.remove(key);
    } else {
      map.put(key, previous);
    }
  }

  /** Whether anything is waiting to be written. */
  boolean dirty() {
    return !pending.isEmpty() || !newStreams.isEmpty() || !changedStreams.isEmpty();
  }

  /** Writes the new streams, the events and the streams' new versions: three JDBC batches. */
  void flush(GroupCommitWriter.WriteContext tx) throws SQLException {
    if (!newStreams.isEmpty()) {
      PreparedStatement ps = tx.prepare("INSERT INTO es_streams(id, name, version) VALUES (?, ?, ?)");
      for (Map.Entry<String, Long> e : newStreams.entrySet()) {
        ps.setLong(1, e.getValue());
        ps.setString(2, e.getKey());
        ps.setLong(3, streams.get(e.getKey()).version());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    if (!pending.isEmpty()) {
      PreparedStatement ps = tx.prepare(INSERT_EVENT);
      for (Pending p : pending) {
        EventData e = p.event();
        ps.setLong(1, p.position());
        ps.setLong(2, p.streamId());
        ps.setLong(3, p.version());
        ps.setBytes(4, Rows.bytes(e.id()));
        ps.setString(5, p.category());
        ps.setString(6, e.type());
        ps.setBytes(7, e.data());
        setNullableString(ps, 8, e.metadata().correlationId());
        setNullableString(ps, 9, e.metadata().causationId());
        setNullableString(ps, 10, p.headers());
        ps.setLong(11, tx.nowMicros);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    if (!changedStreams.isEmpty()) {
      PreparedStatement ps = tx.prepare("UPDATE es_streams SET version = ?, soft_deleted = 0 WHERE id = ?");
      for (String name : changedStreams) {
        StreamRow row = streams.get(name);
        ps.setLong(1, row.version());
        ps.setLong(2, row.id());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    newStreams.clear();
    changedStreams.clear();
    pending.clear();
    journal.clear();
  }

  private static void setNullableString(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  /**
   * Forgets everything known and pending: after a flush, before and after an operation that changes
   * the tables directly, and when the transaction ends (committed or not).
   */
  void forget() {
    streams.clear();
    events.clear();
    wantedStreams.clear();
    wantedEvents.clear();
    newStreams.clear();
    changedStreams.clear();
    pending.clear();
    journal.clear();
  }
}
