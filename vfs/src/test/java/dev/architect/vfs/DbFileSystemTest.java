package dev.architect.vfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only {@code db:} does: opening by URI and path, env checks, atomic writers, batches, storage. */
class DbFileSystemTest {
  @TempDir Path tmp;

  private FileSystem create(String name) throws Exception {
    return FileSystemsUnderTest.openDb(tmp.resolve(name), Map.of("create", "true"));
  }

  @Test
  void opensByUriAndPathAndFindsPathsByUri() throws Exception {
    Path file = tmp.resolve("a.db");
    try (FileSystem fs = create("a.db")) {
      Files.writeString(Files.createDirectories(fs.getPath("/dir")).resolve("f"), "hello");
      assertThatThrownBy(() -> FileSystems.newFileSystem(URI.create("db:" + file.toUri()), Map.of()))
          .isInstanceOf(FileSystemAlreadyExistsException.class);
      Path p = Path.of(URI.create("db:" + file.toUri() + "!/dir/f"));
      assertThat(p.getFileSystem()).isSameAs(fs);
      assertThat(Files.readString(p)).isEqualTo("hello");
      assertThat(Path.of(fs.getPath("/dir/f").toUri())).isEqualTo(p);
      assertThat(fs.getPath("/dir/f").toUri().toString()).isEqualTo("db:" + file.toUri() + "!/dir/f");
    }
    try (FileSystem byPath = FileSystems.newFileSystem(file, Map.of())) {
      assertThat(Files.readString(byPath.getPath("/dir/f"))).isEqualTo("hello");
    }
  }

