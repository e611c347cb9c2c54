package dev.architect.bench.vfs;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.architect.vfs.DbFileSystems;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** A working directory on one of the three file systems compared: db:, the default one, Jimfs. */
final class Target implements AutoCloseable {
  private final Path tmp;
  private final FileSystem fs;
  final Path root;

  private Target(Path tmp, FileSystem fs, Path root) {
    this.tmp = tmp;
    this.fs = fs;
    this.root = root;
  }

  static Target db() throws IOException {
    return db(Map.of());
  }

  /** A {@code db:} file system created with these env keys besides {@code create}. */
  static Target db(Map<String, ?> env) throws IOException {
    Path tmp = Files.createTempDirectory("bench-vfs-db");
    Map<String, Object> all = new HashMap<>(env);
    all.put(DbFileSystems.CREATE, "true");
    FileSystem fs = FileSystems.newFileSystem(URI.create("db:" + tmp.resolve("bench.db").toUri()), all);
    return new Target(tmp, fs, Files.createDirectories(fs.getPath("/bench")));
  }

  static Target local() throws IOException {
    Path tmp = Files.createTempDirectory("bench-vfs-default");
    return new Target(tmp, null, tmp);
  }

  static Target jimfs() throws IOException {
    FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    return new Target(null, fs, Files.createDirectories(fs.getPath("/bench")));
  }

  FileSystem fileSystem() {
    return fs;
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

  @Override
  public void close() throws IOException {
    if (fs != null) {
      fs.close();
    }
    if (tmp != null) {
      deleteTree(tmp);
    }
  }
}
