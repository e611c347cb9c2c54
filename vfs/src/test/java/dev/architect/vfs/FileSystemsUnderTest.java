package dev.architect.vfs;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** The three file systems the conformance suite runs on, each with a fresh empty directory. */
enum FileSystemsUnderTest {
  DEFAULT, JIMFS, DB;

  /** A fresh directory on this file system; closing it removes everything it made. */
  Fixture open() throws IOException {
    return switch (this) {
      case DEFAULT -> {
        Path dir = Files.createTempDirectory("vfs-conformance");
        yield new Fixture(dir, () -> deleteTree(dir));
      }
      case JIMFS -> {
        FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder()
            .setAttributeViews("basic", "owner", "posix", "user").build());
        Path dir = Files.createDirectories(fs.getPath("/work"));
        yield new Fixture(dir, fs::close);
      }
      case DB -> {
        Path tmp = Files.createTempDirectory("vfs-db");
        FileSystem fs = openDb(tmp.resolve("fs.db"), Map.of("create", "true", "chunkSize", "1024"));
        Path dir = Files.createDirectories(fs.getPath("/work"));
        yield new Fixture(dir, () -> {
          fs.close();
          deleteTree(tmp);
        });
      }
    };
  }

  static FileSystem openDb(Path file, Map<String, ?> env) throws IOException {
    return java.nio.file.FileSystems.newFileSystem(URI.create("db:" + file.toUri()), env);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** A working directory and how to clean up after it. */
  record Fixture(Path root, Cleanup cleanup) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      cleanup.run();
    }
  }

  @FunctionalInterface
  interface Cleanup {
    void run() throws IOException;
  }
}
