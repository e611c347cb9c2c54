package dev.architect.vfs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

/**
 * The SQLite database behind one file system: a pool of connections, read transactions, and the
 * one write transaction SQLite allows at a time.
 *
 * <p>Writes of this process are serialised by a semaphore before they ask SQLite for its write
 * lock, so threads queue here instead of spinning on {@code SQLITE_BUSY}; other processes are met
 * with {@code BEGIN IMMEDIATE} retried with backoff until the busy timeout. A thread that holds the
 * write transaction (a batch, or a writer that spilled) runs its further reads and writes inside
 * it instead of waiting for itself.
 */
final class Store implements AutoCloseable {
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_IDLE = 8;

  /** A unit of work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Conn c) throws SQLException, IOException;
  }

  final Path file;
  final Config config;
  final int chunkSize;
  private final long busyNanos;
  private final ConcurrentLinkedDeque<Conn> idle = new ConcurrentLinkedDeque<>();
  private final Semaphore writer = new Semaphore(1, true);
  private volatile Thread writeOwner;
  private volatile Conn writeConn;
  /**
   * Set by {@link #sync} inside a write transaction (a batch): sync once it has committed. Only the
   * thread holding {@link #writer} touches it.
   */
  private boolean syncRequested;
  private volatile boolean closed;

  private Store(Path file, Config config, int chunkSize) {
    this.file = file;
    this.config = config;
    this.chunkSize = chunkSize;
    this.busyNanos = config.busyTimeout().toNanos();
  }

  /**
   * Opens (or, with {@code create}, creates) the database at {@code file}.
   *
   * @throws UnsupportedOperationException if the file is not a {@code db:} SQLite database
   * @throws FileSystemNotFoundException if it does not exist and {@code create} is false
   */
  static Store open(Path file, Config config) throws IOException {
    boolean exists = Files.exists(file);
    if (!exists && !config.create()) {
      throw new FileSystemNotFoundException(file.toString());
    }
    if (exists) {
      if (Files.isDirectory(file)) {
        throw new UnsupportedOperationException(file + " is a directory, not an SQLite database");
      }
      if (Files.size(file) > 0) {
        byte[] head = new byte[MAGIC.length];
        try (InputStream in = Files.newInputStream(file)) {
          if (in.readNBytes(head, 0, head.length) != head.length || !Arrays.equals(head, MAGIC)) {
            throw new UnsupportedOperationException(file + " is not an SQLite database");
          }
        }
      }
    }
    Store probe = new Store(file, config, config.chunkSize());
    int chunkSize;
    try {
      chunkSize = probe.initialise();
    } finally {
      probe.close();
    }
    return new Store(file, config, chunkSize);
  }

  /** Creates the schema if the database is empty; returns the chunk size it was created with. */
  private int initialise() throws IOException {
    Conn c = borrow();
    try {
      Long stored = meta(c);
      if (stored != null) {
        return stored.intValue();
      }
      if (config.readOnly()) {
        throw new FileSystemException(file.toString(), null, "the database has no db: file system and is opened read-only");
      }
      retry(() -> {
        // 4 KiB pages by default, whatever the chunk size. Every transaction appends each page it
        // touches, whole, to the WAL: creating a small file touches four or five pages, so 64 KiB
        // pages made it write ~300 KiB (10,000 files: 3.2 s against 0.8 s with 4 KiB pages,
        // measured). Large chunks pay instead (a 64 KiB chunk spans 17 overflow pages: sequential
        // writes ~1.8x slower than with 64 KiB pages), hence the pageSize key. It only takes effect
        // on an empty database, before WAL mode is set.
        c.exec("PRAGMA page_size=" + config.pageSize());
        c.exec("PRAGMA journal_mode=WAL");
        return null;
      });
    } catch (SQLException e) {
      throw failure(e);
    } finally {
      release(c);
    }
    return write(w -> {
      Long stored = meta(w);
      if (stored != null) {
        return stored.intValue();
      }
      Schema.create(w, config.chunkSize());
      return config.chunkSize();
    });
  }

  private Long meta(Conn c) throws SQLException, IOException {
    try (ResultSet rs = c.ps("SELECT name FROM sqlite_master WHERE type = 'table'").executeQuery()) {
      boolean any = false;
      boolean ours = false;
      while (rs.next()) {
        any = true;
        ours |= rs.getString(1).equals("vfs_meta");
      }
      if (!any) {
        return null;
      }
      if (!ours) {
        throw new UnsupportedOperationException(file + " is an SQLite database but not a db: file system");
      }
    }
    try (ResultSet rs = c.ps("SELECT value FROM vfs_meta WHERE key = 'chunkSize'").executeQuery()) {
      if (!rs.next()) {
        throw new FileSystemException(file.toString(), null, "the db: file system has no chunk size in vfs_meta");
      }
      return rs.getLong(1);
    }
  }