  @Test
  void refusesFilesThatAreNotItsDatabases() throws Exception {
    java.nio.file.spi.FileSystemProvider db = java.nio.file.spi.FileSystemProvider.installedProviders().stream()
        .filter(p -> p.getScheme().equals("db")).findFirst().orElseThrow();
    Path text = Files.writeString(tmp.resolve("notes.db"), "just some text, not SQLite");
    assertThatThrownBy(() -> db.newFileSystem(URI.create("db:" + text.toUri()), Map.of()))
        .isInstanceOf(UnsupportedOperationException.class).hasMessage(text + " is not an SQLite database");
    assertThatThrownBy(() -> db.newFileSystem(text, Map.of()))
        .isInstanceOf(UnsupportedOperationException.class).hasMessage(text + " is not an SQLite database");
    // FileSystems asks every provider and reports that none took it.
    assertThatThrownBy(() -> FileSystems.newFileSystem(text, Map.of()))
        .isInstanceOf(java.nio.file.ProviderNotFoundException.class);
    Path other = tmp.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE t(x)");
    }
    assertThatThrownBy(() -> db.newFileSystem(other, Map.of()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage(other + " is an SQLite database but not a db: file system");
    assertThatThrownBy(() -> FileSystems.newFileSystem(URI.create("db:" + tmp.resolve("missing.db").toUri()), Map.of()))
        .isInstanceOf(java.nio.file.FileSystemNotFoundException.class);
  }

  @Test
  void checksItsEnvironment() {
    URI uri = URI.create("db:" + tmp.resolve("env.db").toUri());
    assertThatThrownBy(() -> FileSystems.newFileSystem(uri, Map.of("create", "yes")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("env create must be true or false, was 'yes'");
    assertThatThrownBy(() -> FileSystems.newFileSystem(uri, Map.of("create", "true", "chunkSize", "1000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("env chunkSize must be a power of two from 512 to 4194304, was 1000");
    assertThatThrownBy(() -> FileSystems.newFileSystem(uri, Map.of("durability", "maybe")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("env durability must be normal, full or off, was 'maybe'");
    assertThatThrownBy(() -> FileSystems.newFileSystem(uri, Map.of("chunksize", "512")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("env key 'chunksize' is unknown; known keys: [busyTimeout, chunkSize, create, durability, pageSize, readOnly]");
    assertThatThrownBy(() -> FileSystems.newFileSystem(uri, Map.of("create", "true", "pageSize", "131072")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("env pageSize must be a power of two from 512 to 65536, was 131072");
    assertThatThrownBy(() -> FileSystems.newFileSystem(uri, Map.of("create", "true", "pageSize", "big")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("env pageSize must be a number, was 'big'");
  }

  @Test
  void pageSizeIsFixedWhenTheDatabaseIsCreated() throws Exception {
    Path db = tmp.resolve("pages.db");
    URI uri = URI.create("db:" + db.toUri());
    try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("create", "true", "pageSize", 65536))) {
      Files.writeString(fs.getPath("/a"), "x".repeat(200_000));
    }
    try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("pageSize", "1024"))) {
      assertThat(Files.readString(fs.getPath("/a"))).hasSize(200_000);
    }
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        var rs = c.createStatement().executeQuery("PRAGMA page_size")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(65536);
    }
  }

  @Test
  void aWriterIsSeenWholeAtCloseAndReadersKeepTheirSnapshot() throws Exception {
    try (FileSystem fs = create("atomic.db")) {
      Path f = fs.getPath("/f");
      Files.writeString(f, "old content");
      try (FileChannel reader = FileChannel.open(f)) {
        OutputStream out = Files.newOutputStream(f);
        try {
          out.write("new content, longer".getBytes(UTF_8));
          out.flush();
          assertThat(Files.readString(f)).as("before close").isEqualTo("old content");
        } finally {
          out.close();
        }
        assertThat(Files.readString(f)).as("after close").isEqualTo("new content, longer");
        ByteBuffer b = ByteBuffer.allocate(100);
        reader.read(b);
        assertThat(new String(b.array(), 0, b.position(), UTF_8)).as("reader opened before").isEqualTo("old content");
      }
      // A new file exists, empty, from its opening (as on the JDK's file system); its content
      // appears whole at close.
      try (OutputStream out = Files.newOutputStream(fs.getPath("/new"))) {
        assertThat(Files.exists(fs.getPath("/new"))).isTrue();
        out.write(1);
        out.flush();
        assertThat(Files.size(fs.getPath("/new"))).isZero();
      }
      assertThat(Files.readAllBytes(fs.getPath("/new"))).containsExactly(1);
    }
  }

  @Test
  void largeWritesSpillIntoTheirTransactionAndStayInvisibleUntilClose() throws Exception {
    try (FileSystem fs = create("large.db")) {
      Path f = fs.getPath("/big");
      byte[] data = new byte[20 << 20];
      new java.util.Random(3).nextBytes(data);
      try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap(data));
        ch.truncate(data.length - 100_000);
        ch.write(ByteBuffer.wrap(new byte[] {9}), 5);
        long[] seen = {-1};
        Thread other = Thread.ofPlatform().start(() -> {
          try {
            seen[0] = Files.size(f);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        other.join();
        assertThat(seen[0]).as("another thread sees the new file empty until close").isZero();
      }
      data[5] = 9;
      assertThat(Files.readAllBytes(f)).isEqualTo(Arrays.copyOf(data, data.length - 100_000));
    }
  }

  @Test
  void renamingADirectoryChangesOneRowAndBatchesCommitOnce() throws Exception {
    Path file = tmp.resolve("rename.db");
    try (FileSystem fs = create("rename.db")) {
      Files.createDirectories(fs.getPath("/big/sub"));
      DbFileSystems.batch(fs, () -> {
        for (int i = 0; i < 500; i++) {
          Files.writeString(fs.getPath("/big/sub/f" + i), "file " + i);
        }
      });
      assertThat(Files.list(fs.getPath("/big/sub")).count()).isEqualTo(500);
      assertThatThrownBy(() -> DbFileSystems.batch(fs, () -> {
        Files.writeString(fs.getPath("/rolled-back"), "x");
        throw new NoSuchFileException("/stop");
      })).isInstanceOf(NoSuchFileException.class);
      assertThat(Files.exists(fs.getPath("/rolled-back"))).isFalse();
    }
    long changes;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
      st.execute("SELECT 1");
      try (FileSystem fs = FileSystems.newFileSystem(file, Map.of())) {
        long before = totalChanges(st);
        Files.move(fs.getPath("/big"), fs.getPath("/renamed"));
        assertThat(Files.readString(fs.getPath("/renamed/sub/f499"))).isEqualTo("file 499");
        changes = countDirents(st, "big") + countDirents(st, "renamed");
        assertThat(totalChanges(st)).isEqualTo(before);
      }
    }
    assertThat(changes).isEqualTo(1);
    assertThatThrownBy(() -> DbFileSystems.batch(FileSystems.getDefault(), () -> {}))
        .isInstanceOf(ProviderMismatchException.class).hasMessage("fs must be a db: file system, was file:");
  }

  /**
   * At durability normal a commit is not synced to disk, so {@code force} commits the {@code syncs}
   * counter with synchronous=FULL, which makes SQLite sync the WAL (strace shows one fsync of the WAL
   * per force, none for a close). The counter is what a test can see of that.
   */
  @Test
  void forceSyncsAtNormalDurabilityAndAfterABatchCommits() throws Exception {
    Path file = tmp.resolve("force.db");
    try (FileSystem fs = create("force.db")) {
      Files.writeString(fs.getPath("/closed"), "no force");
      assertThat(syncs(file)).isZero();
      try (FileChannel ch = FileChannel.open(fs.getPath("/forced"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap("one".getBytes(UTF_8)));
        ch.force(true);
        assertThat(syncs(file)).isEqualTo(1);
        ch.force(false);
        assertThat(syncs(file)).isEqualTo(2);
      }
      try (FileChannel ch = FileChannel.open(fs.getPath("/closed"), StandardOpenOption.READ)) {
        ch.force(true);
      }
      assertThat(syncs(file)).isEqualTo(3);
      // SQLite cannot change how a transaction commits once it has begun: the sync follows the batch.
      long[] duringBatch = {-1};
      DbFileSystems.batch(fs, () -> {
        try (FileChannel ch = FileChannel.open(fs.getPath("/batched"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          ch.write(ByteBuffer.wrap("two".getBytes(UTF_8)));
          ch.force(true);
        }
        try {
          duringBatch[0] = syncs(file);
        } catch (SQLException e) {
          throw new IOException(e);
        }
      });
      assertThat(duringBatch[0]).isEqualTo(3);
      assertThat(syncs(file)).isEqualTo(4);
      assertThat(Files.readString(fs.getPath("/batched"))).isEqualTo("two");
    }
    for (String durability : List.of("full", "off")) {
      Path other = tmp.resolve(durability + ".db");
      try (FileSystem fs = FileSystemsUnderTest.openDb(other, Map.of("create", "true", "durability", durability));
          FileChannel ch = FileChannel.open(fs.getPath("/f"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap("x".getBytes(UTF_8)));
        ch.force(true);
        assertThat(syncs(other)).as(durability).isZero();
      }
    }
  }

  private static long syncs(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT value FROM vfs_meta WHERE key = 'syncs'")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static long totalChanges(Statement st) throws Exception {
    try (ResultSet rs = st.executeQuery("SELECT total_changes()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long countDirents(Statement st, String name) throws Exception {
    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM dirent WHERE name = '" + name + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void readOnlyAndClosedFileSystemsRefuseWork() throws Exception {
    Path file = tmp.resolve("ro.db");
    try (FileSystem fs = create("ro.db")) {
      Files.writeString(fs.getPath("/f"), "x");
    }
    FileSystem ro = FileSystems.newFileSystem(file, Map.of("readOnly", true));
    assertThat(ro.isReadOnly()).isTrue();
    assertThat(Files.readString(ro.getPath("/f"))).isEqualTo("x");
    assertThatThrownBy(() -> Files.writeString(ro.getPath("/f"), "y")).isInstanceOf(ReadOnlyFileSystemException.class);
    assertThatThrownBy(() -> Files.createDirectory(ro.getPath("/d"))).isInstanceOf(ReadOnlyFileSystemException.class);
    assertThatThrownBy(() -> Files.delete(ro.getPath("/f"))).isInstanceOf(ReadOnlyFileSystemException.class);
    ro.close();
    assertThat(ro.isOpen()).isFalse();
    assertThatThrownBy(() -> Files.readString(ro.getPath("/f"))).isInstanceOf(ClosedFileSystemException.class);
    assertThatThrownBy(() -> Files.exists(ro.getPath("/f"))).isInstanceOf(ClosedFileSystemException.class);
  }

  @Test
  void channelsRefuseMappingAndOverlappingLocks() throws Exception {
    try (FileSystem fs = create("map.db");
         FileChannel ch = FileChannel.open(fs.getPath("/m"), StandardOpenOption.CREATE, StandardOpenOption.READ,
             StandardOpenOption.WRITE)) {
      assertThatThrownBy(() -> ch.map(FileChannel.MapMode.READ_ONLY, 0, 10))
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageStartingWith("memory mapping is not supported by db: file systems");
      try (var lock = ch.lock(0, 10, false)) {
        assertThat(lock.isValid()).isTrue();
        assertThatThrownBy(() -> ch.tryLock(5, 10, false)).isInstanceOf(OverlappingFileLockException.class);
        assertThat(ch.tryLock(10, 10, false)).isNotNull();
      }
    }
  }

  @Test
  void userAttributesFileStoreAndWatchService() throws Exception {
    try (FileSystem fs = create("attrs.db")) {
      Path f = Files.writeString(fs.getPath("/f"), "x");
      UserDefinedFileAttributeView view = Files.getFileAttributeView(f, UserDefinedFileAttributeView.class);
      view.write("color", UTF_8.encode("blue"));
      assertThat(view.list()).containsExactly("color");
      assertThat(new String((byte[]) Files.getAttribute(f, "user:color"), UTF_8)).isEqualTo("blue");
      view.delete("color");
      assertThatThrownBy(() -> view.size("color")).isInstanceOf(FileSystemException.class)
          .hasMessage("/f: no user-defined attribute 'color'");

      FileStore store = Files.getFileStore(f);
      assertThat(store.type()).isEqualTo("db");
      assertThat(store.getTotalSpace()).isPositive();
      assertThat(store.getUsableSpace()).isPositive();
      assertThat(store.supportsFileAttributeView("posix")).isTrue();

      try (WatchService ws = fs.newWatchService()) {
        Path dir = Files.createDirectory(fs.getPath("/w"));
        WatchKey key = dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE);
        Files.writeString(dir.resolve("a"), "a");
        Files.delete(dir.resolve("a"));
        WatchKey got = ws.poll();
        assertThat(got).isSameAs(key);
        assertThat(got.pollEvents().stream().map(e -> e.kind().name() + " " + e.context()).toList())
            .isEqualTo(List.of("ENTRY_CREATE a", "ENTRY_DELETE a"));
        assertThat(got.reset()).isTrue();
      }
    }
  }

  @Test
  void pathsRefuseNulAndForeignPaths() throws Exception {
    try (FileSystem fs = create("paths.db")) {
      assertThatThrownBy(() -> fs.getPath("a\0b")).isInstanceOf(java.nio.file.InvalidPathException.class)
          .hasMessage("Nul character not allowed: a\0b");
      assertThatThrownBy(() -> fs.getPath("/a").resolve(Path.of("b"))).isInstanceOf(ProviderMismatchException.class);
      assertThatThrownBy(() -> fs.getPath("/a").relativize(fs.getPath("b"))).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> fs.getPathMatcher("nope:*")).isInstanceOf(UnsupportedOperationException.class)
          .hasMessage("Syntax 'nope' not recognized");
    }
  }
}
