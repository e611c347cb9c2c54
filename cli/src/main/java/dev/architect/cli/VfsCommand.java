package dev.architect.cli;

import dev.architect.vfs.DbFileSystems;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code architect vfs --db PATH ...}: a {@code db:} file system (one SQLite file) on the command
 * line. Errors are one line naming the path, exit code 1.
 */
@Command(
    name = "vfs",
    description = "A whole file system inside one SQLite database (the db: NIO provider).",
    footerHeading = "%nExamples:%n",
    footer = {
        "  architect vfs --db site.db import ./public     copy a directory tree in (one transaction)",
        "  architect vfs --db site.db tree /",
        "  architect vfs --db site.db cat /index.html",
        "  architect vfs --db site.db mv /old /new        renames a tree by changing one row",
        "Exit codes: 0 done, 1 failed, 2 usage error."
    },
    subcommands = {
        VfsCommand.Ls.class, VfsCommand.Tree.class, VfsCommand.Cat.class, VfsCommand.Put.class,
        VfsCommand.Get.class, VfsCommand.Mkdir.class, VfsCommand.Rm.class, VfsCommand.Mv.class,
        VfsCommand.Du.class, VfsCommand.Import.class, VfsCommand.Export.class,
    })
final class VfsCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Option(names = "--db", required = true, paramLabel = "PATH", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "The SQLite database file (created by put, mkdir and import when missing).")
  Path db;

  @Override
  public void run() {
    throw new UsageError(spec.commandLine(), "missing vfs command; see 'architect vfs --help'");
  }

  /** Opens the database; {@code create} makes it when missing. */
  FileSystem open(boolean create) {
    try {
      if (!create && !Files.exists(db)) {
        throw new CommandFailure("no such database: " + db, null);
      }
      // By URI, not by Path: FileSystems.newFileSystem(Path) asks every provider in turn, and the
      // zip provider would take a missing file and create a zip archive.
      return FileSystems.newFileSystem(URI.create(DbFileSystems.SCHEME + ":" + db.toAbsolutePath().toUri()),
          Map.of(DbFileSystems.CREATE, create));
    } catch (IOException | RuntimeException e) {
      if (e instanceof CommandFailure f) {
        throw f;
      }
      throw new CommandFailure("cannot open database " + db + ": " + e.getMessage(), e);
    }
  }

  /** An I/O failure as one line naming the path. */
  static CommandFailure failure(IOException e) {
    String message;
    if (e instanceof NoSuchFileException n) {
      message = "no such file or directory: " + n.getFile();
    } else if (e instanceof FileAlreadyExistsException a) {
      message = "already exists: " + a.getFile();
    } else if (e instanceof DirectoryNotEmptyException d) {
      message = "directory not empty: " + d.getFile() + " (rm -r removes a tree)";
    } else if (e instanceof NotDirectoryException d) {
      message = "not a directory: " + d.getFile();
    } else if (e instanceof FileSystemException f) {
      message = f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": "
          + (f.getReason() == null ? f.getClass().getSimpleName() : f.getReason());
    } else {
      message = e.getMessage();
    }
    return new CommandFailure(message, e);
  }

  /** Shared by the subcommands: run with the database open. */
  abstract static class Sub implements Callable<Integer> {
    @ParentCommand VfsCommand parent;
    @Spec CommandSpec spec;

    boolean creates() {
      return false;
    }

    abstract void run(FileSystem fs, PrintWriter out) throws IOException;

    @Override
    public Integer call() {
      try (FileSystem fs = parent.open(creates())) {
        run(fs, spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return 0;
      } catch (IOException e) {
        throw failure(e);
      }
    }
  }

  @Command(name = "ls", description = "List a directory (or show one file).")
  static final class Ls extends Sub {
    @Option(names = "-l", description = "Long listing: type, size, modified time.") boolean longFormat;
    @Parameters(arity = "0..1", defaultValue = "/", paramLabel = "PATH",
        description = "The directory or file to list (default /).") String path;

    @Override
    void run(FileSystem fs, PrintWriter out) throws IOException {
      Path p = fs.getPath(path);
      List<Path> entries = new ArrayList<>();
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.sorted().forEach(entries::add);
        }
      } else {
        Files.readAttributes(p, BasicFileAttributes.class);
        entries.add(p);
      }
      for (Path e : entries) {
        BasicFileAttributes a = Files.readAttributes(e, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        String name = e.getFileName() + (a.isDirectory() ? "/" : "");
        if (longFormat) {
          out.printf("%s %12d %s %s%n", a.isDirectory() ? "d" : a.isSymbolicLink() ? "l" : "-", a.size(),
              a.lastModifiedTime().toString().substring(0, 19).replace('T', ' '), name);
        } else {
          out.println(name);
        }
      }
    }
  }

  @Command(name = "tree", description = "Show a directory tree.")
  static final class Tree extends Sub {
    @Parameters(arity = "0..1", defaultValue = "/", paramLabel = "PATH",
        description = "The directory to show (default /).") String path;

    @Override
    void run(FileSystem fs, PrintWriter out) throws IOException {
      Path root = fs.getPath(path);
      int[] counts = new int[2];
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        int depth;

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          out.println("  ".repeat(depth) + (dir.getFileName() == null ? "/" : dir.getFileName() + "/"));
          depth++;
          counts[0]++;
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          out.println("  ".repeat(depth) + file.getFileName() + " (" + attrs.size() + " bytes)");
          counts[1]++;
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
          if (exc != null) {
            throw exc;
          }
          depth--;
          return FileVisitResult.CONTINUE;
        }
      });
      out.println(counts[0] + " directories, " + counts[1] + " files");
    }
  }

  @Command(name = "cat", description = "Write a file's bytes to stdout.")
  static final class Cat extends Sub {
    @Parameters(paramLabel = "PATH",
        description = "The file to print.") String path;

    @Override
    void run(FileSystem fs, PrintWriter out) throws IOException {
      out.flush();
      try (InputStream in = Files.newInputStream(fs.getPath(path))) {
        OutputStream stdout = System.out;
        in.transferTo(stdout);
        stdout.flush();
      }
    }
  }

  @Command(name = "put", description = "Copy a local file in (REMOTE may be a directory).")
  static final class Put extends Sub {
    @Parameters(index = "0", paramLabel = "LOCAL",
        description = "The local file to copy in.") Path local;
    @Parameters(index = "1", paramLabel = "REMOTE",
        description = "Where it goes in the database (an existing directory keeps the file's name).") String remote;

    @Override
    boolean creates() {
      return true;
    }

    @Override
    void run(FileSystem fs, PrintWriter out) throws IOException {
      Path target = fs.getPath(remote);
      if (Files.isDirectory(target)) {
        target = target.resolve(local.getFileName().toString());
      }
      Files.copy(local, target, StandardCopyOption.REPLACE_EXISTING);
      out.println(target + " (" + Files.size(target) + " bytes)");
    }
  }

  @Command(name = "get", description = "Copy a file out to a local path (LOCAL may be a directory).")
  static final class Get extends Sub {
    @Parameters(index = "0", paramLabel = "REMOTE",
        description = "The file in the database.") String remote;
    @Parameters(index = "1", paramLabel = "LOCAL",
        description = "Where it goes on disk (an existing directory keeps the file's name).") Path local;

    @Override
    void run(FileSystem fs, PrintWriter out) throws IOException {
      Path source = fs.getPath(remote);
      Path target = Files.isDirectory(local) ? local.resolve(source.getFileName().toString()) : local;
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      out.println(target + " (" + Files.size(target) + " bytes)");
    }
  }

  @Command(name = "mkdir", description = "Create directories.")
  static final class Mkdir extends Sub {
    @Option(names = "-p", description = "Create missing parents; no error if it exists.") boolean parents;
    @Parameters(arity = "1..*", paramLabel = "PATH",
        description = "The directories to create.") List<String> paths;

    @Override
    boolean creates() {
      return true;
    }

    @Override
    void run(FileSystem fs, PrintWriter out) throws IOException {
      for (String p : paths) {
        if (parents) {
          Files.createDirectories(fs.getPath(p));
        } else {
          Files.createDirectory(fs.getPath(p));
        }
      }
    }
  }

  @Command(name = "rm", description = "Remove files (and, with -r, directory trees).")
  static final class Rm extends Sub {
    @Option(names = "-r", description = "Remove directories and everything below them.") boolean recursive;
    @Parameters(arity = "1..*", paramLabel = "PATH",
        description = "The files or directories to remove.") List<String> paths;

    @Override
    void run(FileSystem fs, PrintWriter out) throws IOException {
      for (String p : paths) {
        Path path = fs.getPath(p);
        if (recursive && Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          // One transaction: the tree goes at once or not at all.
          DbFileSystems.batch(fs, () -> {
            try (Stream<Path> s = Files.walk(path)) {
              for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
              }
            }
          });
        } else {
          Files.delete(path);
        }
      }
    }
  }

  @Command(name = "mv", description = "Move or rename (a directory of any size: one row changes).")
  static final class Mv extends Sub {
    @Parameters(index = "0", paramLabel = "SOURCE",
        description = "What to move.") String source;
    @Parameters(index = "1", paramLabel = "TARGET",
        description = "The new path (an existing directory receives SOURCE).") String target;

    @Override
    void run(FileSystem fs, PrintWriter out) throws IOException {
      Path s = fs.getPath(source);
      Path t = fs.getPath(target);
      if (Files.isDirectory(t) && !Files.isSameFile(s, t)) {
        t = t.resolve(s.getFileName().toString());
      }
      Files.move(s, t, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  @Command(name = "du", description = "Total size and number of files below a path.")
  static final class Du extends Sub {
    @Parameters(arity = "0..1", defaultValue = "/", paramLabel = "PATH",
        description = "The directory to measure (default /).") String path;

    @Override
    void run(FileSystem fs, PrintWriter out) throws IOException {
      long[] totals = new long[3];
      Files.walkFileTree(fs.getPath(path), new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          totals[0] += attrs.size();
          totals[1]++;
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          totals[2]++;
          return FileVisitResult.CONTINUE;
        }
      });
      out.println(totals[0] + " bytes in " + totals[1] + " files and " + totals[2] + " directories under " + path);
    }
  }

  private static ProgressBar progress(String task, long max) {
    return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(200).build();
  }

  /** Copies the tree {@code from} to {@code to}, which may be on another file system. */
  static long copyTree(Path from, Path to, String task) throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.walk(from)) {
      all = s.toList();
    }
    long bytes = 0;
    try (ProgressBar bar = progress(task, all.size())) {
      for (Path p : all) {
        Path target = to;
        for (Path name : from.relativize(p)) {
          if (!name.toString().isEmpty()) {
            target = target.resolve(name.toString());
          }
        }
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
          bytes += Files.size(target);
        }
        bar.step();
      }
    }
    return bytes;
  }

  @Command(name = "import", description = "Copy a local directory tree in, in one transaction.")
  static final class Import extends Sub {
    @Parameters(index = "0", paramLabel = "DIR",
        description = "The local directory to copy in.") Path dir;
    @Parameters(index = "1", arity = "0..1", defaultValue = "/", paramLabel = "REMOTE",
        description = "The directory in the database it goes to (default /).") String remote;

    @Override
    boolean creates() {
      return true;
    }

    @Override
    void run(FileSystem fs, PrintWriter out) throws IOException {
      if (!Files.isDirectory(dir)) {
        throw new NotDirectoryException(dir.toString());
      }
      long[] bytes = new long[1];
      DbFileSystems.batch(fs, () -> bytes[0] = copyTree(dir, fs.getPath(remote), "import"));
      out.println("imported " + bytes[0] + " bytes from " + dir + " into " + remote);
    }
  }

  @Command(name = "export", description = "Copy a tree out to a local directory.")
  static final class Export extends Sub {
    @Parameters(index = "0", paramLabel = "DIR",
        description = "The local directory to copy to.") Path dir;
    @Parameters(index = "1", arity = "0..1", defaultValue = "/", paramLabel = "REMOTE",
        description = "The directory in the database to copy out (default /).") String remote;

    @Override
    void run(FileSystem fs, PrintWriter out) throws IOException {
      long bytes = copyTree(fs.getPath(remote), dir, "export");
      out.println("exported " + bytes + " bytes from " + remote + " to " + dir);
    }
  }
}
