package dev.architect.bench.vfs;

import dev.architect.bench.Contenders;
import dev.architect.vfs.DbFileSystems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Many small files: creating 10,000 files of 100 bytes in a fresh directory (each written and
 * closed; {@code architectBatch} uses {@link DbFileSystems#batch}, one commit for all), listing a
 * 10,000-entry directory, and walking a tree of 10,000 files in 110 directories, reading each
 * one's attributes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Contenders(anchors = {"default", "jimfs"})
public class TreeBenchmark {
  static final int FILES = 10_000;

  /** One file system with a flat directory and a tree of 10,000 files each. */
  @State(Scope.Benchmark)
  public abstract static class Tree {
    Target target;
    final byte[] small = new byte[100];
    int round;
    Path fresh;

    abstract Target open() throws IOException;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      target = open();
      Path flat = Files.createDirectories(target.root.resolve("flat"));
      for (int i = 0; i < FILES; i++) {
        Files.write(flat.resolve("f" + i), small);
      }
      for (int a = 0; a < 10; a++) {
        for (int b = 0; b < 10; b++) {
          Path dir = Files.createDirectories(target.root.resolve("tree/" + a + "/" + b));
          for (int i = 0; i < FILES / 100; i++) {
            Files.write(dir.resolve("f" + i), small);
          }
        }
      }
    }

    @Setup(Level.Invocation)
    public void freshDirectory() throws IOException {
      fresh = Files.createDirectories(target.root.resolve("new" + round++));
    }

    @TearDown(Level.Invocation)
    public void removeFresh() throws IOException {
      Target.deleteTree(fresh);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      target.close();
    }
  }

  /** {@code db:}. */
  public static class Db extends Tree {
    @Override
    Target open() throws IOException {
      return Target.db();
    }
  }

  /** The default file system, in a temporary directory. */
  public static class Local extends Tree {
    @Override
    Target open() throws IOException {
      return Target.local();
    }
  }

  /** Jimfs, in memory. */
  public static class Memory extends Tree {
    @Override
    Target open() throws IOException {
      return Target.jimfs();
    }
  }

  static int create(Tree s) throws IOException {
    for (int i = 0; i < FILES; i++) {
      Files.write(s.fresh.resolve("f" + i), s.small);
    }
    return FILES;
  }

  static long list(Tree s) throws IOException {
    try (Stream<Path> entries = Files.list(s.target.root.resolve("flat"))) {
      return entries.count();
    }
  }

  static long walk(Tree s) throws IOException {
    long[] bytes = {0};
    try (Stream<Path> paths = Files.find(s.target.root.resolve("tree"), 10, (p, a) -> {
      bytes[0] += a.size();
      return a.isRegularFile();
    })) {
      return paths.count() + bytes[0];
    }
  }

  @Benchmark
  public int createFiles_architect(Db s) throws IOException {
    return create(s);
  }

  @Benchmark
  public int createFiles_architectBatch(Db s) throws IOException {
    DbFileSystems.batch(s.target.fileSystem(), () -> create(s));
    return FILES;
  }

  @Benchmark
  public int createFiles_default(Local s) throws IOException {
    return create(s);
  }

  @Benchmark
  public int createFiles_jimfs(Memory s) throws IOException {
    return create(s);
  }

  @Benchmark
  public long listDirectory_architect(Db s) throws IOException {
    return list(s);
  }

  @Benchmark
  public long listDirectory_default(Local s) throws IOException {
    return list(s);
  }

  @Benchmark
  public long listDirectory_jimfs(Memory s) throws IOException {
    return list(s);
  }

  @Benchmark
  public long walkTree_architect(Db s) throws IOException {
    return walk(s);
  }

  @Benchmark
  public long walkTree_default(Local s) throws IOException {
    return walk(s);
  }

  @Benchmark
  public long walkTree_jimfs(Memory s) throws IOException {
    return walk(s);
  }

}
