package dev.architect.vfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same operations on the default file system (a temporary directory), Jimfs and {@code db:}:
 * each test states the outcome every one of them must give, exceptions included (their class, and
 * the path they name relative to the working directory).
 */
class ConformanceTest {

  @FunctionalInterface
  interface Scenario {
    Object run(Path root) throws Exception;
  }

  /** Runs {@code scenario}; an exception becomes "ClassName(file[, other])" with paths relative to root. */
  private static String outcome(Path root, Scenario scenario) throws Exception {
    try {
      return String.valueOf(scenario.run(root));
    } catch (FileSystemException e) {
      return e.getClass().getSimpleName() + "(" + rel(root, e.getFile())
          + (e.getOtherFile() == null ? "" : ", " + rel(root, e.getOtherFile())) + ")";
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException | IllegalStateException e) {
      return e.getClass().getSimpleName();
    }
  }

  private static String rel(Path root, String file) {
    String prefix = root.toString() + "/";
    return file != null && file.startsWith(prefix) ? file.substring(prefix.length()) : file;
  }

  private static void check(FileSystemsUnderTest fsut, String expected, Scenario scenario) throws Exception {
    check(fsut, expected, expected, scenario);
  }

  /**
   * As {@link #check(FileSystemsUnderTest, String, Scenario)}, where Jimfs is known to differ from
   * the JDK's own file system ({@code db:} follows the JDK).
   */
  private static void check(FileSystemsUnderTest fsut, String expected, String jimfs, Scenario scenario)
      throws Exception {
    try (FileSystemsUnderTest.Fixture f = fsut.open()) {
      assertThat(outcome(f.root(), scenario)).as(fsut.name())
          .isEqualTo(fsut == FileSystemsUnderTest.JIMFS ? jimfs : expected);
    }
  }

  /** Each step's outcome, joined with " | ". */
  private static Scenario steps(Scenario... steps) {
    return root -> {
      List<String> out = new ArrayList<>();
      for (Scenario s : steps) {
        out.add(outcome(root, s));
      }
      return String.join(" | ", out);
    };
  }

  private static String names(Stream<Path> paths, Path root) {
    try (paths) {
      return paths.map(p -> root.relativize(p).toString()).sorted().collect(Collectors.joining(","));
    }
  }

  @ParameterizedTest
  @EnumSource(FileSystemsUnderTest.class)
  void createFilesAndDirectories(FileSystemsUnderTest fs) throws Exception {
    check(fs, "a | FileAlreadyExistsException(a) | true false 0 | NoSuchFileException(x/y) | b | "
        + "FileAlreadyExistsException(b) | b/c/d | true | FileAlreadyExistsException(a)",
        steps(
            r -> r.relativize(Files.createFile(r.resolve("a"))),
            r -> Files.createFile(r.resolve("a")),
            r -> Files.isRegularFile(r.resolve("a")) + " " + Files.isDirectory(r.resolve("a")) + " " + Files.size(r.resolve("a")),
            r -> Files.createDirectory(r.resolve("x/y")),
            r -> r.relativize(Files.createDirectory(r.resolve("b"))),
            r -> Files.createDirectory(r.resolve("b")),
            r -> r.relativize(Files.createDirectories(r.resolve("b/c/d"))),
            r -> Files.isDirectory(r.resolve("b/c")),
            r -> Files.createDirectories(r.resolve("a"))));
  }

  @ParameterizedTest
  @EnumSource(FileSystemsUnderTest.class)
  void deleteFilesAndDirectories(FileSystemsUnderTest fs) throws Exception {
    check(fs, "f | DirectoryNotEmptyException(d) | NoSuchFileException(nope) | false | null | null | true | false",
        steps(
            r -> Files.write(Files.createDirectories(r.resolve("d")).resolve("f"), new byte[10]).getFileName(),
            r -> {
              Files.delete(r.resolve("d"));
              return "deleted";
            },
            r -> {
              Files.delete(r.resolve("nope"));
              return "deleted";
            },
            r -> Files.deleteIfExists(r.resolve("nope")),
            r -> {
              Files.delete(r.resolve("d/f"));
              return null;
            },
            r -> {
              Files.delete(r.resolve("d"));
              return null;
            },
            r -> Files.notExists(r.resolve("d")),
            r -> Files.exists(r.resolve("d/f"))));
  }

