package dev.architect.vfs;

import dev.architect.vfs.internal.DbFileSystem;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.ProviderMismatchException;
import java.util.Objects;

/**
 * Entry point of the {@code db:} file system: a whole file system inside one SQLite database, used
 * through {@code java.nio.file} only.
 *
 * <p>Open one with {@link java.nio.file.FileSystems#newFileSystem(java.net.URI, java.util.Map)} and
 * a URI {@code db:file:///abs/path.db}, or {@link java.nio.file.FileSystems#newFileSystem(
 * java.nio.file.Path, java.util.Map)} with the path of a {@code .db} file; a path inside it is
 * {@code db:file:///abs/path.db!/dir/file}. The environment keys are the constants below; values
 * may be given as strings or as their natural type ({@code Boolean}, {@code Integer},
 * {@code java.time.Duration}).
 *
 * <p>Guarantees: a writer's changes (channel or output stream) become visible at once, when it is
 * closed or forced; readers see the content as it was when they opened, never a mix; a crash leaves
 * each file with the content of its last close or force. As on the JDK's file system, a file opened
 * with {@code CREATE} or {@code CREATE_NEW} exists (empty) once the open returns, and of two
 * concurrent {@code CREATE_NEW} opens of one path only one succeeds. Many threads and processes may
 * use one database; a database held busy by another process is retried with backoff and reported
 * as a {@link java.nio.file.FileSystemException} after {@link #BUSY_TIMEOUT}.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class DbFileSystems {

  /** The URI scheme: {@code db:file:///abs/path.db!/dir/file}. */
  public static final String SCHEME = "db";

  /** Env key: {@code "true"} creates the database file when it does not exist (default false). */
  public static final String CREATE = "create";

  /**
   * Env key: {@code "true"} opens the database read-only (default false): every change throws
   * {@link java.nio.file.ReadOnlyFileSystemException}.
   */
  public static final String READ_ONLY = "readOnly";

  /**
   * Env key: the size in bytes of the chunks a file's content is stored in, a power of two from
   * 512 to 4 MiB (default 65536). It applies when the database is created; an existing database
   * keeps the size it was created with.
   */
  public static final String CHUNK_SIZE = "chunkSize";

  /**
   * Env key: the SQLite page size in bytes, a power of two from 512 to 65536 (default 4096). It
   * applies when the database is created. Every commit writes each page it touches, whole, to the
   * write-ahead log: small pages make small-file commits cheap, and 65536 (with 64 KiB chunks) makes
   * large sequential writes about twice as fast.
   */
  public static final String PAGE_SIZE = "pageSize";

  /**
   * Env key: {@code "normal"} (default) makes each commit atomic and crash-safe against a process
   * crash, and durable once the WAL is synced, at a checkpoint or at {@code FileChannel.force};
   * {@code "full"} syncs the disk at every commit (survives a power loss); {@code "off"} never syncs,
   * not even at {@code force} (fast, for scratch data).
   */
  public static final String DURABILITY = "durability";

  /**
   * Env key: how long an operation waits for a database that another process holds busy, as a
   * {@code java.time.Duration} or a number of milliseconds (default 10 seconds).
   */
  public static final String BUSY_TIMEOUT = "busyTimeout";

  private DbFileSystems() {}

  /**
   * Runs {@code action} in one database transaction: every change the calling thread makes to
   * {@code fs} inside it (files written and closed, directories created, moves, deletes) becomes
   * visible at once when it returns, or not at all when it throws. This is the batch API for
   * creating many small files: one commit instead of one per file.
   *
   * <p>Other threads and processes do not see the changes before the end and wait for their own
   * changes until then. Changes made by the action on other threads are not part of the batch.
   *
   * @throws ProviderMismatchException if {@code fs} is not a {@code db:} file system
   * @throws IOException what the action throws (the batch is rolled back), or a
   *     {@link java.nio.file.FileSystemException} if the database stays busy
   */
  public static void batch(FileSystem fs, Batch action) throws IOException {
    Objects.requireNonNull(fs, "fs");
    Objects.requireNonNull(action, "action");
    if (!(fs instanceof DbFileSystem db)) {
      throw new ProviderMismatchException("fs must be a db: file system, was " + fs.provider().getScheme() + ":");
    }
    db.batch(action);
  }

  /** The body of a {@link #batch}. */
  @FunctionalInterface
  public interface Batch {
    /**
     * Does the work of the batch.
     *
     * @throws IOException to roll the batch back
     */
    void run() throws IOException;
  }
}
