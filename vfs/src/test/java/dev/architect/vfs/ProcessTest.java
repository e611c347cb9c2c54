package dev.architect.vfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Other processes on the same database: a writer killed mid-write, and two processes at once. */
class ProcessTest {
  @TempDir Path tmp;

  private static Process child(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "--enable-native-access=ALL-UNNAMED", VfsChild.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  @Test
  void aWriterKilledMidWriteLeavesOldOrNewContent() throws Exception {
    Path db = tmp.resolve("crash.db");
    for (int round = 0; round < 3; round++) {
      Process p = child("crash", db.toString());
      long confirmed;
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
        // Let it commit a few generations, then kill it (SIGKILL) while it writes the next.
        String line = null;
        for (int i = 0; i < 3 + round; i++) {
          line = out.readLine();
          assertThat(line).as("child output").isNotNull();
        }
        confirmed = Long.parseLong(line.substring(4));
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      try (FileSystem fs = FileSystemsUnderTest.openDb(db, Map.of())) {
        for (int f = 0; f < 4; f++) {
          long gen = Generations.generation(Files.readAllBytes(fs.getPath("/f" + f)), f);
          assertThat(gen).as("file f%d holds one whole generation", f).isGreaterThanOrEqualTo(confirmed);
        }
        // New files: a file exists (empty) from its opening, as on the JDK's file system, so for a
        // file the child was creating when killed the "old content" is the empty file. Every
        // confirmed one is whole; a later one is empty or whole, never partly written.
        try (Stream<Path> news = Files.list(fs.getPath("/"))) {
          for (Path n : news.filter(q -> q.getFileName().toString().startsWith("n")).toList()) {
            long gen = Long.parseLong(n.getFileName().toString().substring(1));
            byte[] data = Files.readAllBytes(n);
            if (gen <= confirmed || data.length > 0) {
              assertThat(Generations.generation(data, 4)).as("new file %s holds its whole generation", n).isEqualTo(gen);
            }
          }
        }
        for (long gen = 1; gen <= confirmed; gen++) {
          assertThat(Files.exists(fs.getPath("/n" + gen))).as("confirmed new file /n%d", gen).isTrue();
        }
      }
    }
  }

  @Test
  void twoProcessesReadAndWriteTheSameDatabase() throws Exception {
    Path db = tmp.resolve("shared.db");
    try (FileSystem fs = FileSystemsUnderTest.openDb(db, Map.of("create", "true"))) {
      Process writer = child("writer", db.toString(), "60");
      Process counter = child("counter", db.toString(), "100");
      int whole = 0;
      long last = 0;
      while (writer.isAlive()) {
        try {
          byte[] data = Files.readAllBytes(fs.getPath("/shared"));
          if (data.length == 0 && last == 0) {
            // Created by the writer's first open, its first content not yet committed.
            continue;
          }
          long gen = Generations.generation(data, 9);
          assertThat(gen).as("a read sees one whole generation, never a mix").isPositive();
          assertThat(gen).as("generations only move forward").isGreaterThanOrEqualTo(last);
          last = gen;
          whole++;
        } catch (NoSuchFileException e) {
          // Not written yet.
        }
      }
      for (int i = 0; i < 100; i++) {
        VfsChild.increment(fs.getPath("/counter"));
      }
      assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(counter.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(writer.exitValue()).isZero();
      assertThat(counter.exitValue()).isZero();
      assertThat(Generations.generation(Files.readAllBytes(fs.getPath("/shared")), 9)).isEqualTo(60);
      assertThat(ByteBuffer.wrap(Files.readAllBytes(fs.getPath("/counter"))).getLong())
          .as("200 increments under cross-process locks, none lost").isEqualTo(200);
      assertThat(whole).isPositive();
    }
  }
}
