package dev.architect.eventstore;

import java.util.List;

/**
 * An event store: named streams of events with optimistic concurrency, read back by stream, by
 * category, or all together in global order.
 *
 * <pre>{@code
 * try (EventStore store = EventStore.open("sqlite:data/events.db")) {
 *   store.append("account-42", ExpectedVersion.NO_STREAM,
 *       EventData.json("Opened", "{\"owner\":\"Ada\"}"));
 *   for (RecordedEvent e : store.readStream("account-42", 0, Direction.FORWARDS, 100)) { ... }
 * }
 * }</pre>
 *
 * <p>Guarantees, on every backend:
 * <ul>
 *   <li>An append (or {@link #appendMulti multi-stream append}) is atomic: all its events are
 *       written, or none. Its expectation is checked in the same transaction.
 *   <li>Versions are 0-based and gapless within a stream, and continue after a soft delete.
 *   <li>Global positions start at 1, increase strictly, and are assigned in commit order: when a
 *       reader sees position p, every event below p is committed and visible to it already (unless
 *       deleted or truncated). {@link #readAll} and {@link #readCategory} never skip an event that
 *       commits later.
 *   <li>Appends are idempotent by event id (see {@link #append}).
 *   <li>Events hidden by {@link StreamMetadata} or deleted are returned by no read.
 * </ul>
 *
 * <p>Implementations are thread-safe. Concurrent appends are batched into shared transactions (group
 * commit), each append still succeeding or failing on its own.
 */
public interface EventStore extends AutoCloseable {
  /** As a {@code from} version for {@link Direction#BACKWARDS} reads: start at the stream's end. */
  long END = Long.MAX_VALUE;

  /** The longest stream name accepted unless configured otherwise. */
  int DEFAULT_MAX_STREAM_NAME_LENGTH = 200;

  /** The largest event (data plus metadata, in bytes) accepted unless configured otherwise: 1 MiB. */
  int DEFAULT_MAX_EVENT_SIZE = 1 << 20;

  /**
   * Opens (creating if needed) the store at {@code url} with default settings: {@code sqlite:PATH} for
   * a SQLite file, {@code postgresql://user:password@host:port/db} or {@code jdbc:postgresql:...} for
   * PostgreSQL.
   *
   * @throws IllegalArgumentException if the url has no known scheme
   * @throws EventStoreException if the database cannot be opened or its schema created
   */
  static EventStore open(String url) {
    return builder(url).build();
  }

  /** A builder for the store at {@code url} (see {@link #open}). */
  static EventStoreBuilder builder(String url) {
    return new EventStoreBuilder(url);
  }

  /** The category of {@code stream}: the part before its first {@code -}, or all of it. */
  static String categoryOf(String stream) {
    int dash = stream.indexOf('-');
    return dash < 0 ? stream : stream.substring(0, dash);
  }

  /**
   * Appends {@code events} to {@code stream} if {@code expected} holds.
   *
   * <p>Idempotency: if every event id is already stored, at the same consecutive versions of this
   * stream with the same type, data and metadata, and {@code expected} held for the original append,
   * nothing is written and the result has {@code written() == false}.
   *
   * @throws WrongExpectedVersionException if the stream is not as expected
   * @throws DuplicateEventIdException if an id is stored for a different event, or only some ids are
   * @throws StreamDeletedException if the stream is hard-deleted
   * @throws IllegalArgumentException for a bad stream name, an oversized event, or an id used twice
   * @throws EventStoreException if the database fails; the append may or may not have committed
   */
  AppendResult append(String stream, ExpectedVersion expected, List<EventData> events);

  /** As {@link #append(String, ExpectedVersion, List)}. */
  default AppendResult append(String stream, ExpectedVersion expected, EventData... events) {
    return append(stream, expected, List.of(events));
  }

  /**
   * Appends to several streams atomically, each with its own expectation: all or nothing. Results are
   * in the order of {@code appends}; positions follow that order too.
   *
   * @throws WrongExpectedVersionException for the first stream whose expectation fails
   * @throws IllegalArgumentException if a stream appears twice, or as {@link #append}
   * @throws DuplicateEventIdException as {@link #append}
   * @throws StreamDeletedException as {@link #append}
   */
  List<AppendResult> appendMulti(List<StreamAppend> appends);

  /**
   * Up to {@code limit} visible events of {@code stream}, from version {@code from} (inclusive) in
   * {@code direction}. A stream that does not exist, or is deleted, reads as empty.
   *
   * @throws IllegalArgumentException if {@code from} is negative, {@code limit} is not positive, or
   *     the stream name is invalid
   */
  List<RecordedEvent> readStream(String stream, long from, Direction direction, int limit);

  /**
   * Up to {@code limit} visible events of the whole store in global order, from position
   * {@code fromPosition} (inclusive; positions start at 1). To continue, pass the last position + 1.
   *
   * @throws IllegalArgumentException if {@code fromPosition} is negative or {@code limit} not positive
   */
  List<RecordedEvent> readAll(long fromPosition, int limit);

  /**
   * As {@link #readAll}, restricted to streams of {@code category}.
   *
   * @throws IllegalArgumentException if the category is empty or contains {@code -}, or as
   *     {@link #readAll}
   */
  List<RecordedEvent> readCategory(String category, long fromPosition, int limit);

  /** The version of the last event of {@code stream}, or -1 if it has none or is deleted. */
  long streamVersion(String stream);

  /** The global position of the last committed event (visible or not), 0 for an empty store. */
  long lastPosition();

  /** The retention settings of {@code stream} ({@link StreamMetadata#NONE} if never set). */
  StreamMetadata streamMetadata(String stream);

  /**
   * Replaces the retention settings of {@code stream} (which need not exist yet).
   *
   * @throws StreamDeletedException if the stream is hard-deleted
   */
  void setStreamMetadata(String stream, StreamMetadata metadata);

  /**
   * Soft-deletes {@code stream}: its events disappear from every read; appending again recreates it,
   * with versions continuing after the old ones ({@link ExpectedVersion#NO_STREAM} holds until then).
   *
   * @throws WrongExpectedVersionException if the stream is not as expected
   * @throws StreamDeletedException if the stream is hard-deleted
   */
  void deleteStream(String stream, ExpectedVersion expected);

  /**
   * Hard-deletes {@code stream}: its events disappear from every read and the name can never be
   * written again.
   *
   * @throws WrongExpectedVersionException if the stream is not as expected
   * @throws StreamDeletedException if the stream is already hard-deleted
   */
  void tombstoneStream(String stream, ExpectedVersion expected);

  /**
   * Starts a catch-up subscription to all events from {@code fromPosition} (inclusive): it reads the
   * history, then waits for new events, calling {@code handler} for each visible event once, in
   * global order, on one thread of its own. If the handler throws, the subscription stops (see
   * {@link Subscription#failure()}); a restart from its {@link Subscription#checkpoint()} + 1
   * redelivers the failed event: at-least-once delivery.
   */
  Subscription subscribeToAll(long fromPosition, EventHandler handler);

  /** As {@link #subscribeToAll}, restricted to streams of {@code category}. */
  Subscription subscribeToCategory(String category, long fromPosition, EventHandler handler);

  /** Stops the subscriptions, waits for pending appends, and closes the database connections. */
  @Override
  void close();
}