  @ParameterizedTest
  @EnumSource(FileSystemsUnderTest.class)
  void streamsReadWriteAndAppend(FileSystemsUnderTest fs) throws Exception {
    String text = "0123456789".repeat(500);
    check(fs, "5000 | 5003 | 5000:" + text.substring(0, 20) + " | NoSuchFileException(missing) | IllegalArgumentException"
        + " | IllegalArgumentException | IllegalArgumentException",
        "5000 | 5003 | 5000:" + text.substring(0, 20) + " | NoSuchFileException(missing) | UnsupportedOperationException"
        + " | opened | UnsupportedOperationException",
        steps(
            r -> Files.write(r.resolve("t"), text.getBytes(UTF_8)) == null ? -1 : Files.size(r.resolve("t")),
            r -> {
              Files.write(r.resolve("t"), "abc".getBytes(UTF_8), StandardOpenOption.APPEND);
              return Files.size(r.resolve("t"));
            },
            r -> {
              try (OutputStream out = Files.newOutputStream(r.resolve("t"))) {
                out.write(text.getBytes(UTF_8));
              }
              try (InputStream in = Files.newInputStream(r.resolve("t"))) {
                byte[] all = in.readAllBytes();
                return all.length + ":" + new String(all, 0, 20, UTF_8);
              }
            },
            r -> Files.readAllBytes(r.resolve("missing")),
            r -> Files.newByteChannel(r.resolve("t"), StandardOpenOption.READ, StandardOpenOption.APPEND),
            r -> {
              Files.newByteChannel(r.resolve("t"), StandardOpenOption.APPEND, StandardOpenOption.TRUNCATE_EXISTING).close();
              return "opened";
            },
            r -> Files.newOutputStream(r.resolve("t"), StandardOpenOption.READ)));
  }