  /** Runs {@code work} in a read transaction (or inside this thread's write transaction). */
  <T> T read(Work<T> work) throws IOException {
    ensureOpen();
    if (writeOwner == Thread.currentThread()) {
      return inline(writeConn, work);
    }
    Conn c = borrow();
    try {
      return retry(() -> {
        c.ps("BEGIN").execute();
        try {
          T result = work.run(c);
          c.ps("COMMIT").execute();
          return result;
        } catch (Throwable e) {
          rollback(c);
          throw e;
        }
      });
    } finally {
      release(c);
    }
  }

  /** Runs {@code work} in a write transaction committed before it returns. */
  <T> T write(Work<T> work) throws IOException {
    ensureOpen();
    if (config.readOnly()) {
      throw new ReadOnlyFileSystemException();
    }
    if (writeOwner == Thread.currentThread()) {
      return inline(writeConn, work);
    }
    return transact(work, false);
  }

  /**
   * Makes every commit so far durable, as {@code FileChannel.force} promises. At durability normal a
   * commit reaches the WAL file but not the disk, so this commits a counter ({@code vfs_meta.syncs};
   * SQLite writes nothing for a row set to its own value) with synchronous=FULL: SQLite syncs the WAL,
   * and with it every commit before. SQLite refuses to change that setting inside a transaction, so
   * when this thread holds one (a batch), the sync follows its commit. Nothing to do at durability
   * full (every commit syncs) or off (none does).
   */
  void sync() throws IOException {
    ensureOpen();
    if (!config.durability().equals("normal") || config.readOnly()) {
      return;
    }
    if (writingHere()) {
      syncRequested = true;
      return;
    }
    transact(c -> {
      String count = "INSERT INTO vfs_meta(key, value) VALUES ('syncs', 1) ON CONFLICT(key) DO UPDATE SET value = value + 1";
      return c.ps(count).executeUpdate();
    }, true);
  }

  /** A write transaction on a connection of its own; {@code synced} commits with synchronous=FULL. */
  private <T> T transact(Work<T> work, boolean synced) throws IOException {
    long deadline = System.nanoTime() + busyNanos;
    acquireWriter(deadline);
    Conn c = null;
    T result;
    boolean syncNext;
    try {
      c = borrow();
      if (synced) {
        c.exec("PRAGMA synchronous=FULL");
      }
      begin(c, deadline);
      writeConn = c;
      writeOwner = Thread.currentThread();
      try {
        result = work.run(c);
        commit(c, deadline);
      } catch (Throwable e) {
        rollback(c);
        throw e;
      } finally {
        writeOwner = null;
        writeConn = null;
        syncNext = syncRequested;
        syncRequested = false;
      }
    } catch (SQLException e) {
      throw failure(e);
    } finally {
      if (c != null && synced) {
        releaseUnsynced(c);
      } else if (c != null) {
        release(c);
      }
      writer.release();
    }
    if (syncNext) {
      sync();
    }
    return result;
  }

  /**
   * Starts a write transaction that the caller holds until {@link #endHeld}, without waiting: null
   * when another thread or process writes now (or this thread already holds one).
   */
  Conn tryBeginHeld() throws IOException {
    ensureOpen();
    if (writeOwner == Thread.currentThread() || !writer.tryAcquire()) {
      return null;
    }
    Conn c = borrow();
    try {
      c.ps("BEGIN IMMEDIATE").execute();
    } catch (SQLException e) {
      release(c);
      writer.release();
      if (isBusy(e)) {
        return null;
      }
      throw failure(e);
    }
    writeConn = c;
    writeOwner = Thread.currentThread();
    return c;
  }

  /** Commits (or rolls back) a transaction from {@link #tryBeginHeld}, from any thread. */
  void endHeld(Conn c, boolean commit) throws IOException {
    boolean syncNext;
    try {
      if (commit) {
        commit(c, System.nanoTime() + busyNanos);
      } else {
        rollback(c);
      }
    } catch (SQLException e) {
      rollback(c);
      throw failure(e);
    } finally {
      writeOwner = null;
      writeConn = null;
      syncNext = syncRequested && commit;
      syncRequested = false;
      release(c);
      writer.release();
    }
    if (syncNext) {
      sync();
    }
  }

  /** Whether the current thread holds the write transaction. */
  boolean writingHere() {
    return writeOwner == Thread.currentThread();
  }

  /** The connection of the current thread's write transaction, or null. */
  Conn heldHere() {
    return writeOwner == Thread.currentThread() ? writeConn : null;
  }

