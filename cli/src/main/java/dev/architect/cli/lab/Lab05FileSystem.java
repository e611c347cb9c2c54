package dev.architect.cli.lab;

import dev.architect.vfs.DbFileSystems;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lab 05, the counterpart of PHP's stream wrappers ({@code db://}): a {@code db:} file system in
 * one SQLite file, used through plain {@code java.nio.file} code; the tables behind it; renaming a
 * large directory in one step; copying a tree between {@code db:} and disk.
 */
public final class Lab05FileSystem implements Lab {
  static final int LARGE = 10_000;

  @Override
  public int number() {
    return 5;
  }

  @Override
  public String title() {
    return "A file system in SQLite";
  }

  @Override
  public void run(PrintWriter out) throws IOException, SQLException {
    Path work = Files.createTempDirectory("architect-lab05");
    Path db = work.resolve("lab05.db");
    try (FileSystem fs = FileSystems.newFileSystem(URI.create("db:" + db.toUri()), Map.of(DbFileSystems.CREATE, "true"))) {
      plainNio(fs, db, out);
      tables(db, out);
      rename(fs, db, out);
      copyTrees(fs, work, out);
    } finally {
      try (Stream<Path> s = Files.walk(work)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static void plainNio(FileSystem fs, Path db, PrintWriter out) throws IOException {
    out.println("== 1. Plain java.nio.file code on db:");
    out.println("FileSystems.newFileSystem(URI.create(\"db:" + db.toUri() + "\"), Map.of(\"create\", \"true\"))");
    Path docs = Files.createDirectories(fs.getPath("/site/docs"));
    Files.writeString(docs.resolve("index.html"), "<h1>hello from SQLite</h1>\n");
    Files.write(docs.resolve("data.bin"), new byte[150_000]);
    Files.writeString(fs.getPath("/site/README"), "three files, two directories\n");
    try (Stream<Path> s = Files.walk(fs.getPath("/site"))) {
      for (Path p : s.sorted().toList()) {
        out.printf("  %-24s %s%n", p, Files.isDirectory(p) ? "dir" : Files.size(p) + " bytes");
      }
    }
    Path byUri = Path.of(URI.create("db:" + db.toUri() + "!/site/docs/index.html"));
    out.println("Path.of(" + byUri.toUri() + ")");
    out.println("  reads: " + Files.readString(byUri).strip());
    out.println();
  }

  private static void tables(Path db, PrintWriter out) throws SQLException {
    out.println("== 2. The SQLite tables behind them");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      query(st, out, "SELECT parent, name, ino FROM dirent ORDER BY ino");
      query(st, out, "SELECT id, kind, size, printf('%o', mode) AS mode, nlink FROM inode ORDER BY id");
      query(st, out, "SELECT ino, idx, length(data) AS bytes FROM chunk ORDER BY ino, idx");
    }
    out.println("kind: 1 file, 2 directory, 3 symbolic link; content in chunks of 64 KiB keyed by (ino, idx)");
    out.println();
  }

  private static void query(Statement st, PrintWriter out, String sql) throws SQLException {
    out.println("sqlite> " + sql);
    try (ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      StringBuilder header = new StringBuilder("  ");
      for (int i = 1; i <= n; i++) {
        header.append(String.format("%-12s", rs.getMetaData().getColumnLabel(i)));
      }
      out.println(header.toString().stripTrailing());
      while (rs.next()) {
        StringBuilder row = new StringBuilder("  ");
        for (int i = 1; i <= n; i++) {
          row.append(String.format("%-12s", rs.getString(i)));
        }
        out.println(row.toString().stripTrailing());
      }
    }
  }

  private static Set<String> dirents(Path db) throws SQLException {
    Set<String> rows = new HashSet<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT parent, name, ino FROM dirent")) {
      while (rs.next()) {
        rows.add(rs.getLong(1) + "/" + rs.getString(2) + "/" + rs.getLong(3));
      }
    }
    return rows;
  }

  private static void rename(FileSystem fs, Path db, PrintWriter out) throws IOException, SQLException {
    out.println("== 3. Renaming a large directory in one step");
    long start = System.nanoTime();
    DbFileSystems.batch(fs, () -> {
      for (int d = 0; d < 100; d++) {
        Path dir = Files.createDirectories(fs.getPath("/big/d" + d));
        for (int f = 0; f < LARGE / 100; f++) {
          Files.writeString(dir.resolve("f" + f + ".txt"), "file " + d + "/" + f);
        }
      }
    });
    long created = System.nanoTime() - start;
    out.printf("created %,d files in 100 directories under /big in one batch: %.0f ms%n", LARGE, created / 1e6);
    Set<String> before = dirents(db);
    start = System.nanoTime();
    Files.move(fs.getPath("/big"), fs.getPath("/archive"), StandardCopyOption.ATOMIC_MOVE);
    long moved = System.nanoTime() - start;
    Set<String> after = dirents(db);
    Set<String> gone = new HashSet<>(before);
    gone.removeAll(after);
    out.printf("Files.move(/big, /archive, ATOMIC_MOVE): %.2f ms%n", moved / 1e6);
    out.printf("directory entry rows changed: %d of %,d (%s)%n", gone.size(), after.size(), gone);
    out.println("a file below it: /archive/d99/f99.txt = " + Files.readString(fs.getPath("/archive/d99/f99.txt")));
    out.println("(an SQLite Archive keys rows by full path: the same rename rewrites all " + (LARGE + 100) + " rows)");
    out.println();
  }

  private static void copyTrees(FileSystem fs, Path work, PrintWriter out) throws IOException {
    out.println("== 4. Copying a tree between db: and disk");
    Path disk = work.resolve("export");
    long start = System.nanoTime();
    int files = copy(fs.getPath("/archive/d0"), disk);
    out.printf("db:/archive/d0 -> %s: %d files, %.1f ms%n", disk, files, (System.nanoTime() - start) / 1e6);
    start = System.nanoTime();
    int back = copy(disk, fs.getPath("/restored"));
    out.printf("%s -> db:/restored: %d files, %.1f ms%n", disk, back, (System.nanoTime() - start) / 1e6);
    boolean same = true;
    for (String name : List.of("f0.txt", "f50.txt", "f99.txt")) {
      same &= Files.readString(fs.getPath("/restored", name)).equals(Files.readString(disk.resolve(name)));
    }
    out.println("contents equal after the round trip: " + same);
  }

  /** Files.walk on one file system, Files.copy onto another: the JDK's own code, across providers. */
  private static int copy(Path from, Path to) throws IOException {
    int files = 0;
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
          files++;
        }
      }
    }
    return files;
  }
}
