package dev.architect.vfs;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/** The child JVM of {@link ProcessTest}: writes a {@code db:} file system from another process. */
public final class VfsChild {
  private VfsChild() {}

  /**
   * {@code crash DB}: rewrites files /f0../f3 with ever newer generations and creates /nN for
   * generation N, printing "gen N" after each, until killed. {@code counter DB N}: adds 1 to /counter N times under an exclusive
   * lock. {@code writer DB N}: writes N generations of /shared.
   */
  public static void main(String[] args) throws IOException {
    Path db = Path.of(args[1]);
    try (FileSystem fs = FileSystems.newFileSystem(URI.create("db:" + db.toUri()), Map.of("create", "true"))) {
      switch (args[0]) {
        case "crash" -> {
          for (long gen = 1; ; gen++) {
            for (int f = 0; f < 4; f++) {
              Files.write(fs.getPath("/f" + f), Generations.content(gen, f));
            }
            // And one new file per generation: killed while writing it, it must be empty or whole.
            Files.write(fs.getPath("/n" + gen), Generations.content(gen, 4));
            System.out.println("gen " + gen);
            System.out.flush();
          }
        }
        case "counter" -> {
          int n = Integer.parseInt(args[2]);
          for (int i = 0; i < n; i++) {
            increment(fs.getPath("/counter"));
          }
        }
        case "writer" -> {
          int n = Integer.parseInt(args[2]);
          for (long gen = 1; gen <= n; gen++) {
            Files.write(fs.getPath("/shared"), Generations.content(gen, 9));
          }
        }
        default -> throw new IllegalArgumentException("mode must be crash, counter or writer, was " + args[0]);
      }
    }
  }

  /** Reads the number in {@code counter}, adds one and writes it back, under an exclusive lock. */
  static void increment(Path counter) throws IOException {
    try (FileChannel ch = FileChannel.open(counter, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
         FileLock lock = ch.lock()) {
      ByteBuffer buf = ByteBuffer.allocate(8);
      long value = ch.read(buf, 0) == 8 ? buf.flip().getLong() : 0;
      ch.write(ByteBuffer.allocate(8).putLong(0, value + 1), 0);
      ch.force(true);
      if (!lock.isValid()) {
        throw new IllegalStateException("lock lost");
      }
    }
  }
}