  /** A connection with a read transaction open: what it reads stays as it was when it began. */
  Conn beginSnapshot() throws IOException {
    ensureOpen();
    Conn c = borrow();
    try {
      retry(() -> {
        c.ps("BEGIN").execute();
        // A read transaction in WAL mode takes its snapshot at its first read.
        try (ResultSet rs = c.ps("SELECT 1 FROM inode WHERE id = 1").executeQuery()) {
          rs.next();
        } catch (SQLException e) {
          rollback(c);
          throw e;
        }
        return null;
      });
      return c;
    } catch (IOException | RuntimeException e) {
      release(c);
      throw e;
    }
  }

  void endSnapshot(Conn c) {
    rollback(c);
    release(c);
  }

  private <T> T inline(Conn c, Work<T> work) throws IOException {
    try {
      return work.run(c);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private void acquireWriter(long deadline) throws IOException {
    try {
      if (!writer.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        throw busy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FileSystemException(file.toString(), null, "interrupted while waiting to write");
    }
  }

  private void begin(Conn c, long deadline) throws IOException, SQLException {
    long pause = 1;
    while (true) {
      try {
        c.ps("BEGIN IMMEDIATE").execute();
        return;
      } catch (SQLException e) {
        if (!isBusy(e)) {
          throw e;
        }
        pause = backoff(deadline, pause);
      }
    }
  }

  private void commit(Conn c, long deadline) throws IOException, SQLException {
    long pause = 1;
    while (true) {
      try {
        c.ps("COMMIT").execute();
        return;
      } catch (SQLException e) {
        if (!isBusy(e)) {
          throw e;
        }
        pause = backoff(deadline, pause);
      }
    }
  }

  /** Runs {@code work} again while the database is busy, with backoff, until the busy timeout. */
  private <T> T retry(Work0<T> work) throws IOException {
    long deadline = System.nanoTime() + busyNanos;
    long pause = 1;
    while (true) {
      try {
        return work.run();
      } catch (SQLException e) {
        if (!isBusy(e)) {
          throw failure(e);
        }
        pause = backoff(deadline, pause);
      }
    }
  }

  @FunctionalInterface
  private interface Work0<T> {
    T run() throws SQLException, IOException;
  }

  private long backoff(long deadline, long pause) throws IOException {
    if (System.nanoTime() >= deadline) {
      throw busy();
    }
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FileSystemException(file.toString(), null, "interrupted while the database was busy");
    }
    return Math.min(pause * 2, 50);
  }

  private FileSystemException busy() {
    return new FileSystemException(file.toString(), null,
        "database is busy: still locked by another writer after " + config.busyTimeout().toMillis() + " ms");
  }

  static boolean isBusy(SQLException e) {
    int code = e instanceof SQLiteException s ? s.getResultCode().code : e.getErrorCode();
    int primary = code & 0xff;
    return primary == 5 || primary == 6;
  }

  FileSystemException failure(SQLException e) {
    FileSystemException f = new FileSystemException(file.toString(), null, "sqlite: " + e.getMessage());
    f.initCause(e);
    return f;
  }

  private static void rollback(Conn c) {
    try {
      c.ps("ROLLBACK").execute();
    } catch (SQLException ignored) {
      // No transaction was active: SQLite already rolled back when a statement failed badly.
    }
  }

  private Conn borrow() throws IOException {
    Conn c = idle.pollFirst();
    if (c != null) {
      return c;
    }
    try {
      SQLiteConfig cfg = new SQLiteConfig();
      cfg.setReadOnly(config.readOnly());
      cfg.setBusyTimeout(0);
      cfg.setSynchronous(switch (config.durability()) {
        case "full" -> SQLiteConfig.SynchronousMode.FULL;
        case "off" -> SQLiteConfig.SynchronousMode.OFF;
        default -> SQLiteConfig.SynchronousMode.NORMAL;
      });
      cfg.setCacheSize(-8192);
      return new Conn(cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath()));
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Releases {@code c} set back to synchronous=NORMAL, or closes it: never pooled syncing every commit. */
  private void releaseUnsynced(Conn c) {
    try {
      c.exec("PRAGMA synchronous=NORMAL");
    } catch (SQLException e) {
      closeQuietly(c);
      return;
    }
    release(c);
  }

  private void release(Conn c) {
    if (closed || idle.size() >= MAX_IDLE) {
      closeQuietly(c);
    } else {
      idle.offerFirst(c);
      if (closed && idle.remove(c)) {
        closeQuietly(c);
      }
    }
  }

  private static void closeQuietly(Conn c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // Closing a connection we no longer use: nothing to recover, and nothing was pending.
    }
  }

  void ensureOpen() {
    if (closed) {
      throw new java.nio.file.ClosedFileSystemException();
    }
  }

  boolean isOpen() {
    return !closed;
  }

  /** Closes the idle connections; connections in use close when they are given back. */
  @Override
  public void close() {
    closed = true;
    Conn c;
    while ((c = idle.pollFirst()) != null) {
      closeQuietly(c);
    }
  }
}
