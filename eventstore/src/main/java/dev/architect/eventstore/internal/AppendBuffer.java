package dev.architect.eventstore.internal;

import dev.architect.eventstore.EventData;
import dev.architect.eventstore.EventStore;
import java.sql.Connection;
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
 * the batch fetches the rows and ids of all its appends with one query each, the appends check their
 * expectations against that view and record their writes in memory, and the writes go out together
 * just before COMMIT. On PostgreSQL the queries travel in one compound statement with BEGIN and the
 * lock ({@link #beginAndFetch}), and the writes in another with COMMIT, their rows as arrays
 * ({@link #flushAndEnd}): two round trips per batch whatever its size (a round trip costs 50–150 µs
 * on the 2-core machine of docs/BENCHMARKS.md, a WAL flush about 250 µs). When the writer knows the
 * store as its last commit left it, it skips the reads: the buffer {@link #presume}s, and one statement
 * writes the batch if nobody wrote since ({@link #commitIfUnchanged}). SQLite, in process, runs the
 * statements one by one ({@link #fetch}, {@link #flush}).
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

  private static final String UNIQUE_VIOLATION = "23505"; // PostgreSQL's SQLSTATE

  private static final String STREAM_COLUMNS = "SELECT s.name, s.id, " + Schema.CURRENT_VERSION
      + ", s.deleted_before, s.soft_deleted, s.tombstoned FROM es_streams s WHERE s.name";
  private static final String STREAM_LOOKUP = STREAM_COLUMNS + " IN (";
  private static final String EVENT_LOOKUP = "SELECT e.event_id, e.stream_id, s.name, e.version, e.position,"
      + " e.type, e.data, e.correlation_id, e.causation_id, e.headers FROM es_events e"
      + " JOIN es_streams s ON s.id = e.stream_id WHERE e.event_id IN (";
  private static final String INSERT_EVENT = "INSERT INTO es_events(position, stream_id, version,"
      + " event_id, category, type, data, correlation_id, causation_id, headers, created_us)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  // flushAndEnd (PostgreSQL): a batch's rows travel as arrays, one statement per table.
  private static final String INSERT_STREAMS_UNNEST = "INSERT INTO es_streams(id, name, version)"
      + " SELECT * FROM unnest(?::bigint[], ?::text[], ?::bigint[])";
  private static final String INSERT_EVENTS_UNNEST = "INSERT INTO es_events(position, stream_id, version,"
      + " event_id, category, type, data, correlation_id, causation_id, headers, created_us)"
      + " SELECT p, s, v, i, c, t, d, co, ca, h, ? FROM unnest(?::bigint[], ?::bigint[], ?::bigint[],"
      + " ?::bytea[], ?::text[], ?::text[], ?::bytea[], ?::text[], ?::text[], ?::text[])"
      + " AS u(p, s, v, i, c, t, d, co, ca, h)";
  private static final String UPDATE_STREAMS_UNNEST = "UPDATE es_streams SET version = u.v, soft_deleted = 0"
      + " FROM unnest(?::bigint[], ?::bigint[]) AS u(id, v) WHERE es_streams.id = u.id";

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
  // While speculating (presume): rows the writer saw committed, consulted instead of the tables.
  private Map<String, StreamRow> presumed;

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
    while (!wantedStreams.isEmpty()) {
      List<String> names = takeWanted(wantedStreams, streams, NO_STREAM);
      PreparedStatement ps = tx.prepare(Schema.inList(STREAM_LOOKUP, names.size()));
      bindNames(ps, 1, names);
      try (ResultSet rs = ps.executeQuery()) {
        readStreams(rs);
      }
    }
    while (!wantedEvents.isEmpty()) {
      lookUp(tx, takeWanted(wantedEvents, events, NO_EVENT));
    }
  }

  /**
   * Starts the transaction and reads what the batch's appends want with one compound statement:
   * {@code begin} (statements that start the transaction and take the lock that orders writes, with one
   * result set: the store's write count), {@link Schema#HEADS}, and the lookups of the wanted streams
   * and event ids. One round trip on PostgreSQL whatever the batch's size (lookups beyond
   * {@link Schema#MAX_IN} values take more). Each statement of a compound statement runs in a snapshot
   * of its own, taken after the previous one ended, so the heads and the rows are read once the lock is
   * held.
   */
  Backend.Heads beginAndFetch(GroupCommitWriter.WriteContext tx, String begin) throws SQLException {
    List<String> names = takeWanted(wantedStreams, streams, NO_STREAM);
    List<UUID> ids = takeWanted(wantedEvents, events, NO_EVENT);
    StringBuilder sql = new StringBuilder(begin).append("; ").append(Schema.HEADS);
    if (!names.isEmpty()) {
      sql.append("; ").append(Schema.inList(STREAM_LOOKUP, names.size()));
    }
    if (!ids.isEmpty()) {
      sql.append("; ").append(Schema.inList(EVENT_LOOKUP, ids.size()));
    }
    PreparedStatement ps = tx.prepare(sql.toString());
    bindIds(ps, bindNames(ps, 1, names), ids);
    long writes = -1;
    Backend.Heads heads = null;
    int resultSets = 0;
    for (boolean isResultSet = ps.execute(); isResultSet || ps.getUpdateCount() != -1;
        isResultSet = ps.getMoreResults()) {
      if (!isResultSet) {
        continue; // BEGIN
      }
      try (ResultSet rs = ps.getResultSet()) {
        switch (resultSets++) {
          case 0 -> {
            if (!rs.next()) {
              throw new SQLException("es_writes has no row: the store's schema is damaged");
            }
            writes = rs.getLong(1);
          }
          case 1 -> {
            rs.next();
            heads = new Backend.Heads(rs.getLong(1), rs.getLong(2), writes);
          }
          case 2 -> {
            if (names.isEmpty()) {
              readEvents(rs);
            } else {
              readStreams(rs);
            }
          }
          default -> readEvents(rs);
        }
      }
    }
    if (heads == null) {
      throw new SQLException("the database returned no result for the heads query");
    }
    fetch(tx); // lookups beyond the first Schema.MAX_IN values of each kind
    return heads;
  }

  /**
   * Takes up to {@link Schema#MAX_IN} of the wanted keys, marking them absent in {@code known} until a lookup
   * finds them.
   */
  private static <K, V> List<K> takeWanted(Set<K> wanted, Map<K, V> known, V absent) {
    List<K> taken = new ArrayList<>(Math.min(wanted.size(), Schema.MAX_IN));
    for (var it = wanted.iterator(); it.hasNext() && taken.size() < Schema.MAX_IN; ) {
      K key = it.next();
      it.remove();
      known.putIfAbsent(key, absent);
      taken.add(key);
    }
    return taken;
  }

  /** Binds {@code names} from parameter {@code first} on, padded as {@link Schema#inList}; returns the next. */
  private static int bindNames(PreparedStatement ps, int first, List<String> names) throws SQLException {
    int slots = names.isEmpty() ? 0 : Schema.slots(names.size());
    for (int i = 0; i < slots; i++) {
      ps.setString(first + i, names.get(Math.min(i, names.size() - 1)));
    }
    return first + slots;
  }

  private static int bindIds(PreparedStatement ps, int first, List<UUID> ids) throws SQLException {
    int slots = ids.isEmpty() ? 0 : Schema.slots(ids.size());
    for (int i = 0; i < slots; i++) {
      ps.setBytes(first + i, Rows.bytes(ids.get(Math.min(i, ids.size() - 1))));
    }
    return first + slots;
  }

  private void readStreams(ResultSet rs) throws SQLException {
    while (rs.next()) {
      streams.put(rs.getString(1), streamRow(rs));
    }
  }

  private void readEvents(ResultSet rs) throws SQLException {
    while (rs.next()) {
      events.put(Rows.uuid(rs.getBytes(1)), new Stored(rs.getLong(2), rs.getString(3), rs.getLong(4),
          rs.getLong(5), rs.getString(6), rs.getBytes(7), rs.getString(8), rs.getString(9),
          rs.getString(10)));
    }
  }

  /** The row of {@code name}, or null if the stream does not exist (read from the table if unknown). */
  StreamRow stream(GroupCommitWriter.WriteContext tx, String name) throws SQLException {
    StreamRow row = streams.get(name);
    if (row == null && presumed != null) {
      row = presumed.getOrDefault(name, NO_STREAM);
      streams.put(name, row);
    } else if (row == null) {
      PreparedStatement ps = tx.prepare(STREAM_COLUMNS + " = ?");
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
    if (unknown != null && presumed == null) {
      lookUp(tx, unknown);
    }
    Map<UUID, Stored> found = null;
    for (EventData e : appended) {
      Stored s = events.get(e.id());
      if (s != null && s != NO_EVENT) { // null: presumed unused
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
    for (int from = 0; from < ids.size(); from += Schema.MAX_IN) {
      List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + Schema.MAX_IN));
      PreparedStatement ps = tx.prepare(Schema.inList(EVENT_LOOKUP, chunk.size()));
      bindIds(ps, 1, chunk);
      try (ResultSet rs = ps.executeQuery()) {
        readEvents(rs);
      }
    }
  }

  /**
   * Speculation, for a batch run without reading the tables: until {@link #forget}, a stream not known
   * yet takes its row from {@code known} (rows the writer saw committed) or is presumed absent, and an
   * event id not known yet is presumed unused. {@link #commitIfUnchanged} then writes only if no other
   * transaction wrote since those rows were read; a stream or an id presumed absent that exists makes it
   * fail on a unique key.
   */
  void presume(Map<String, StreamRow> known) {
    presumed = known;
  }

  /** Copies the stream rows this transaction knows to exist into {@code known}. */
  void rememberRows(Map<String, StreamRow> known) {
    for (Map.Entry<String, StreamRow> e : streams.entrySet()) {
      if (e.getValue() != NO_STREAM) {
        known.put(e.getKey(), e.getValue());
      }
    }
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
    // The row is written only to clear a soft delete: its version is derived (Schema.CURRENT_VERSION).
    boolean addedChanged = row.softDeleted() && !newStreams.containsKey(stream) && changedStreams.add(stream);
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

  /**
   * PostgreSQL: writes everything pending, then runs {@code end} (the statements that end the
   * transaction, with {@code endParams} as their parameters), as one compound statement in which the rows
   * travel as arrays: one round trip whatever the batch's size. The writer {@link #forget}s the buffer
   * once the transaction has ended, as after {@link #flush} and COMMIT.
   */
  void flushAndEnd(GroupCommitWriter.WriteContext tx, String end, Object... endParams) throws SQLException {
    List<Object> params = new ArrayList<>();
    List<String> writes = arrayWrites(tx.connection, tx.nowMicros, null, params);
    params.addAll(List.of(endParams));
    writes.add(end);
    run(tx.prepare(String.join("; ", writes)), params);
  }

  /**
   * PostgreSQL, after a speculative batch ({@link #presume}): one statement, run in autocommit, that adds
   * one to the store's write count if it still equals {@code writes} and, only then, writes everything
   * pending and runs {@code then} (a SELECT over {@code w}, the count's new value, with {@code thenParams}).
   * Returns whether it committed: false when another transaction wrote since, or when a stream or an
   * event id presumed absent exists (a unique key refuses it); the database is then unchanged.
   */
  boolean commitIfUnchanged(GroupCommitWriter.WriteContext tx, long writes, String then, Object... thenParams)
      throws SQLException {
    List<Object> params = new ArrayList<>();
    params.add(writes);
    StringBuilder sql = new StringBuilder(
        "WITH w AS (UPDATE es_writes SET count = count + 1 WHERE count = ? RETURNING count)");
    List<String> statements = arrayWrites(tx.connection, tx.nowMicros, "EXISTS (SELECT FROM w)", params);
    for (int i = 0; i < statements.size(); i++) {
      sql.append(", w").append(i).append(" AS (").append(statements.get(i)).append(')');
    }
    params.addAll(List.of(thenParams));
    PreparedStatement ps = tx.prepare(sql.append(' ').append(then).toString());
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false; // the statement, its own transaction, was rolled back whole
      }
      throw e;
    }
  }

  /**
   * The pending writes as statements whose rows travel as arrays (their parameters added to
   * {@code params}), each writing only if {@code condition} holds when it is not null.
   */
  private List<String> arrayWrites(Connection c, long nowMicros, String condition, List<Object> params)
      throws SQLException {
    List<String> statements = new ArrayList<>(4);
    String where = condition == null ? "" : " WHERE " + condition;
    if (!newStreams.isEmpty()) {
      int n = newStreams.size();
      Long[] ids = new Long[n];
      String[] names = new String[n];
      Long[] versions = new Long[n];
      int i = 0;
      for (Map.Entry<String, Long> e : newStreams.entrySet()) {
        ids[i] = e.getValue();
        names[i] = e.getKey();
        versions[i++] = streams.get(e.getKey()).version();
      }
      statements.add(INSERT_STREAMS_UNNEST + where);
      params.addAll(List.of(c.createArrayOf("bigint", ids), c.createArrayOf("text", names),
          c.createArrayOf("bigint", versions)));
    }
    if (!pending.isEmpty()) {
      int n = pending.size();
      Long[] positions = new Long[n];
      Long[] streamIds = new Long[n];
      Long[] versions = new Long[n];
      byte[][] ids = new byte[n][];
      String[] categories = new String[n];
      String[] types = new String[n];
      byte[][] data = new byte[n][];
      String[] correlations = new String[n];
      String[] causations = new String[n];
      String[] headers = new String[n];
      for (int i = 0; i < n; i++) {
        Pending p = pending.get(i);
        EventData e = p.event();
        positions[i] = p.position();
        streamIds[i] = p.streamId();
        versions[i] = p.version();
        ids[i] = Rows.bytes(e.id());
        categories[i] = p.category();
        types[i] = e.type();
        data[i] = e.data();
        correlations[i] = e.metadata().correlationId();
        causations[i] = e.metadata().causationId();
        headers[i] = p.headers();
      }
      statements.add(INSERT_EVENTS_UNNEST + where);
      params.add(nowMicros);
      params.addAll(List.of(c.createArrayOf("bigint", positions), c.createArrayOf("bigint", streamIds),
          c.createArrayOf("bigint", versions), c.createArrayOf("bytea", ids),
          c.createArrayOf("text", categories), c.createArrayOf("text", types), c.createArrayOf("bytea", data),
          c.createArrayOf("text", correlations), c.createArrayOf("text", causations),
          c.createArrayOf("text", headers)));
    }
    if (!changedStreams.isEmpty()) {
      int n = changedStreams.size();
      Long[] ids = new Long[n];
      Long[] versions = new Long[n];
      int i = 0;
      for (String name : changedStreams) {
        StreamRow row = streams.get(name);
        ids[i] = row.id();
        versions[i++] = row.version();
      }
      statements.add(UPDATE_STREAMS_UNNEST + (condition == null ? "" : " AND " + condition));
      params.addAll(List.of(c.createArrayOf("bigint", ids), c.createArrayOf("bigint", versions)));
    }
    return statements;
  }

  private static void run(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setObject(i + 1, params.get(i));
    }
    ps.execute();
    while (ps.getMoreResults() || ps.getUpdateCount() != -1) {
      // drain every statement's result: an error in any of them is thrown from here
    }
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
    presumed = null;
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
