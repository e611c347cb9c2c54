package dev.architect.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: a child JVM appending two-stream pairs from four threads is killed (SIGKILL) in the
 * middle of its work; the reopened file must be intact, hold every acknowledged append, and hold no
 * half of a multi-stream append.
 */
class SqliteCrashTest {
  private static final int ACKS_BEFORE_KILL = 400;

  @TempDir
  Path dir;

  @Test
  void killedWriterLeavesAnIntactStore() throws Exception {
    Path file = dir.resolve("crash.db");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        CrashChild.class.getName(), file.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Map<Integer, Long> acked = new HashMap<>();
    int acks = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        String[] parts = line.split(" ");
        acked.merge(Integer.parseInt(parts[1]), Long.parseLong(parts[2]), Math::max);
        if (++acks == ACKS_BEFORE_KILL) {
          child.destroyForcibly(); // SIGKILL while the four threads keep appending
          break;
        }
      }
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    assertThat(acks).as("acknowledged appends before the kill").isEqualTo(ACKS_BEFORE_KILL);

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("ok");
    }

    try (EventStore store = EventStore.open("sqlite:" + file)) {
      List<RecordedEvent> all = store.readAll(0, 1_000_000);
      for (int i = 0; i < all.size(); i++) {
        assertThat(all.get(i).position()).isEqualTo(i + 1);
      }
      for (int t = 0; t < 4; t++) {
        List<RecordedEvent> a = store.readStream("pair-a" + t, 0, Direction.FORWARDS, 1_000_000);
        List<RecordedEvent> b = store.readStream("pair-b" + t, 0, Direction.FORWARDS, 1_000_000);
        assertThat(a).hasSameSizeAs(b);
        assertThat(a.size() % 2).isZero();
        List<String> payloadsA = new ArrayList<>();
        for (int v = 0; v < a.size(); v++) {
          assertThat(a.get(v).version()).isEqualTo(v);
          assertThat(b.get(v).version()).isEqualTo(v);
          assertThat(a.get(v).dataAsString()).isEqualTo(b.get(v).dataAsString());
          // The four events of one pair are consecutive in the global order: one transaction.
          if (v % 2 == 0) {
            assertThat(a.get(v + 1).position()).isEqualTo(a.get(v).position() + 1);
            assertThat(b.get(v).position()).isEqualTo(a.get(v).position() + 2);
            payloadsA.add(a.get(v).dataAsString());
          }
        }
        Long lastAck = acked.get(t);
        if (lastAck != null) {
          assertThat(payloadsA).hasSizeGreaterThan((int) (long) lastAck);
          for (long i = 0; i <= lastAck; i++) {
            assertThat(payloadsA.get((int) i)).isEqualTo("{\"t\":" + t + ",\"i\":" + i + "}");
          }
        }
      }
      // Still writable after the crash.
      assertThat(store.append("after-crash", ExpectedVersion.NO_STREAM, EventData.json("X", "{}")).lastPosition())
          .isEqualTo(all.size() + 1);
    }
  }
}