  @ParameterizedTest
  @EnumSource(FileSystemsUnderTest.class)
  void channelsSeekTruncateAndWriteBeyondTheEnd(FileSystemsUnderTest fs) throws Exception {
    check(fs, "size 3000 pos 3000 | -1 | zeros true tail xyz | 1500 1500 | 100 at 10: [1, 2, 3] | FileAlreadyExistsException(c)",
        steps(
            r -> {
              try (SeekableByteChannel ch = Files.newByteChannel(r.resolve("c"), StandardOpenOption.CREATE_NEW,
                  StandardOpenOption.WRITE)) {
                ch.position(2997);
                ch.write(ByteBuffer.wrap("xyz".getBytes(UTF_8)));
                return "size " + ch.size() + " pos " + ch.position();
              }
            },
            r -> {
              try (SeekableByteChannel ch = Files.newByteChannel(r.resolve("c"))) {
                ch.position(5000);
                return ch.read(ByteBuffer.allocate(10));
              }
            },
            r -> {
              byte[] all = Files.readAllBytes(r.resolve("c"));
              boolean zeros = true;
              for (int i = 0; i < 2997; i++) {
                zeros &= all[i] == 0;
              }
              return "zeros " + zeros + " tail " + new String(all, 2997, 3, UTF_8);
            },
            r -> {
              try (SeekableByteChannel ch = Files.newByteChannel(r.resolve("c"), StandardOpenOption.WRITE)) {
                ch.position(2500);
                ch.truncate(1500);
                return ch.size() + " " + ch.position();
              }
            },
            r -> {
              try (FileChannel ch = FileChannel.open(r.resolve("c"), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ch.truncate(100);
                ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3}), 10);
                ch.force(true);
                ByteBuffer b = ByteBuffer.allocate(3);
                ch.read(b, 10);
                return ch.size() + " at 10: " + Arrays.toString(b.array());
              }
            },
            r -> Files.newByteChannel(r.resolve("c"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)));
  }

  @ParameterizedTest
  @EnumSource(FileSystemsUnderTest.class)
  void aFileExistsEmptyFromItsOpening(FileSystemsUnderTest fs) throws Exception {
    // Sizes are read only before any write: db: shows content at close (atomic), the others at once.
    check(fs, "true true 0 a,b | FileAlreadyExistsException(a) | true 00 | hello | 5 | 1",
        steps(
            r -> {
              try (SeekableByteChannel a = Files.newByteChannel(r.resolve("a"), StandardOpenOption.CREATE_NEW,
                  StandardOpenOption.WRITE);
                   OutputStream b = Files.newOutputStream(r.resolve("b"))) {
                String seen = Files.exists(r.resolve("a")) + " " + Files.isRegularFile(r.resolve("b")) + " "
                    + Files.size(r.resolve("a")) + " " + names(Files.list(r), r);
                a.write(ByteBuffer.wrap("hello".getBytes(UTF_8)));
                b.write(1);
                return seen;
              }
            },
            r -> {
              Files.newByteChannel(r.resolve("a"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
              return "opened twice";
            },
            r -> {
              try (FileChannel c = FileChannel.open(r.resolve("c"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                return Files.exists(r.resolve("c")) + " " + Files.size(r.resolve("c")) + c.size();
              }
            },
            r -> Files.readString(r.resolve("a")),
            r -> Files.size(r.resolve("a")),
            r -> Files.size(r.resolve("b"))));
  }

  @ParameterizedTest
  @EnumSource(FileSystemsUnderTest.class)
  void concurrentCreateNewOfOnePathLetsOneWin(FileSystemsUnderTest fs) throws Exception {
    check(fs, "20 rounds: 1 created, 1 FileAlreadyExistsException each", root -> {
      java.util.Set<String> outcomes = new TreeSet<>();
      for (int round = 0; round < 20; round++) {
        Path p = root.resolve("race" + round);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.CyclicBarrier tried = new java.util.concurrent.CyclicBarrier(2);
        String[] got = new String[2];
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
          int me = t;
          threads[t] = Thread.ofPlatform().start(() -> {
            try {
              start.await();
              SeekableByteChannel ch = null;
              try {
                ch = Files.newByteChannel(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                got[me] = "created";
              } catch (IOException e) {
                got[me] = e.getClass().getSimpleName();
              }
              // Both have tried before either closes: the loser cannot have come after a close.
              tried.await();
              if (ch != null) {
                ch.write(ByteBuffer.wrap(new byte[] {(byte) me}));
                ch.close();
              }
            } catch (Exception e) {
              got[me] = "failed: " + e;
            }
          });
        }
        for (Thread t : threads) {
          t.join();
        }
        Arrays.sort(got);
        outcomes.add(Arrays.toString(got));
      }
      return outcomes.equals(java.util.Set.of("[FileAlreadyExistsException, created]"))
          ? "20 rounds: 1 created, 1 FileAlreadyExistsException each" : outcomes.toString();
    });
  }

  @ParameterizedTest
  @EnumSource(FileSystemsUnderTest.class)
  void transfersBetweenChannels(FileSystemsUnderTest fs) throws Exception {
    check(fs, "70000 70000 true", root -> {
      byte[] data = new byte[70_000];
      new java.util.Random(7).nextBytes(data);
      Files.write(root.resolve("src"), data);
      long from;
      long to;
      try (FileChannel in = FileChannel.open(root.resolve("src"));
           FileChannel out = FileChannel.open(root.resolve("dst"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        from = in.transferTo(0, in.size(), out);
      }
      try (FileChannel in = FileChannel.open(root.resolve("dst"));
           FileChannel out = FileChannel.open(root.resolve("dst2"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        to = out.transferFrom(in, 0, Long.MAX_VALUE);
      }
      return from + " " + to + " " + Arrays.equals(data, Files.readAllBytes(root.resolve("dst2")));
    });
  }

  @ParameterizedTest
  @EnumSource(FileSystemsUnderTest.class)
  void directoryStreamsWithGlobAndRegex(FileSystemsUnderTest fs) throws Exception {
    check(fs, "a.txt,b.txt | a.txt,b.log,b.txt,sub | b.log,b.txt | b.log | NotDirectoryException(a.txt) | NoSuchFileException(none)",
        steps(
            r -> {
              for (String n : List.of("a.txt", "b.txt", "b.log")) {
                Files.createFile(r.resolve(n));
              }
              Files.createDirectory(r.resolve("sub"));
              try (DirectoryStream<Path> ds = Files.newDirectoryStream(r, "*.txt")) {
                TreeSet<String> s = new TreeSet<>();
                ds.forEach(p -> s.add(p.getFileName().toString()));
                return String.join(",", s);
              }
            },
            r -> names(Files.list(r), r),
            r -> {
              try (DirectoryStream<Path> ds = Files.newDirectoryStream(r, "{b*,c*}")) {
                TreeSet<String> s = new TreeSet<>();
                ds.forEach(p -> s.add(p.getFileName().toString()));
                return String.join(",", s);
              }
            },
            r -> {
              var m = r.getFileSystem().getPathMatcher("regex:.*/b\\.[l]og");
              return names(Files.list(r).filter(m::matches), r);
            },
            r -> Files.newDirectoryStream(r.resolve("a.txt")),
            r -> Files.newDirectoryStream(r.resolve("none"))));
  }

  @ParameterizedTest
  @EnumSource(FileSystemsUnderTest.class)
  void walkFindAndVisit(FileSystemsUnderTest fs) throws Exception {
    check(fs, ",a,a/b,a/b/c.txt,a/d.txt,e.txt | a/b/c.txt,a/d.txt,e.txt | pre a,pre b,file c.txt,post b,file d.txt,post a",
        steps(
            r -> {
              Files.createDirectories(r.resolve("a/b"));
              Files.writeString(r.resolve("a/b/c.txt"), "c");
              Files.writeString(r.resolve("a/d.txt"), "dd");
              Files.writeString(r.resolve("e.txt"), "eee");
              return names(Files.walk(r), r);
            },
            r -> names(Files.find(r, 10, (p, a) -> a.isRegularFile() && p.toString().endsWith(".txt")), r),
            r -> {
              List<String> events = new ArrayList<>();
              Files.walkFileTree(r.resolve("a"), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                  events.add("pre " + dir.getFileName());
                  return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                  events.add("file " + file.getFileName());
                  return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                  events.add("post " + dir.getFileName());
                  return FileVisitResult.CONTINUE;
                }
              });
              return String.join(",", events);
            }));
  }

  @ParameterizedTest
  @EnumSource(FileSystemsUnderTest.class)
  void copyFilesAndDirectories(FileSystemsUnderTest fs) throws Exception {
    check(fs, "FileAlreadyExistsException(b) | one | true | empty dir: true 0 | DirectoryNotEmptyException(d) | NoSuchFileException(nope)",
        steps(
            r -> {
              Files.writeString(r.resolve("a"), "one");
              Files.writeString(r.resolve("b"), "two");
              return Files.copy(r.resolve("a"), r.resolve("b"));
            },
            r -> Files.readString(Files.copy(r.resolve("a"), r.resolve("b"), StandardCopyOption.REPLACE_EXISTING)),
            r -> {
              FileTime t = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));
              Files.setLastModifiedTime(r.resolve("a"), t);
              Files.copy(r.resolve("a"), r.resolve("c"), StandardCopyOption.COPY_ATTRIBUTES);
              return Files.getLastModifiedTime(r.resolve("c")).equals(t);
            },
            r -> {
              Files.createDirectories(r.resolve("d/inner"));
              Files.copy(r.resolve("d"), r.resolve("e"));
              return "empty dir: " + Files.isDirectory(r.resolve("e")) + " " + Files.list(r.resolve("e")).count();
            },
            r -> Files.copy(r.resolve("a"), r.resolve("d"), StandardCopyOption.REPLACE_EXISTING),
            r -> Files.copy(r.resolve("nope"), r.resolve("x"))));
  }

  @ParameterizedTest
  @EnumSource(FileSystemsUnderTest.class)
  void moveAndRename(FileSystemsUnderTest fs) throws Exception {
    check(fs, "false true two | FileAlreadyExistsException(c) | d2/sub/f | true | DirectoryNotEmptyException(d2) | NoSuchFileException(gone)",
        steps(
            r -> {
              Files.writeString(r.resolve("a"), "two");
              Files.move(r.resolve("a"), r.resolve("b"));
              return Files.exists(r.resolve("a")) + " " + Files.exists(r.resolve("b")) + " " + Files.readString(r.resolve("b"));
            },
            r -> {
              Files.writeString(r.resolve("c"), "c");
              return Files.move(r.resolve("b"), r.resolve("c"));
            },
            r -> {
              Files.createDirectories(r.resolve("d/sub"));
              Files.writeString(r.resolve("d/sub/f"), "f");
              Files.move(r.resolve("d"), r.resolve("d2"), StandardCopyOption.ATOMIC_MOVE);
              return names(Files.walk(r.resolve("d2")).filter(Files::isRegularFile), r);
            },
            r -> {
              Files.move(r.resolve("b"), r.resolve("c"), StandardCopyOption.REPLACE_EXISTING);
              return Files.readString(r.resolve("c")).equals("two");
            },
            r -> Files.move(r.resolve("c"), r.resolve("d2"), StandardCopyOption.REPLACE_EXISTING),
            r -> Files.move(r.resolve("gone"), r.resolve("x"))));
  }

  @ParameterizedTest
  @EnumSource(FileSystemsUnderTest.class)
  void basicAndPosixAttributes(FileSystemsUnderTest fs) throws Exception {
    check(fs, "true false false 5 | rw-r----- | 2001-02-03T04:05:06Z | {size=5} | true | rwx------ | NoSuchFileException(none)",
        steps(
            r -> {
              Files.writeString(r.resolve("f"), "12345");
              BasicFileAttributes a = Files.readAttributes(r.resolve("f"), BasicFileAttributes.class);
              return a.isRegularFile() + " " + a.isDirectory() + " " + a.isSymbolicLink() + " " + a.size();
            },
            r -> {
              Files.setPosixFilePermissions(r.resolve("f"), PosixFilePermissions.fromString("rw-r-----"));
              return PosixFilePermissions.toString(Files.getPosixFilePermissions(r.resolve("f")));
            },
            r -> {
              Files.setLastModifiedTime(r.resolve("f"), FileTime.from(Instant.parse("2001-02-03T04:05:06Z")));
              return Files.getLastModifiedTime(r.resolve("f"));
            },
            r -> Files.readAttributes(r.resolve("f"), "size"),
            r -> Files.readAttributes(r.resolve("f"), "posix:*").get("owner") != null,
            r -> PosixFilePermissions.toString(Files.getPosixFilePermissions(Files.createDirectory(r.resolve("p"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))))),
            r -> Files.getLastModifiedTime(r.resolve("none"))));
  }

  @ParameterizedTest
  @EnumSource(FileSystemsUnderTest.class)
  void pathSyntax(FileSystemsUnderTest fs) throws Exception {
    check(fs, "a/b/c | ../../x/y | a/c | /a/b | null | b | c | 3 | true true false | InvalidPathException | a/b | /",
        steps(
            r -> r.getFileSystem().getPath("a//b/./c/").normalize(),
            r -> r.getFileSystem().getPath("a/b").relativize(r.getFileSystem().getPath("x/y")),
            r -> r.getFileSystem().getPath("a/b/../c").normalize(),
            r -> r.getFileSystem().getPath("/a").resolve("b"),
            r -> r.getFileSystem().getPath("a").getParent(),
            r -> r.getFileSystem().getPath("/a/b").getFileName(),
            r -> r.getFileSystem().getPath("a/b/c").subpath(2, 3),
            r -> r.getFileSystem().getPath("/a/b/c").getNameCount(),
            r -> r.getFileSystem().getPath("/a/b").startsWith("/a") + " " + r.getFileSystem().getPath("a/b").endsWith("b")
                + " " + r.getFileSystem().getPath("a/b").startsWith("/a"),
            r -> {
              try {
                return r.getFileSystem().getPath("a\0b");
              } catch (java.nio.file.InvalidPathException e) {
                return "InvalidPathException";
              }
            },
            r -> r.getFileSystem().getPath("/x/a/b").subpath(1, 3),
            r -> r.getFileSystem().getPath("/a/..").normalize()));
  }

  @ParameterizedTest
  @EnumSource(FileSystemsUnderTest.class)
  void symbolicLinks(FileSystemsUnderTest fs) throws Exception {
    check(fs, "target | true false | content | NotLinkException(t) | FileSystemException(loop1) | content | false",
        "target | true false | content | NotLinkException(t) | IOException | content | false",
        steps(
            r -> {
              Files.writeString(r.resolve("t"), "content");
              return Files.readSymbolicLink(Files.createSymbolicLink(r.resolve("l"), r.getFileSystem().getPath("t")))
                  .toString().replace("t", "target");
            },
            r -> Files.isSymbolicLink(r.resolve("l")) + " " + Files.isSymbolicLink(r.resolve("t")),
            r -> Files.readString(r.resolve("l")),
            r -> Files.readSymbolicLink(r.resolve("t")),
            r -> {
              Files.createSymbolicLink(r.resolve("loop1"), r.getFileSystem().getPath("loop2"));
              Files.createSymbolicLink(r.resolve("loop2"), r.getFileSystem().getPath("loop1"));
              return Files.readString(r.resolve("loop1"));
            },
            r -> {
              Files.createDirectory(r.resolve("dir"));
              Files.createSymbolicLink(r.resolve("dir/up"), r.getFileSystem().getPath(".."));
              return Files.readString(r.resolve("dir/up/l"));
            },
            r -> {
              Files.delete(r.resolve("l"));
              return Files.exists(r.resolve("l"), LinkOption.NOFOLLOW_LINKS);
            }));
  }

  @ParameterizedTest
  @EnumSource(FileSystemsUnderTest.class)
  void hardLinks(FileSystemsUnderTest fs) throws Exception {
    check(fs, "true | shared | shared | FileAlreadyExistsException(h, g)",
        "true | shared | shared | FileAlreadyExistsException(h)",
        steps(
            r -> {
              Files.writeString(r.resolve("f"), "first");
              Files.createLink(r.resolve("h"), r.resolve("f"));
              return Files.isSameFile(r.resolve("f"), r.resolve("h"));
            },
            r -> {
              Files.writeString(r.resolve("h"), "shared");
              return Files.readString(r.resolve("f"));
            },
            r -> {
              Files.delete(r.resolve("f"));
              return Files.readString(r.resolve("h"));
            },
            r -> {
              Files.writeString(r.resolve("g"), "g");
              return Files.createLink(r.resolve("h"), r.resolve("g"));
            }));
  }

  @ParameterizedTest
  @EnumSource(FileSystemsUnderTest.class)
  void directoriesAreNotFiles(FileSystemsUnderTest fs) throws Exception {
    check(fs, "FileSystemException(d) | FileAlreadyExistsException(d) | true",
        steps(
            r -> Files.newOutputStream(Files.createDirectory(r.resolve("d"))),
            r -> Files.createFile(r.resolve("d")),
            r -> Files.deleteIfExists(r.resolve("d"))));
  }

  @ParameterizedTest
  @EnumSource(FileSystemsUnderTest.class)
  void linesAcrossManyChunks(FileSystemsUnderTest fs) throws Exception {
    check(fs, "20000 line 19999 20000", root -> {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < 20_000; i++) {
        lines.add("line " + i);
      }
      Files.write(root.resolve("lines"), lines);
      List<String> back = Files.readAllLines(root.resolve("lines"));
      try (Stream<String> s = Files.lines(root.resolve("lines"))) {
        return back.size() + " " + back.getLast() + " " + s.count();
      }
    });
  }
}
