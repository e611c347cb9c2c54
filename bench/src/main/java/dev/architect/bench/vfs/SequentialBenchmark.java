package dev.architect.bench.vfs;

import dev.architect.bench.Contenders;
import dev.architect.vfs.DbFileSystems;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Big files: writing {@code mib} MiB in 1 MiB writes (new content, closed, so {@code db:} commits),
 * reading them back in 1 MiB reads, and 4 KiB reads at random offsets through an open channel.
 * Throughput is {@code mib} divided by the time per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Contenders(anchors = {"default", "jimfs"})
public class SequentialBenchmark {
  /** One file system with a file of {@code mib} MiB and a channel open on it. */
  @State(Scope.Benchmark)
  public abstract static class Files0 {
    @Param("256")
    public int mib;

    Target target;
    Path file;
    FileChannel channel;
    final byte[] buffer = new byte[1 << 20];
    final ByteBuffer page = ByteBuffer.allocate(4096);
    final SplittableRandom random = new SplittableRandom(42);

    abstract Target open() throws IOException;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws IOException {
      target = open();
      new SplittableRandom(1).nextBytes(buffer);
      file = target.root.resolve("big");
      write(this);
      // Only the random reads use the channel. On db: an open reading channel holds its snapshot, and
      // SQLite cannot recycle the write-ahead log behind it: left open during seqWrite, it made the WAL
      // grow by the file's size on every rewrite and halved the write speed.
      if (params.getBenchmark().contains(".randomRead4k_")) {
        channel = FileChannel.open(file);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      if (channel != null) {
        channel.close();
      }
      target.close();
    }
  }

  /** {@code db:}. */
  public static class Db extends Files0 {
    @Override
    Target open() throws IOException {
      return Target.db();
    }
  }

  /** {@code db:} created with 64 KiB SQLite pages, the setting for large files. */
  public static class DbLargePages extends Files0 {
    @Override
    Target open() throws IOException {
      return Target.db(Map.of(DbFileSystems.PAGE_SIZE, 65536));
    }
  }

  /**
   * {@code db:} with 64 KiB pages and {@code durability=off}: SQLite never calls fsync, as the default
   * file system does not when nothing calls {@code force}. A process crash still loses nothing; an
   * operating-system crash or a power cut may damage the database.
   */
  public static class DbNoSync extends Files0 {
    @Override
    Target open() throws IOException {
      return Target.db(Map.of(DbFileSystems.PAGE_SIZE, 65536, DbFileSystems.DURABILITY, "off"));
    }
  }

  /** The default file system, in a temporary directory. */
  public static class Local extends Files0 {
    @Override
    Target open() throws IOException {
      return Target.local();
    }
  }

  /** Jimfs, in memory. */
  public static class Memory extends Files0 {
    @Override
    Target open() throws IOException {
      return Target.jimfs();
    }
  }

  static long write(Files0 s) throws IOException {
    try (OutputStream out = Files.newOutputStream(s.file)) {
      for (int i = 0; i < s.mib; i++) {
        out.write(s.buffer);
      }
    }
    return s.mib;
  }

  static long read(Files0 s) throws IOException {
    long total = 0;
    try (InputStream in = Files.newInputStream(s.file)) {
      int n;
      while ((n = in.read(s.buffer)) > 0) {
        total += n;
      }
    }
    return total;
  }

  static int randomRead(Files0 s) throws IOException {
    long pages = (long) s.mib << 8;
    s.page.clear();
    return s.channel.read(s.page, s.random.nextLong(pages) << 12);
  }

  @Benchmark
  public long seqWrite_architect(Db s) throws IOException {
    return write(s);
  }

  @Benchmark
  public long seqWrite_architectLargePages(DbLargePages s) throws IOException {
    return write(s);
  }

  @Benchmark
  public long seqWrite_architectNoSync(DbNoSync s) throws IOException {
    return write(s);
  }

  @Benchmark
  public long seqWrite_default(Local s) throws IOException {
    return write(s);
  }

  @Benchmark
  public long seqWrite_jimfs(Memory s) throws IOException {
    return write(s);
  }

  @Benchmark
  public long seqRead_architect(Db s) throws IOException {
    return read(s);
  }

  @Benchmark
  public long seqRead_architectLargePages(DbLargePages s) throws IOException {
    return read(s);
  }

  @Benchmark
  public long seqRead_default(Local s) throws IOException {
    return read(s);
  }

  @Benchmark
  public long seqRead_jimfs(Memory s) throws IOException {
    return read(s);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int randomRead4k_architect(Db s) throws IOException {
    return randomRead(s);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int randomRead4k_default(Local s) throws IOException {
    return randomRead(s);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int randomRead4k_jimfs(Memory s) throws IOException {
    return randomRead(s);
  }
}
