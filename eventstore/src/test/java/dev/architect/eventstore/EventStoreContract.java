package dev.architect.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every backend must have. Subclasses say how to make a fresh, empty store.
 */
abstract class EventStoreContract {
  protected final MutableClock clock = new MutableClock();
  protected EventStore store;
  private final List<EventStore> opened = new ArrayList<>();

  /** A builder for a new, empty store (each call a different one). */
  protected abstract EventStoreBuilder freshStore();

  @BeforeEach
  void openStore() {
    store = track(freshStore().clock(clock).build());
  }

  protected EventStore track(EventStore s) {
    opened.add(s);
    return s;
  }

  @AfterEach
  void closeStores() {
    for (EventStore s : opened) {
      s.close();
    }
  }

  static EventData event(String type, String json) {
    return EventData.json(type, json);
  }

  static EventData event(int n) {
    return EventData.json("E", "{\"n\":" + n + "}");
  }

  static List<String> data(List<RecordedEvent> events) {
    return events.stream().map(RecordedEvent::dataAsString).toList();
  }

  // ------------------------------------------------------------ basic append and reads

  @Test
  void appendsAndReadsAStream() {
    AppendResult r = store.append("order-1", ExpectedVersion.NO_STREAM, event(0), event(1), event(2));
    assertThat(r).isEqualTo(new AppendResult("order-1", 2, 3, true));
    assertThat(store.streamVersion("order-1")).isEqualTo(2);
    assertThat(store.streamVersion("order-2")).isEqualTo(-1);

    List<RecordedEvent> all = store.readStream("order-1", 0, Direction.FORWARDS, 10);
    assertThat(all).extracting(RecordedEvent::version).containsExactly(0L, 1L, 2L);
    assertThat(all).extracting(RecordedEvent::position).containsExactly(1L, 2L, 3L);
    assertThat(all.getFirst().created()).isEqualTo(clock.instant());
    assertThat(all.getFirst().category()).isEqualTo("order");
    assertThat(data(store.readStream("order-1", 1, Direction.FORWARDS, 1))).containsExactly("{\"n\":1}");
    assertThat(store.readStream("order-1", EventStore.END, Direction.BACKWARDS, 2))
        .extracting(RecordedEvent::version).containsExactly(2L, 1L);
    assertThat(store.readStream("order-1", 1, Direction.BACKWARDS, 10))
        .extracting(RecordedEvent::version).containsExactly(1L, 0L);
    assertThat(store.readStream("order-1", 3, Direction.FORWARDS, 10)).isEmpty();
    assertThat(store.readStream("nothing-here", 0, Direction.FORWARDS, 10)).isEmpty();
  }

