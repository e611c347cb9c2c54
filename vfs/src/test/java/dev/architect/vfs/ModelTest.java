package dev.architect.vfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random operations on a {@code db:} file system with 512-byte chunks, compared after every step
 * with an in-memory model (a map from name to bytes): writes at random offsets crossing chunk
 * boundaries, appends, truncates, renames, deletes and positional reads, inside channels that stay
 * open for several operations. Zero divergence allowed.
 */
class ModelTest {
  private static final int OPERATIONS = 120_000;
  private static final List<String> NAMES = List.of("/a", "/b", "/c", "/d/e", "/d/f", "/d/g/h");

  @TempDir Path tmp;

  @Test
  void randomOperationsMatchTheModel() throws IOException {
    SplittableRandom random = new SplittableRandom(20250101);
    Map<String, byte[]> model = new HashMap<>();
    int ops = 0;
    int reads = 0;
    try (FileSystem fs = FileSystemsUnderTest.openDb(tmp.resolve("model.db"), Map.of("create", true, "chunkSize", 512))) {
      Files.createDirectories(fs.getPath("/d/g"));
      while (ops < OPERATIONS) {
        String name = NAMES.get(random.nextInt(NAMES.size()));
        Path path = fs.getPath(name);
        int kind = random.nextInt(20);
        if (kind == 0) {
          String to = NAMES.get(random.nextInt(NAMES.size()));
          boolean exists = model.containsKey(name);
          try {
            Files.move(path, fs.getPath(to), StandardCopyOption.REPLACE_EXISTING);
            assertThat(exists).as("move of %s succeeded", name).isTrue();
            byte[] content = model.remove(name);
            model.put(to, content);
          } catch (NoSuchFileException e) {
            assertThat(exists).as("move of missing %s", name).isFalse();
          }
          ops++;
          continue;
        }
        if (kind == 1) {
          assertThat(Files.deleteIfExists(path)).isEqualTo(model.remove(name) != null);
          ops++;
          continue;
        }
        // A session: one channel, several operations, checked against the model as it goes.
        byte[] content = model.getOrDefault(name, new byte[0]);
        int steps = 1 + random.nextInt(12);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE)) {
          for (int s = 0; s < steps; s++, ops++) {
            int op = random.nextInt(10);
            if (op < 4) {
              int offset = random.nextInt(content.length + 1500);
              byte[] data = new byte[random.nextInt(1, 1800)];
              random.nextBytes(data);
              assertThat(ch.write(ByteBuffer.wrap(data), offset)).isEqualTo(data.length);
              content = write(content, offset, data);
            } else if (op < 5) {
              byte[] data = new byte[random.nextInt(1, 900)];
              random.nextBytes(data);
              ch.position(content.length);
              ch.write(ByteBuffer.wrap(data));
              content = write(content, content.length, data);
            } else if (op < 7) {
              int size = random.nextInt(content.length + 300);
              ch.truncate(size);
              if (size < content.length) {
                content = Arrays.copyOf(content, size);
              }
            } else if (op < 9) {
              int offset = random.nextInt(content.length + 100);
              ByteBuffer buf = ByteBuffer.allocate(random.nextInt(1, 2000));
              int n = ch.read(buf, offset);
              int expected = Math.max(0, Math.min(buf.capacity(), content.length - offset));
              assertThat(n).isEqualTo(expected == 0 ? -1 : expected);
              if (n > 0) {
                assertThat(Arrays.copyOf(buf.array(), n)).isEqualTo(Arrays.copyOfRange(content, offset, offset + n));
              }
              reads++;
            } else {
              ch.force(true);
            }
            assertThat(ch.size()).isEqualTo(content.length);
          }
        }
        model.put(name, content);
        if (random.nextInt(4) == 0) {
          assertThat(Files.readAllBytes(path)).as("%s after %d operations", name, ops).isEqualTo(content);
          reads++;
        }
      }
      for (String n : NAMES) {
        Path p = fs.getPath(n);
        if (model.containsKey(n)) {
          assertThat(Files.readAllBytes(p)).as(n).isEqualTo(model.get(n));
        } else {
          assertThat(Files.exists(p)).as(n).isFalse();
        }
      }
    }
    assertThat(ops).isGreaterThanOrEqualTo(OPERATIONS);
    assertThat(reads).isGreaterThan(OPERATIONS / 10);
  }

  private static byte[] write(byte[] content, int offset, byte[] data) {
    byte[] out = content.length >= offset + data.length ? content.clone() : Arrays.copyOf(content, offset + data.length);
    System.arraycopy(data, 0, out, offset, data.length);
    return out;
  }
}
