package dev.architect.vfs.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystemException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Byte-range locks that hold across processes: rows of table {@code flock} naming the process that
 * holds them. Rows of processes that are gone (crashed without unlocking) are removed before each
 * acquisition. Within one JVM, an overlapping lock throws {@link OverlappingFileLockException}, as
 * with the JDK's own file channels. Thread-safe.
 */
final class Locks {
  private static final long PID = ProcessHandle.current().pid();

  private final DbFileSystem fs;
  private final List<DbLock> held = new ArrayList<>();

  Locks(DbFileSystem fs) {
    this.fs = fs;
  }

  FileLock lock(DbChannel ch, long ino, long pos, long len, boolean shared, boolean wait) throws IOException {
    if (pos < 0 || len < 0) {
      throw new IllegalArgumentException("position and size must not be negative, were " + pos + " and " + len);
    }
    if (shared && !ch.readable()) {
      throw new NonReadableChannelException();
    }
    if (!shared && !ch.writable()) {
      throw new NonWritableChannelException();
    }
    synchronized (held) {
      for (DbLock l : held) {
        if (l.ino == ino && l.overlaps(pos, len)) {
          throw new OverlappingFileLockException();
        }
      }
    }
    long pause = 1;
    while (true) {
      Long id = fs.isReadOnly() ? Long.valueOf(0) : tryInsert(ino, pos, len, shared);
      if (id != null) {
        DbLock lock = new DbLock(ch, pos, len, shared, ino, id);
        synchronized (held) {
          held.add(lock);
        }
        return lock;
      }
      if (!wait) {
        return null;
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.nio.channels.FileLockInterruptionException();
      }
      pause = Math.min(pause * 2, 50);
    }
  }

  private Long tryInsert(long ino, long pos, long len, boolean shared) throws IOException {
    return fs.store.write(c -> {
      List<Long> pids = new ArrayList<>();
      try (ResultSet rs = c.ps("SELECT DISTINCT pid FROM flock").executeQuery()) {
        while (rs.next()) {
          pids.add(rs.getLong(1));
        }
      }
      for (long pid : pids) {
        if (pid != PID && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          PreparedStatement del = c.ps("DELETE FROM flock WHERE pid = ?");
          del.setLong(1, pid);
          del.executeUpdate();
        }
      }
      PreparedStatement q = c.ps("SELECT 1 FROM flock WHERE ino = ? AND start < ? AND ? < start + len"
          + " AND (shared = 0 OR ? = 0) LIMIT 1");
      q.setLong(1, ino);
      q.setLong(2, end(pos, len));
      q.setLong(3, pos);
      q.setInt(4, shared ? 1 : 0);
      try (ResultSet rs = q.executeQuery()) {
        if (rs.next()) {
          return null;
        }
      }
      PreparedStatement ins = c.ps("INSERT INTO flock(ino, start, len, shared, pid) VALUES (?, ?, ?, ?, ?)");
      ins.setLong(1, ino);
      ins.setLong(2, pos);
      ins.setLong(3, Math.min(len, Long.MAX_VALUE - pos));
      ins.setInt(4, shared ? 1 : 0);
      ins.setLong(5, PID);
      ins.executeUpdate();
      try (ResultSet rs = c.ps("SELECT last_insert_rowid()").executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  private static long end(long pos, long len) {
    return len > Long.MAX_VALUE - pos ? Long.MAX_VALUE : pos + len;
  }

  void releaseAll(DbChannel ch) throws IOException {
    List<DbLock> mine = new ArrayList<>();
    synchronized (held) {
      for (DbLock l : held) {
        if (l.channel() == ch) {
          mine.add(l);
        }
      }
    }
    for (DbLock l : mine) {
      l.release();
    }
  }

  private void release(DbLock lock) throws IOException {
    synchronized (held) {
      if (!held.remove(lock)) {
        return;
      }
    }
    if (!fs.isReadOnly() && fs.isOpen()) {
      fs.store.write(c -> {
        PreparedStatement del = c.ps("DELETE FROM flock WHERE id = ?");
        del.setLong(1, lock.id);
        return del.executeUpdate();
      });
    }
  }

  private final class DbLock extends FileLock {
    final long ino;
    final long id;
    private volatile boolean valid = true;

    DbLock(FileChannel ch, long pos, long len, boolean shared, long ino, long id) {
      super(ch, pos, len, shared);
      this.ino = ino;
      this.id = id;
    }

    @Override
    public boolean isValid() {
      return valid && channel().isOpen();
    }

    @Override
    public void release() throws IOException {
      if (!valid) {
        return;
      }
      valid = false;
      try {
        Locks.this.release(this);
      } catch (IllegalStateException e) {
        throw new FileSystemException(fs.file().toString(), null, "cannot release lock: " + e.getMessage());
      }
    }
  }
}