  @Test
  void readsAllAndCategoriesInGlobalOrder() {
    store.append("order-1", ExpectedVersion.ANY, event(1));
    store.append("user-1", ExpectedVersion.ANY, event(2));
    store.append("order-2", ExpectedVersion.ANY, event(3), event(4));
    store.append("orders", ExpectedVersion.ANY, event(5));
    store.append("order", ExpectedVersion.ANY, event(6));

    assertThat(data(store.readAll(0, 100)))
        .containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}", "{\"n\":5}", "{\"n\":6}");
    assertThat(store.readAll(3, 2)).extracting(RecordedEvent::position).containsExactly(3L, 4L);
    assertThat(store.readCategory("order", 0, 100)).extracting(RecordedEvent::stream)
        .containsExactly("order-1", "order-2", "order-2", "order");
    assertThat(store.readCategory("order", 4, 100)).extracting(RecordedEvent::position)
        .containsExactly(4L, 6L);
    assertThat(store.readCategory("orders", 0, 100)).hasSize(1);
    assertThat(store.lastPosition()).isEqualTo(6);
  }

  @Test
  void keepsMetadataAndCausation() {
    EventData first = event("Placed", "{}").withMetadata(
        new EventMetadata("corr-1", null, Map.of("user", "ada", "tenant", "t1")));
    store.append("order-9", ExpectedVersion.ANY, first);
    RecordedEvent placed = store.readStream("order-9", 0, Direction.FORWARDS, 1).getFirst();
    assertThat(placed.id()).isEqualTo(first.id());
    assertThat(placed.type()).isEqualTo("Placed");
    assertThat(placed.metadata()).isEqualTo(first.metadata());

    EventData next = event("Shipped", "{}").causedBy(placed);
    store.append("order-9", ExpectedVersion.exactly(0), next);
    RecordedEvent shipped = store.readStream("order-9", 1, Direction.FORWARDS, 1).getFirst();
    assertThat(shipped.metadata().correlationId()).isEqualTo("corr-1");
    assertThat(shipped.metadata().causationId()).isEqualTo(placed.id().toString());
  }

  @Test
  void storesArbitraryBytes() {
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    store.append("blob-1", ExpectedVersion.ANY, EventData.of("Raw", bytes));
    assertThat(store.readAll(1, 1).getFirst().data()).isEqualTo(bytes);
  }

  // ------------------------------------------------------------ expected versions

  /** The states a stream can be in, and its current version as ExpectedVersion sees it. */
  private enum State { NONE, AT_0, AT_2, SOFT_DELETED_AT_2 }

  private long prepare(String stream, State state) {
    switch (state) {
      case NONE -> { }
      case AT_0 -> store.append(stream, ExpectedVersion.ANY, event(0));
      case AT_2 -> store.append(stream, ExpectedVersion.ANY, event(0), event(1), event(2));
      case SOFT_DELETED_AT_2 -> {
        store.append(stream, ExpectedVersion.ANY, event(0), event(1), event(2));
        store.deleteStream(stream, ExpectedVersion.exactly(2));
      }
    }
    return switch (state) {
      case NONE, SOFT_DELETED_AT_2 -> -1;
      case AT_0 -> 0;
      case AT_2 -> 2;
    };
  }

  @Test
  void expectedVersionMatrix() {
    List<ExpectedVersion> expectations = List.of(ExpectedVersion.ANY, ExpectedVersion.NO_STREAM,
        ExpectedVersion.STREAM_EXISTS, ExpectedVersion.exactly(0), ExpectedVersion.exactly(2),
        ExpectedVersion.exactly(5));
    int cases = 0;
    for (State state : State.values()) {
      for (ExpectedVersion x : expectations) {
        String stream = "m" + cases++ + "-" + state;
        long current = prepare(stream, state);
        boolean ok = switch (x.toString()) {
          case "any" -> true;
          case "no-stream" -> current == -1;
          case "exists" -> current >= 0;
          default -> current == x.version();
        };
        long nextVersion = state == State.NONE ? 0 : state == State.AT_0 ? 1 : 3;
        if (ok) {
          AppendResult r = store.append(stream, x, event(9));
          assertThat(r.lastVersion()).as("%s %s", state, x).isEqualTo(nextVersion);
          assertThat(store.streamVersion(stream)).isEqualTo(nextVersion);
        } else {
          long before = store.lastPosition();
          assertThatThrownBy(() -> store.append(stream, x, event(9)))
              .as("%s %s", state, x)
              .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                assertThat(e.stream()).isEqualTo(stream);
                assertThat(e.expected()).isEqualTo(x);
                assertThat(e.actual()).isEqualTo(current);
                assertThat(e).hasMessage("wrong expected version for stream '" + stream + "': expected "
                    + x + ", actual " + (current < 0 ? "no-stream" : Long.toString(current)));
              });
          assertThat(store.lastPosition()).isEqualTo(before);
        }
      }
    }
    assertThat(cases).isEqualTo(24);
  }

  @Test
  void emptyAppendIsAConditionOnly() {
    store.append("c-1", ExpectedVersion.ANY, event(0));
    assertThat(store.append("c-1", ExpectedVersion.exactly(0), List.of()))
        .isEqualTo(new AppendResult("c-1", 0, -1, false));
    assertThatThrownBy(() -> store.append("c-1", ExpectedVersion.NO_STREAM, List.of()))
        .isInstanceOf(WrongExpectedVersionException.class);
    assertThat(store.lastPosition()).isEqualTo(1);
  }

  // ------------------------------------------------------------ idempotency

  @Test
  void retriedAppendWritesNothing() {
    EventData a = event(1);
    EventData b = event(2);
    AppendResult first = store.append("pay-1", ExpectedVersion.NO_STREAM, a, b);
    AppendResult again = store.append("pay-1", ExpectedVersion.NO_STREAM, a, b);
    assertThat(again).isEqualTo(new AppendResult("pay-1", 1, first.lastPosition(), false));
    assertThat(store.lastPosition()).isEqualTo(2);

    EventData c = event(3);
    store.append("pay-1", ExpectedVersion.exactly(1), c);
    assertThat(store.append("pay-1", ExpectedVersion.exactly(1), c).written()).isFalse();
    assertThat(store.append("pay-1", ExpectedVersion.ANY, c).written()).isFalse();
    assertThat(store.append("pay-1", ExpectedVersion.STREAM_EXISTS, c).written()).isFalse();
    assertThat(store.readStream("pay-1", 0, Direction.FORWARDS, 10)).hasSize(3);
    assertThat(store.lastPosition()).isEqualTo(3);
  }

  @Test
  void retryWithAnotherExpectationIsAConflict() {
    EventData a = event(1);
    store.append("pay-2", ExpectedVersion.NO_STREAM, a);
    store.append("pay-2", ExpectedVersion.exactly(0), event(2));
    assertThatThrownBy(() -> store.append("pay-2", ExpectedVersion.exactly(5), a))
        .isInstanceOf(WrongExpectedVersionException.class)
        .hasMessage("wrong expected version for stream 'pay-2': expected 5, actual 1");
    assertThatThrownBy(() -> store.append("pay-2", ExpectedVersion.exactly(1), a))
        .isInstanceOf(DuplicateEventIdException.class)
        .hasMessage("event id " + a.id() + " is already stored (stream 'pay-2', version 0)"
            + " by an append with another expected version");
    assertThat(store.lastPosition()).isEqualTo(2);
  }

  @Test
  void reusedIdForOtherContentIsAnError() {
    EventData a = event(1);
    store.append("pay-3", ExpectedVersion.NO_STREAM, a);
    EventData changed = event(2).withId(a.id());
    assertThatThrownBy(() -> store.append("pay-3", ExpectedVersion.NO_STREAM, changed))
        .isInstanceOfSatisfying(DuplicateEventIdException.class,
            e -> assertThat(e.eventId()).isEqualTo(a.id()))
        .hasMessage("event id " + a.id() + " is already stored with different content (stream 'pay-3', version 0)");
    assertThatThrownBy(() -> store.append("pay-4", ExpectedVersion.ANY, a))
        .isInstanceOf(DuplicateEventIdException.class)
        .hasMessage("event id " + a.id() + " is already used in stream 'pay-3' (version 0), not 'pay-4'");
    EventData fresh = event(3);
    assertThatThrownBy(() -> store.append("pay-3", ExpectedVersion.ANY, a, fresh))
        .isInstanceOf(DuplicateEventIdException.class)
        .hasMessage("event id " + a.id() + " is already stored, but event " + fresh.id()
            + " of the same append is not: a retry must repeat the whole earlier append");
    EventData withHeader = a.withMetadata(a.metadata().withHeader("x", "y"));
    assertThatThrownBy(() -> store.append("pay-3", ExpectedVersion.NO_STREAM, withHeader))
        .isInstanceOf(DuplicateEventIdException.class);
    assertThat(store.lastPosition()).isEqualTo(1);
  }

  // ------------------------------------------------------------ multi-stream atomicity

  @Test
  void multiStreamAppendIsAllOrNothing() {
    store.append("acct-a", ExpectedVersion.ANY, event(0));
    store.append("acct-b", ExpectedVersion.ANY, event(0), event(1));

    List<AppendResult> ok = store.appendMulti(List.of(
        StreamAppend.of("acct-a", ExpectedVersion.exactly(0), event(10)),
        StreamAppend.of("acct-b", ExpectedVersion.exactly(1), event(11), event(12)),
        StreamAppend.of("acct-c", ExpectedVersion.NO_STREAM, event(13))));
    assertThat(ok).containsExactly(new AppendResult("acct-a", 1, 4, true),
        new AppendResult("acct-b", 3, 6, true), new AppendResult("acct-c", 0, 7, true));

    long before = store.lastPosition();
    assertThatThrownBy(() -> store.appendMulti(List.of(
        StreamAppend.of("acct-a", ExpectedVersion.exactly(1), event(20)),
        StreamAppend.of("acct-d", ExpectedVersion.NO_STREAM, event(21)),
        StreamAppend.of("acct-b", ExpectedVersion.exactly(2), event(22)))))
        .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
          assertThat(e.stream()).isEqualTo("acct-b");
          assertThat(e.actual()).isEqualTo(3);
        });
    assertThat(store.lastPosition()).isEqualTo(before);
    assertThat(store.streamVersion("acct-a")).isEqualTo(1);
    assertThat(store.streamVersion("acct-d")).isEqualTo(-1);

    store.tombstoneStream("acct-t", ExpectedVersion.ANY);
    assertThatThrownBy(() -> store.appendMulti(List.of(
        StreamAppend.of("acct-a", ExpectedVersion.exactly(1), event(30)),
        StreamAppend.of("acct-t", ExpectedVersion.ANY, event(31)))))
        .isInstanceOf(StreamDeletedException.class);
    assertThat(store.lastPosition()).isEqualTo(before);
  }

  /**
   * More streams and ids than one lookup query carries (256 of each): the store looks the rest up with
   * further queries, and a retry of the whole append still finds every id; a page of reads whose events
   * span 300 streams fetches their rows in two queries.
   */
  @Test
  void appendsLargerThanOneLookupRoundTrip() {
    List<EventData> many = IntStream.range(0, 700).mapToObj(EventStoreContract::event).toList();
    List<StreamAppend> wide = IntStream.range(0, 300)
        .mapToObj(i -> StreamAppend.of("wide-" + i, ExpectedVersion.NO_STREAM, event(i))).toList();

    assertThat(store.append("long-1", ExpectedVersion.NO_STREAM, many).lastVersion()).isEqualTo(699);
    assertThat(store.appendMulti(wide)).hasSize(300).allMatch(AppendResult::written);
    assertThat(store.append("long-1", ExpectedVersion.NO_STREAM, many).written()).isFalse();
    assertThat(store.appendMulti(wide)).noneMatch(AppendResult::written);

    assertThat(store.lastPosition()).isEqualTo(1_000);
    assertThat(data(store.readStream("long-1", 0, Direction.FORWARDS, 1_000)))
        .isEqualTo(many.stream().map(e -> new String(e.data(), StandardCharsets.UTF_8)).toList());
    assertThat(store.readCategory("wide", 0, 1_000)).extracting(RecordedEvent::stream)
        .isEqualTo(IntStream.range(0, 300).mapToObj(i -> "wide-" + i).toList());
  }

  // ------------------------------------------------------------ metadata and deletes

  @Test
  void maxCountHidesOlderEventsEverywhere() {
    store.append("log-1", ExpectedVersion.ANY, event(0), event(1), event(2), event(3));
    store.append("other-1", ExpectedVersion.ANY, event(9));
    store.setStreamMetadata("log-1", StreamMetadata.NONE.withMaxCount(2));
    assertThat(store.streamMetadata("log-1")).isEqualTo(new StreamMetadata(2L, null, null));
    assertThat(store.readStream("log-1", 0, Direction.FORWARDS, 10)).extracting(RecordedEvent::version)
        .containsExactly(2L, 3L);
    assertThat(store.readStream("log-1", EventStore.END, Direction.BACKWARDS, 10))
        .extracting(RecordedEvent::version).containsExactly(3L, 2L);
    assertThat(store.readAll(0, 10)).extracting(RecordedEvent::position).containsExactly(3L, 4L, 5L);
    assertThat(store.readCategory("log", 0, 10)).extracting(RecordedEvent::version).containsExactly(2L, 3L);
    store.append("log-1", ExpectedVersion.exactly(3), event(4));
    assertThat(store.readStream("log-1", 0, Direction.FORWARDS, 10)).extracting(RecordedEvent::version)
        .containsExactly(3L, 4L);
  }

  @Test
  void truncateBeforeHidesLowerVersions() {
    store.append("log-2", ExpectedVersion.ANY, event(0), event(1), event(2));
    store.setStreamMetadata("log-2", StreamMetadata.NONE.withTruncateBefore(2));
    assertThat(store.readStream("log-2", 0, Direction.FORWARDS, 10)).extracting(RecordedEvent::version)
        .containsExactly(2L);
    assertThat(store.readAll(0, 10)).extracting(RecordedEvent::version).containsExactly(2L);
    assertThat(store.streamVersion("log-2")).isEqualTo(2);
    store.setStreamMetadata("log-2", StreamMetadata.NONE);
    assertThat(store.readAll(0, 10)).hasSize(3);
  }

  @Test
  void maxAgeFollowsTheStoreClock() {
    store.append("tmp-1", ExpectedVersion.ANY, event(0));
    clock.advance(Duration.ofMinutes(10));
    store.append("tmp-1", ExpectedVersion.ANY, event(1));
    store.setStreamMetadata("tmp-1", StreamMetadata.NONE.withMaxAge(Duration.ofMinutes(5)));
    assertThat(store.streamMetadata("tmp-1").maxAge()).isEqualTo(Duration.ofMinutes(5));
    assertThat(store.readStream("tmp-1", 0, Direction.FORWARDS, 10)).extracting(RecordedEvent::version)
        .containsExactly(1L);
    assertThat(store.readCategory("tmp", 0, 10)).hasSize(1);
    clock.advance(Duration.ofMinutes(5));
    assertThat(store.readAll(0, 10)).isEmpty();
  }

  @Test
  void softDeleteHidesAndRecreateContinuesVersions() {
    store.append("cart-1", ExpectedVersion.ANY, event(0), event(1));
    store.append("cart-2", ExpectedVersion.ANY, event(5));
    assertThatThrownBy(() -> store.deleteStream("cart-1", ExpectedVersion.exactly(0)))
        .isInstanceOf(WrongExpectedVersionException.class);
    store.deleteStream("cart-1", ExpectedVersion.exactly(1));
    assertThat(store.streamVersion("cart-1")).isEqualTo(-1);
    assertThat(store.readStream("cart-1", 0, Direction.FORWARDS, 10)).isEmpty();
    assertThat(store.readAll(0, 10)).extracting(RecordedEvent::stream).containsExactly("cart-2");
    assertThat(store.readCategory("cart", 0, 10)).extracting(RecordedEvent::stream).containsExactly("cart-2");

    AppendResult again = store.append("cart-1", ExpectedVersion.NO_STREAM, event(2));
    assertThat(again.lastVersion()).isEqualTo(2);
    assertThat(store.readStream("cart-1", 0, Direction.FORWARDS, 10)).extracting(RecordedEvent::version)
        .containsExactly(2L);
    assertThat(store.readAll(0, 10)).extracting(RecordedEvent::stream).containsExactly("cart-2", "cart-1");
    assertThat(store.streamVersion("cart-1")).isEqualTo(2);
  }

  @Test
  void hardDeleteIsForever() {
    store.append("acc-1", ExpectedVersion.ANY, event(0));
    store.tombstoneStream("acc-1", ExpectedVersion.exactly(0));
    assertThat(store.readStream("acc-1", 0, Direction.FORWARDS, 10)).isEmpty();
    assertThat(store.readAll(0, 10)).isEmpty();
    assertThat(store.readCategory("acc", 0, 10)).isEmpty();
    assertThat(store.streamVersion("acc-1")).isEqualTo(-1);
    String message = "stream 'acc-1' is hard-deleted (tombstoned) and cannot be written again";
    assertThatThrownBy(() -> store.append("acc-1", ExpectedVersion.ANY, event(1)))
        .isInstanceOfSatisfying(StreamDeletedException.class, e -> assertThat(e.stream()).isEqualTo("acc-1"))
        .hasMessage(message);
    assertThatThrownBy(() -> store.append("acc-1", ExpectedVersion.NO_STREAM, event(1))).hasMessage(message);
    assertThatThrownBy(() -> store.deleteStream("acc-1", ExpectedVersion.ANY)).hasMessage(message);
    assertThatThrownBy(() -> store.tombstoneStream("acc-1", ExpectedVersion.ANY)).hasMessage(message);
    assertThatThrownBy(() -> store.setStreamMetadata("acc-1", StreamMetadata.NONE)).hasMessage(message);
    store.tombstoneStream("never-written", ExpectedVersion.NO_STREAM);
    assertThatThrownBy(() -> store.append("never-written", ExpectedVersion.ANY, event(1))).hasMessage(
        "stream 'never-written' is hard-deleted (tombstoned) and cannot be written again");
  }

  // ------------------------------------------------------------ bad inputs

  @Test
  void rejectsBadStreamNames() {
    assertThatThrownBy(() -> store.append("", ExpectedVersion.ANY, event(0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("stream must not be empty");
    String longName = "a".repeat(201);
    assertThatThrownBy(() -> store.append(longName, ExpectedVersion.ANY, event(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stream must be at most 200 characters, was 201: 'aaaaaaaaaaaaaaaaaaaa...'");
    assertThat(store.append("a".repeat(200), ExpectedVersion.ANY, event(0)).written()).isTrue();
    assertThatThrownBy(() -> store.readStream("$all", 0, Direction.FORWARDS, 1))
        .hasMessage("stream must not start with '$' (reserved for system streams), was '$all'");
    assertThatThrownBy(() -> store.append("a\nb", ExpectedVersion.ANY, event(0)))
        .hasMessage("stream must not contain control characters, was 'a?b' (at index 1)");
    assertThatThrownBy(() -> store.append(null, ExpectedVersion.ANY, event(0)))
        .isInstanceOf(NullPointerException.class).hasMessage("stream");
    assertThatThrownBy(() -> store.readCategory("a-b", 0, 1))
        .hasMessage("category must not contain '-', was 'a-b'");
    assertThatThrownBy(() -> store.readCategory("", 0, 1)).hasMessage("category must not be empty");
  }

  @Test
  void rejectsOversizedEvents() {
    EventStore small = track(freshStore().maxEventSize(100).build());
    EventData big = EventData.of("Big", new byte[101]);
    assertThatThrownBy(() -> small.append("big-1", ExpectedVersion.ANY, big))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event " + big.id() + " of type 'Big' is 101 bytes, over the limit of 100 bytes"
            + " (data plus metadata)");
    EventData withMeta = EventData.of("Big", new byte[90]).withMetadata(new EventMetadata("0123456789", "x", Map.of()));
    assertThatThrownBy(() -> small.append("big-1", ExpectedVersion.ANY, withMeta))
        .hasMessageContaining("is 101 bytes, over the limit of 100 bytes");
    assertThat(small.append("big-1", ExpectedVersion.ANY, EventData.of("Big", new byte[100])).written()).isTrue();
    assertThat(small.lastPosition()).isEqualTo(1);
  }

  @Test
  void rejectsBadArguments() {
    EventData e = event(0);
    assertThatThrownBy(() -> store.append("x-1", ExpectedVersion.ANY, e, e))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event id " + e.id() + " appears more than once in one append");
    assertThatThrownBy(() -> store.appendMulti(List.of(
        StreamAppend.of("x-1", ExpectedVersion.ANY, event(1)), StreamAppend.of("x-1", ExpectedVersion.ANY))))
        .hasMessage("stream 'x-1' appears more than once in one multi-stream append");
    assertThatThrownBy(() -> store.appendMulti(List.of())).hasMessage("appends must not be empty");
    assertThatThrownBy(() -> store.readAll(0, 0)).hasMessage("limit must be >= 1, was 0");
    assertThatThrownBy(() -> store.readAll(-1, 10)).hasMessage("fromPosition must be >= 0, was -1");
    assertThatThrownBy(() -> store.readStream("x-1", -1, Direction.FORWARDS, 10))
        .hasMessage("from version must be >= 0, was -1");
    assertThat(store.lastPosition()).isZero();
  }

  // ------------------------------------------------------------ concurrency

  @Test
  void anAppendSeesWhatAnotherInstanceWroteSinceItsOwnLastAppend() {
    EventStore other = track(sameDatabase());
    store.append("acct-1", ExpectedVersion.NO_STREAM, event(1));
    store.append("acct-1", ExpectedVersion.exactly(0), event(2));
    other.deleteStream("acct-1", ExpectedVersion.exactly(1));
    assertThatThrownBy(() -> store.append("acct-1", ExpectedVersion.exactly(1), event(3)))
        .isInstanceOf(WrongExpectedVersionException.class);
    other.append("acct-1", ExpectedVersion.NO_STREAM, event(4));
    other.append("acct-2", ExpectedVersion.NO_STREAM, event(5));
    assertThat(store.append("acct-1", ExpectedVersion.exactly(2), event(6)).lastVersion()).isEqualTo(3);
    assertThat(store.append("acct-3", ExpectedVersion.NO_STREAM, event(7)).lastPosition()).isEqualTo(6);
    assertThat(data(store.readStream("acct-1", 0, Direction.FORWARDS, 10)))
        .containsExactly("{\"n\":4}", "{\"n\":6}");
    assertThat(store.readAll(0, 10).stream().map(RecordedEvent::position))
        .containsExactly(3L, 4L, 5L, 6L);
  }

  /** Writers on two store instances of one database (4 threads each), as several application processes. */
  @Test
  void concurrentWritersLoseAndDuplicateNothing() throws Exception {
    EventStore other = track(sameDatabase());
    int writers = 8;
    int rounds = 25;
    CyclicBarrier barrier = new CyclicBarrier(writers);
    AtomicInteger conflicts = new AtomicInteger();
    Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int id = w;
        EventStore instance = id % 2 == 0 ? store : other;
        done.add(pool.submit(() -> {
          String own = "own-" + id;
          long ownVersion = -1;
          // Round 0 forces conflicts: everyone reads the shared stream, then all append at once.
          long seen = instance.streamVersion("shared-0");
          barrier.await();
          for (int round = 0; round < rounds; round++) {
            String payload = "{\"w\":" + id + ",\"r\":" + round + "}";
            String shared = "shared-" + (round % 2);
            while (true) {
              ExpectedVersion x = seen < 0 ? ExpectedVersion.NO_STREAM : ExpectedVersion.exactly(seen);
              ExpectedVersion mine = ownVersion < 0 ? ExpectedVersion.NO_STREAM : ExpectedVersion.exactly(ownVersion);
              try {
                if (round % 3 == 2) {
                  // An atomic pair: the writer's own stream and a shared one.
                  List<AppendResult> r = instance.appendMulti(List.of(
                      StreamAppend.of(own, mine, EventData.json("Own", payload)),
                      StreamAppend.of(shared, x, EventData.json("Shared", payload))));
                  ownVersion = r.get(0).lastVersion();
                  acknowledged.computeIfAbsent(own, k -> new CopyOnWriteArrayList<>()).add(payload);
                } else {
                  instance.append(shared, x, EventData.json("Shared", payload));
                }
                acknowledged.computeIfAbsent(shared, k -> new CopyOnWriteArrayList<>()).add(payload);
                break;
              } catch (WrongExpectedVersionException e) {
                conflicts.incrementAndGet();
                seen = e.actual();
              }
            }
            seen = instance.streamVersion("shared-" + ((round + 1) % 2));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(conflicts.get()).isGreaterThanOrEqualTo(writers - 1);

    List<RecordedEvent> all = store.readAll(0, 100_000);
    int expectedTotal = acknowledged.values().stream().mapToInt(List::size).sum();
    assertThat(all).hasSize(expectedTotal);
    for (int i = 0; i < all.size(); i++) {
      assertThat(all.get(i).position()).isEqualTo(i + 1);
    }
    assertThat(all.stream().map(RecordedEvent::id).distinct().count()).isEqualTo(expectedTotal);
    for (var entry : acknowledged.entrySet()) {
      List<RecordedEvent> stream = store.readStream(entry.getKey(), 0, Direction.FORWARDS, 100_000);
      for (int v = 0; v < stream.size(); v++) {
        assertThat(stream.get(v).version()).isEqualTo(v);
      }
      assertThat(data(stream)).containsExactlyInAnyOrderElementsOf(entry.getValue());
    }
    // Each multi-stream pair is adjacent in the global order: the two halves were one transaction.
    Map<String, Long> ownPositions = new HashMap<>();
    for (RecordedEvent e : all) {
      if (e.type().equals("Own")) {
        ownPositions.put(e.dataAsString(), e.position());
      }
    }
    for (RecordedEvent e : all) {
      Long own = ownPositions.get(e.dataAsString());
      if (own != null && e.type().equals("Shared")) {
        assertThat(e.position()).isEqualTo(own + 1);
      }
    }
  }

  @Test
  void catchUpReaderNeverSkipsAnEventDuringHeavyWriting() throws Exception {
    int writers = 8;
    int perWriter = 120;
    AtomicBoolean writing = new AtomicBoolean(true);
    Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    List<RecordedEvent> received = Collections.synchronizedList(new ArrayList<>());
    List<RecordedEvent> receivedCategory = Collections.synchronizedList(new ArrayList<>());
    List<String> problems = new CopyOnWriteArrayList<>();

    Thread reader = Thread.ofPlatform().start(() -> {
      long checkpoint = 0;
      long categoryCheckpoint = 0;
      while (true) {
        boolean last = !writing.get(); // read once more after the writers finished
        List<RecordedEvent> page = store.readAll(checkpoint + 1, 37);
        for (RecordedEvent e : page) {
          if (e.position() != checkpoint + 1) {
            problems.add("after checkpoint " + checkpoint + " came position " + e.position());
          }
          checkpoint = e.position();
          received.add(e);
        }
        List<RecordedEvent> cat = store.readCategory("hot", categoryCheckpoint + 1, 23);
        for (RecordedEvent e : cat) {
          categoryCheckpoint = e.position();
          receivedCategory.add(e);
        }
        if (last && page.isEmpty() && cat.isEmpty()) {
          return;
        }
      }
    });
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int id = w;
        done.add(pool.submit(() -> {
          for (int i = 0; i < perWriter; i++) {
            String stream = (i % 2 == 0 ? "hot-" : "cold-") + id;
            EventData e1 = event(i);
            if (i % 10 == 9) {
              EventData e2 = event(-i);
              store.appendMulti(List.of(StreamAppend.of(stream, ExpectedVersion.ANY, e1),
                  StreamAppend.of("hot-shared", ExpectedVersion.ANY, e2)));
              acknowledged.add(e2.id());
            } else {
              store.append(stream, ExpectedVersion.ANY, e1);
            }
            acknowledged.add(e1.id());
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      writing.set(false);
      pool.shutdown();
      reader.join();
    }
    assertThat(problems).isEmpty();
    List<RecordedEvent> all = store.readAll(0, 100_000);
    assertThat(received).containsExactlyElementsOf(all);
    assertThat(received.stream().map(RecordedEvent::id).toList()).containsExactlyInAnyOrderElementsOf(acknowledged);
    assertThat(receivedCategory).containsExactlyElementsOf(store.readCategory("hot", 0, 100_000));
    assertThat(receivedCategory).isNotEmpty().allMatch(e -> e.category().equals("hot"));
  }

  // ------------------------------------------------------------ model-based

  /** The reference: what every read must return after a sequence of operations. */
  private static final class Model {
    static final class Stream {
      long version = -1;
      long deletedBefore;
      boolean soft;
      boolean tomb;
      Long maxCount;
      Long truncateBefore;

      long current() {
        return soft ? -1 : version;
      }
    }

    record Event(long position, String stream, long version, UUID id) {}

    final Map<String, Stream> streams = new HashMap<>();
    final List<Event> events = new ArrayList<>();

    Stream stream(String name) {
      return streams.computeIfAbsent(name, k -> new Stream());
    }

    boolean visible(Event e) {
      Stream s = streams.get(e.stream);
      return !s.tomb && e.version >= s.deletedBefore
          && (s.truncateBefore == null || e.version >= s.truncateBefore)
          && (s.maxCount == null || e.version > s.version - s.maxCount);
    }

    /** Null if the append would succeed, else the exception it must throw. */
    Class<?> check(String name, ExpectedVersion x) {
      Stream s = stream(name);
      if (s.tomb) {
        return StreamDeletedException.class;
      }
      return x.matches(s.current()) ? null : WrongExpectedVersionException.class;
    }

    void write(String name, List<EventData> data) {
      Stream s = stream(name);
      for (EventData d : data) {
        events.add(new Event(events.size() + 1, name, ++s.version, d.id()));
        s.soft = false;
      }
    }
  }

  private static ExpectedVersion randomExpectation(java.util.Random r, long current) {
    return switch (r.nextInt(6)) {
      case 0 -> ExpectedVersion.ANY;
      case 1 -> ExpectedVersion.NO_STREAM;
      case 2 -> ExpectedVersion.STREAM_EXISTS;
      case 3 -> current >= 0 ? ExpectedVersion.exactly(current) : ExpectedVersion.NO_STREAM;
      default -> ExpectedVersion.exactly(Math.max(0, current + r.nextInt(3) - 1));
    };
  }

  /**
   * Random operations against a model. Seed 3 sends each operation to one of two store instances on
   * the same database at random, so that each writer's knowledge from its own last commit is often out
   * of date; any seed repeats a successful append now and then, which must succeed and write nothing.
   */
  @Test
  void randomOperationsMatchTheModel() {
    for (long seed : new long[] {1, 2, 3}) {
      EventStore first = seed == 1 ? store : track(freshStore().clock(clock).build());
      EventStore second = seed == 3 ? track(sameDatabase()) : first;
      java.util.Random r = new java.util.Random(seed);
      Model model = new Model();
      List<String> names = List.of("ma-1", "ma-2", "ma-3", "mb-1", "mb-2");
      StreamAppend lastAppend = null;
      for (int op = 0; op < 150; op++) {
        String at = "seed " + seed + ", operation " + op;
        EventStore s = r.nextBoolean() ? first : second;
        if (lastAppend != null && r.nextInt(4) == 0) {
          AppendResult retried = s.append(lastAppend.stream(), lastAppend.expected(), lastAppend.events());
          assertThat(retried.written()).as(at + ": a retry").isFalse();
          compare(s, model, names, at + ", after a retry");
        }
        lastAppend = null;
        String name = names.get(r.nextInt(names.size()));
        Model.Stream ms = model.stream(name);
        int kind = r.nextInt(100);
        Class<?> expectedFailure;
        Throwable actual = null;
        if (kind < 55) {
          ExpectedVersion x = randomExpectation(r, ms.current());
          List<EventData> data = new ArrayList<>();
          for (int i = r.nextInt(4); i > 0; i--) {
            data.add(event(op * 10 + i));
          }
          expectedFailure = model.check(name, x);
          try {
            s.append(name, x, data);
          } catch (RuntimeException e) {
            actual = e;
          }
          if (expectedFailure == null) {
            model.write(name, data);
            if (!data.isEmpty()) {
              lastAppend = new StreamAppend(name, x, data);
            }
          }
        } else if (kind < 75) {
          String other = names.get((names.indexOf(name) + 1 + r.nextInt(names.size() - 1)) % names.size());
          ExpectedVersion x1 = randomExpectation(r, ms.current());
          ExpectedVersion x2 = randomExpectation(r, model.stream(other).current());
          List<EventData> d1 = List.of(event(op * 10 + 1));
          List<EventData> d2 = List.of(event(op * 10 + 2), event(op * 10 + 3));
          Class<?> f1 = model.check(name, x1);
          expectedFailure = f1 != null ? f1 : model.check(other, x2);
          try {
            s.appendMulti(List.of(new StreamAppend(name, x1, d1), new StreamAppend(other, x2, d2)));
          } catch (RuntimeException e) {
            actual = e;
          }
          if (expectedFailure == null) {
            model.write(name, d1);
            model.write(other, d2);
          }
        } else if (kind < 85) {
          ExpectedVersion x = randomExpectation(r, ms.current());
          expectedFailure = model.check(name, x);
          try {
            s.deleteStream(name, x);
          } catch (RuntimeException e) {
            actual = e;
          }
          if (expectedFailure == null && ms.current() >= 0) {
            ms.soft = true;
            ms.deletedBefore = ms.version + 1;
          }
        } else if (kind < 88) {
          expectedFailure = ms.tomb ? StreamDeletedException.class : null;
          try {
            s.tombstoneStream(name, ExpectedVersion.ANY);
          } catch (RuntimeException e) {
            actual = e;
          }
          ms.tomb = true;
        } else {
          Long count = r.nextBoolean() ? null : (long) (1 + r.nextInt(3));
          Long truncate = r.nextBoolean() ? null : (long) r.nextInt((int) Math.max(1, ms.version + 2));
          expectedFailure = ms.tomb ? StreamDeletedException.class : null;
          try {
            s.setStreamMetadata(name, new StreamMetadata(count, null, truncate));
          } catch (RuntimeException e) {
            actual = e;
          }
          if (!ms.tomb) {
            ms.maxCount = count;
            ms.truncateBefore = truncate;
          }
        }
        if (expectedFailure == null) {
          assertThat(actual).as(at).isNull();
        } else {
          assertThat(actual).as(at).isInstanceOf(expectedFailure);
        }
        compare(s, model, names, at);
        comparePages(s, model, name, 1 + op % 3, at);
      }
    }
  }

  /**
   * Reading page by page (limits of 1 to 3, each page going on after the last event of the one before)
   * returns the same events as one large read: a page that loses events to a hiding stream is topped up,
   * and a short page means there is nothing further.
   */
  private static void comparePages(EventStore s, Model model, String stream, int limit, String at) {
    List<Model.Event> visible = model.events.stream().filter(model::visible).toList();
    assertThat(paged(from -> s.readAll(from, limit), 0, limit, e -> e.position() + 1, at))
        .as(at + ", $all in pages of " + limit).extracting(RecordedEvent::position)
        .containsExactlyElementsOf(visible.stream().map(Model.Event::position).toList());
    assertThat(paged(from -> s.readCategory("mb", from, limit), 0, limit, e -> e.position() + 1, at))
        .as(at + ", category mb in pages of " + limit).extracting(RecordedEvent::position)
        .containsExactlyElementsOf(visible.stream().filter(e -> e.stream().startsWith("mb-"))
            .map(Model.Event::position).toList());
    List<Long> versions = visible.stream().filter(e -> e.stream().equals(stream)).map(Model.Event::version).toList();
    assertThat(paged(from -> s.readStream(stream, from, Direction.FORWARDS, limit), 0, limit,
        e -> e.version() + 1, at)).as(at + ", " + stream + " forwards in pages of " + limit)
        .extracting(RecordedEvent::version).containsExactlyElementsOf(versions);
    assertThat(paged(from -> s.readStream(stream, from, Direction.BACKWARDS, limit), EventStore.END, limit,
        e -> e.version() - 1, at)).as(at + ", " + stream + " backwards in pages of " + limit)
        .extracting(RecordedEvent::version).containsExactlyElementsOf(versions.reversed());
  }

  private static List<RecordedEvent> paged(java.util.function.LongFunction<List<RecordedEvent>> read, long from,
      int limit, java.util.function.ToLongFunction<RecordedEvent> next, String at) {
    List<RecordedEvent> out = new ArrayList<>();
    for (long cursor = from; cursor >= 0; ) {
      List<RecordedEvent> page = read.apply(cursor);
      assertThat(page).as(at + ", page from " + cursor).hasSizeLessThanOrEqualTo(limit);
      out.addAll(page);
      if (page.size() < limit) {
        break;
      }
      cursor = next.applyAsLong(page.getLast());
    }
    return out;
  }

  private static void compare(EventStore s, Model model, List<String> names, String at) {
    List<Model.Event> visible = model.events.stream().filter(model::visible).toList();
    assertThat(s.readAll(0, 10_000)).as(at)
        .extracting(e -> new Model.Event(e.position(), e.stream(), e.version(), e.id()))
        .containsExactlyElementsOf(visible);
    assertThat(s.readCategory("ma", 0, 10_000)).as(at).extracting(RecordedEvent::position)
        .containsExactlyElementsOf(visible.stream().filter(e -> e.stream().startsWith("ma-"))
            .map(Model.Event::position).toList());
    for (String name : names) {
      Model.Stream ms = model.stream(name);
      List<Model.Event> mine = visible.stream().filter(e -> e.stream().equals(name)).toList();
      assertThat(s.readStream(name, 0, Direction.FORWARDS, 10_000)).as(at + " " + name)
          .extracting(RecordedEvent::version).containsExactlyElementsOf(mine.stream().map(Model.Event::version).toList());
      assertThat(s.readStream(name, EventStore.END, Direction.BACKWARDS, 2)).as(at + " " + name)
          .extracting(RecordedEvent::version).containsExactlyElementsOf(
              mine.reversed().stream().limit(2).map(Model.Event::version).toList());
      assertThat(s.streamVersion(name)).as(at + " " + name).isEqualTo(ms.tomb ? -1 : ms.current());
    }
  }

  // ------------------------------------------------------------ subscriptions

  @Test
  void subscriptionCatchesUpThenGoesLive() throws Exception {
    for (int i = 0; i < 5; i++) {
      store.append("sub-" + (i % 2), ExpectedVersion.ANY, event(i));
    }
    List<Long> seen = new CopyOnWriteArrayList<>();
    List<Long> seenCategory = new CopyOnWriteArrayList<>();
    try (Subscription all = store.subscribeToAll(3, e -> seen.add(e.position()));
        Subscription cat = store.subscribeToCategory("other", 0, e -> seenCategory.add(e.position()))) {
      assertThat(all.awaitCheckpoint(5, Duration.ofSeconds(30))).isTrue();
      assertThat(seen).containsExactly(3L, 4L, 5L);
      store.append("other-1", ExpectedVersion.ANY, event(5), event(6));
      store.append("sub-0", ExpectedVersion.ANY, event(7));
      assertThat(all.awaitCheckpoint(8, Duration.ofSeconds(30))).isTrue();
      assertThat(cat.awaitCheckpoint(8, Duration.ofSeconds(30))).isTrue();
      assertThat(seen).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
      assertThat(seenCategory).containsExactly(6L, 7L);
      assertThat(all.isRunning()).isTrue();
      assertThat(all.failure()).isNull();
    }
  }

  @Test
  void failingHandlerStopsAndARestartRedelivers() throws Exception {
    store.append("f-1", ExpectedVersion.ANY, event(0), event(1), event(2));
    List<Long> seen = new CopyOnWriteArrayList<>();
    IllegalStateException boom = new IllegalStateException("boom");
    Subscription s = store.subscribeToAll(0, e -> {
      if (e.position() == 2) {
        throw boom;
      }
      seen.add(e.position());
    });
    assertThat(s.awaitCheckpoint(3, Duration.ofSeconds(30))).isFalse();
    assertThat(s.isRunning()).isFalse();
    assertThat(s.failure()).isSameAs(boom);
    assertThat(s.checkpoint()).isEqualTo(1);
    s.close();
    try (Subscription again = store.subscribeToAll(s.checkpoint() + 1, e -> seen.add(e.position()))) {
      assertThat(again.awaitCheckpoint(3, Duration.ofSeconds(30))).isTrue();
    }
    assertThat(seen).containsExactly(1L, 2L, 3L);
  }

  @Test
  void subscriptionHearsAnotherStoreInstance() throws Exception {
    // A second instance on the same database stands for another process.
    EventStore other = track(sameDatabase());
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Subscription s = store.subscribeToAll(0, e -> seen.add(e.dataAsString()))) {
      other.append("remote-1", ExpectedVersion.ANY, event(1));
      assertThat(s.awaitCheckpoint(1, Duration.ofSeconds(30))).isTrue();
    }
    assertThat(seen).containsExactly("{\"n\":1}");
    assertThat(new String(other.readAll(1, 1).getFirst().data(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
    assertThat(new HashSet<>(seen)).hasSize(1);
  }

  /** Another store instance on the database of {@link #store}. */
  protected abstract EventStore sameDatabase();
}
