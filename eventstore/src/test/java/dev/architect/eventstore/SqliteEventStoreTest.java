package dev.architect.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on SQLite (durability NORMAL, to spare a shared disk), plus SQLite's own cases. */
class SqliteEventStoreTest extends EventStoreContract {
  @TempDir
  Path dir;
  private final AtomicInteger files = new AtomicInteger();
  private Path current;

  @Override
  protected EventStoreBuilder freshStore() {
    current = dir.resolve("store-" + files.incrementAndGet() + ".db");
    return EventStore.builder("sqlite:" + current).durability(Durability.NORMAL);
  }

  @Override
  protected EventStore sameDatabase() {
    return EventStore.builder("sqlite:" + current).durability(Durability.NORMAL)
        .pollInterval(java.time.Duration.ofMillis(50)).build();
  }

  @Test
  void reopensWithEverythingInPlaceAtFullDurability() {
    Path file = dir.resolve("nested/dirs/full.db");
    try (EventStore s = EventStore.open("sqlite:" + file)) {
      s.append("a-1", ExpectedVersion.NO_STREAM, event(1), event(2));
      s.setStreamMetadata("a-1", StreamMetadata.NONE.withMaxCount(5));
    }
    assertThat(Files.exists(file)).isTrue();
    try (EventStore s = EventStore.open("jdbc:sqlite:" + file)) {
      assertThat(s.streamVersion("a-1")).isEqualTo(1);
      assertThat(s.streamMetadata("a-1").maxCount()).isEqualTo(5);
      assertThat(s.append("a-1", ExpectedVersion.exactly(1), event(3)).lastPosition()).isEqualTo(3);
    }
  }

  /**
   * The writer never checkpoints the WAL itself: the store's checkpoint thread copies committed pages
   * into the database file while the store stays open (without it the file would not grow at all).
   */
  @Test
  void checkpointsTheWalInTheBackground() throws Exception {
    long empty = Files.size(current);
    EventData kilobyte = EventData.json("Blob", "{\"pad\":\"" + "x".repeat(1_000) + "\"}");
    for (int i = 0; i < 50; i++) {
      store.append("blob-" + i, ExpectedVersion.ANY, IntStream.range(0, 20)
          .mapToObj(n -> kilobyte.withId(UUID.randomUUID())).toList());
    }
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (Files.size(current) < empty + 1_000_000 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(Files.size(current)).as("database file size").isGreaterThan(empty + 1_000_000);
  }

  @Test
  void pageSizeAppliesToNewFilesOnly() throws Exception {
    Path file = dir.resolve("small-pages.db");
    try (EventStore s = EventStore.builder("sqlite:" + file).pageSize(1024).build()) {
      s.append("a-1", ExpectedVersion.NO_STREAM, event(1));
    }
    assertThat(pragma(file, "page_size")).isEqualTo("1024");
    assertThat(pragma(file, "journal_mode")).isEqualTo("wal");
    try (EventStore s = EventStore.builder("sqlite:" + file).pageSize(8192).build()) {
      assertThat(s.streamVersion("a-1")).isZero();
    }
    assertThat(pragma(file, "page_size")).isEqualTo("1024");
    Path plain = dir.resolve("default-pages.db");
    EventStore.open("sqlite:" + plain).close();
    assertThat(pragma(plain, "page_size")).isEqualTo("4096");

    for (int bad : new int[] {256, 1000, 131072, 0}) {
      assertThatThrownBy(() -> EventStore.builder("sqlite:" + plain).pageSize(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("pageSize must be a power of two from 512 to 65536, was " + bad);
    }
  }

  private static String pragma(Path file, String name) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void rejectsUrlsWithoutAFile() {
    assertThatThrownBy(() -> EventStore.open("sqlite::memory:"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sqlite store url must name a file (sqlite:PATH), was 'sqlite::memory:'");
    assertThatThrownBy(() -> EventStore.open("mysql://localhost/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("store url must start with sqlite:, jdbc:sqlite:, postgresql://, postgres:// or"
            + " jdbc:postgresql:, was 'mysql://localhost/x'");
  }

  @Test
  void closedStoreSaysSo() {
    store.close();
    assertThatThrownBy(() -> store.append("a-1", ExpectedVersion.ANY, List.of(event(1))))
        .isInstanceOf(IllegalStateException.class).hasMessage("event store is closed");
    assertThatThrownBy(() -> store.readAll(0, 1)).hasMessage("event store is closed");
  }
}
