package dev.architect.vfs.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.NoSuchFileException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * An open file of a {@code db:} file system.
 *
 * <p>A reading channel holds a read transaction from open to close, so it sees the file as it was
 * when it opened. A writing channel keeps its changes to itself (changed chunks in memory, a size,
 * and the lowest size it was truncated to) and applies them in one write transaction at close or
 * {@link #force}: others see the old content or the new, never a mix. When the changes grow past
 * {@link #SPILL_BYTES} it starts holding the write transaction and writes them into it early, so
 * memory stays bounded; they still become visible only at close or force. Thread-safe.
 */
final class DbChannel extends FileChannel {
  /** Changed bytes kept in memory before a writer writes them into its held transaction. */
  static final long SPILL_BYTES = 8L << 20;

  private final DbFileSystem fs;
  private final Store store;
  private final DbPath path;
  private final long ino;
  private final int cs;
  private final boolean readable;
  private final boolean writable;
  private final boolean append;
  private final boolean deleteOnClose;
  private final Conn snapshot;

  private long position;
  private long size;
  /** The committed size the overlay sits on. */
  private long baseSize;
  /** Committed chunks at or beyond this offset read as zeros (a truncate not yet applied). */
  private long minTruncate = Long.MAX_VALUE;
  private final TreeMap<Long, byte[]> dirty = new TreeMap<>();
  private boolean modified;
  private Conn held;
  private long cachedIdx = -1;
  private byte[] cached;

  DbChannel(DbFileSystem fs, DbPath path, long ino, long size, Options o, Conn snapshot) {
    this.fs = fs;
    this.store = fs.store;
    this.path = path;
    this.ino = ino;
    this.cs = fs.chunkSize();
    this.readable = o.read();
    this.writable = o.write();
    this.append = o.append();
    this.deleteOnClose = o.deleteOnClose();
    this.snapshot = snapshot;
    this.size = size;
    this.baseSize = size;
  }

  private void ensureOpen() throws IOException {
    if (!isOpen()) {
      throw new java.nio.channels.ClosedChannelException();
    }
  }

  @Override
  public synchronized int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    if (!readable) {
      throw new NonReadableChannelException();
    }
    int n = readAt(dst, position);
    if (n > 0) {
      position += n;
    }
    return n;
  }

  @Override
  public synchronized long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
    java.util.Objects.checkFromIndexSize(offset, length, dsts.length);
    long total = 0;
    for (int i = offset; i < offset + length; i++) {
      if (!dsts[i].hasRemaining()) {
        continue;
      }
      int n = read(dsts[i]);
      if (n < 0) {
        return total == 0 ? -1 : total;
      }
      total += n;
      if (dsts[i].hasRemaining()) {
        break;
      }
    }
    return total;
  }

  @Override
  public synchronized int read(ByteBuffer dst, long pos) throws IOException {
    if (pos < 0) {
      throw new IllegalArgumentException("Negative position");
    }
    ensureOpen();
    if (!readable) {
      throw new NonReadableChannelException();
    }
    return readAt(dst, pos);
  }

  private int readAt(ByteBuffer dst, long pos) throws IOException {
    if (!dst.hasRemaining()) {
      return 0;
    }
    if (pos >= size) {
      return -1;
    }
    int total = 0;
    while (dst.hasRemaining() && pos < size) {
      long idx = pos / cs;
      int off = (int) (pos % cs);
      int len = (int) Math.min(Math.min(dst.remaining(), cs - off), size - pos);
      byte[] chunk = chunk(idx);
      int have = chunk == null ? 0 : Math.max(0, Math.min(len, chunk.length - off));
      if (have > 0) {
        dst.put(chunk, off, have);
      }
      for (int i = have; i < len; i++) {
        dst.put((byte) 0);
      }
      pos += len;
      total += len;
    }
    return total;
  }

  /** Chunk {@code idx} as this channel sees it, or null where it reads as zeros. */
  private byte[] chunk(long idx) throws IOException {
    byte[] d = dirty.get(idx);
    if (d != null) {
      return d;
    }
    return base(idx);
  }

  private byte[] base(long idx) throws IOException {
    if (idx * cs >= Math.min(baseSize, minTruncate)) {
      return null;
    }
    if (idx == cachedIdx) {
      return cached;
    }
    byte[] data;
    try {
      if (snapshot != null) {
        data = Tree.chunk(snapshot, ino, idx);
      } else if (held != null) {
        data = Tree.chunk(held, ino, idx);
      } else {
        data = store.read(c -> Tree.chunk(c, ino, idx));
      }
    } catch (SQLException e) {
      throw store.failure(e);
    }
    cachedIdx = idx;
    cached = data;
    return data;
  }

  @Override
  public synchronized int write(ByteBuffer src) throws IOException {
    ensureOpen();
    if (!writable) {
      throw new NonWritableChannelException();
    }
    if (append) {
      position = size;
    }
    int n = writeAt(src, position);
    position += n;
    return n;
  }

  @Override
  public synchronized long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
    java.util.Objects.checkFromIndexSize(offset, length, srcs.length);
    long total = 0;
    for (int i = offset; i < offset + length; i++) {
      total += write(srcs[i]);
    }
    return total;
  }

  @Override
  public synchronized int write(ByteBuffer src, long pos) throws IOException {
    if (pos < 0) {
      throw new IllegalArgumentException("Negative position");
    }
    ensureOpen();
    if (!writable) {
      throw new NonWritableChannelException();
    }
    return writeAt(src, pos);
  }

  private int writeAt(ByteBuffer src, long pos) throws IOException {
    int total = 0;
    while (src.hasRemaining()) {
      long idx = pos / cs;
      int off = (int) (pos % cs);
      int len = Math.min(src.remaining(), cs - off);
      int needed = off + len;
      byte[] chunk = dirty.get(idx);
      if (chunk == null) {
        // Chunks in memory are as long as their data needs (bytes past the end read as zeros):
        // a small file costs its size, not a whole chunk.
        byte[] b = off != 0 || len != cs ? base(idx) : null;
        chunk = b == null ? new byte[needed] : Arrays.copyOf(b, Math.min(cs, Math.max(needed, b.length)));
        dirty.put(idx, chunk);
      } else if (chunk.length < needed) {
        chunk = Arrays.copyOf(chunk, Math.min(cs, Math.max(needed, chunk.length * 2)));
        dirty.put(idx, chunk);
      }
      src.get(chunk, off, len);
      pos += len;
      total += len;
      size = Math.max(size, pos);
    }
    if (total > 0) {
      modified = true;
      if ((long) dirty.size() * cs >= SPILL_BYTES) {
        spill();
      }
    }
    return total;
  }

  /** Writes the changes into a held write transaction, if one can be had without waiting. */
  private void spill() throws IOException {
    if (held == null) {
      held = store.tryBeginHeld();
      if (held == null) {
        return;
      }
    }
    try {
      apply(held);
    } catch (SQLException | IOException | RuntimeException e) {
      Conn c = held;
      held = null;
      store.endHeld(c, false);
      throw rethrow(e);
    }
    applied();
  }

  @Override
  public synchronized long position() throws IOException {
    ensureOpen();
    return position;
  }

  @Override
  public synchronized FileChannel position(long newPosition) throws IOException {
    if (newPosition < 0) {
      throw new IllegalArgumentException("Negative position");
    }
    ensureOpen();
    position = newPosition;
    return this;
  }

  @Override
  public synchronized long size() throws IOException {
    ensureOpen();
    return size;
  }

  @Override
  public synchronized FileChannel truncate(long newSize) throws IOException {
    if (newSize < 0) {
      throw new IllegalArgumentException("Negative size");
    }
    ensureOpen();
    if (!writable) {
      throw new NonWritableChannelException();
    }
    if (newSize < size) {
      long boundary = newSize / cs;
      int off = (int) (newSize % cs);
      byte[] keep = null;
      if (off != 0) {
        byte[] c = chunk(boundary);
        keep = Arrays.copyOf(c == null ? new byte[0] : c, off);
      }
      dirty.tailMap(boundary, true).clear();
      if (keep != null) {
        dirty.put(boundary, keep);
      }
      minTruncate = Math.min(minTruncate, newSize);
      size = newSize;
      modified = true;
    }
    if (position > newSize) {
      position = newSize;
    }
    return this;
  }

  /** Writes the changes into {@code c}: deletes truncated chunks, writes changed ones, sets size and times. */
  private void apply(Conn c) throws SQLException, IOException {
    if (!modified) {
      return;
    }
    if (Tree.node(c, ino) == null) {
      // Deleted while open: like an unlinked file on POSIX, its last writes go nowhere.
      return;
    }
    if (minTruncate != Long.MAX_VALUE) {
      PreparedStatement del = c.ps("DELETE FROM chunk WHERE ino = ? AND idx >= ?");
      del.setLong(1, ino);
      del.setLong(2, Math.ceilDiv(minTruncate, cs));
      del.executeUpdate();
    }
    PreparedStatement put = c.ps("INSERT OR REPLACE INTO chunk(ino, idx, data) VALUES (?, ?, ?)");
    for (Map.Entry<Long, byte[]> e : dirty.entrySet()) {
      long idx = e.getKey();
      long len = Math.min(cs, size - idx * cs);
      if (len <= 0) {
        continue;
      }
      byte[] data = len == e.getValue().length ? e.getValue() : Arrays.copyOf(e.getValue(), (int) len);
      put.setLong(1, ino);
      put.setLong(2, idx);
      put.setBytes(3, data);
      put.executeUpdate();
    }
    long now = Tree.now();
    PreparedStatement u = c.ps("UPDATE inode SET size = ?, mtime = ?, ctime = ? WHERE id = ?");
    u.setLong(1, size);
    u.setLong(2, now);
    u.setLong(3, now);
    u.setLong(4, ino);
    u.executeUpdate();
  }

  private void applied() {
    dirty.clear();
    baseSize = size;
    minTruncate = Long.MAX_VALUE;
    modified = false;
    cachedIdx = -1;
    cached = null;
  }

  /** Makes the changes so far visible to everyone, in one transaction. */
  private void commit() throws IOException {
    boolean changed = modified;
    if (held != null) {
      Conn c = held;
      held = null;
      try {
        apply(c);
      } catch (SQLException | IOException | RuntimeException e) {
        store.endHeld(c, false);
        throw rethrow(e);
      }
      store.endHeld(c, true);
      applied();
      changed = true;
    } else if (modified) {
      store.write(c -> {
        apply(c);
        return null;
      });
      applied();
    }
    if (changed) {
      fs.modified(path, false);
    }
  }

  @Override
  public synchronized void force(boolean metaData) throws IOException {
    ensureOpen();
    if (writable) {
      commit();
    }
    store.sync();
  }

  @Override
  public long transferTo(long pos, long count, WritableByteChannel target) throws IOException {
    if (pos < 0 || count < 0) {
      throw new IllegalArgumentException("position and count must not be negative, were " + pos + " and " + count);
    }
    ensureOpen();
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(Math.max(count, 1), cs));
    long done = 0;
    while (done < count) {
      buf.clear().limit((int) Math.min(buf.capacity(), count - done));
      int n = read(buf, pos + done);
      if (n <= 0) {
        break;
      }
      buf.flip();
      while (buf.hasRemaining()) {
        int w = target.write(buf);
        if (w == 0) {
          return done + n - buf.remaining();
        }
      }
      done += n;
    }
    return done;
  }

  @Override
  public long transferFrom(ReadableByteChannel src, long pos, long count) throws IOException {
    if (pos < 0 || count < 0) {
      throw new IllegalArgumentException("position and count must not be negative, were " + pos + " and " + count);
    }
    ensureOpen();
    if (!writable) {
      throw new NonWritableChannelException();
    }
    if (pos > size()) {
      return 0;
    }
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(Math.max(count, 1), cs));
    long done = 0;
    while (done < count) {
      buf.clear().limit((int) Math.min(buf.capacity(), count - done));
      int n = src.read(buf);
      if (n <= 0) {
        break;
      }
      buf.flip();
      write(buf, pos + done);
      done += n;
    }
    return done;
  }

  @Override
  public MappedByteBuffer map(MapMode mode, long pos, long size) {
    throw new UnsupportedOperationException(
        "memory mapping is not supported by db: file systems (the content lives in SQLite rows): read and write through the channel");
  }

  private IOException rethrow(Exception e) {
    if (e instanceof SQLException q) {
      return store.failure(q);
    }
    if (e instanceof IOException io) {
      return io;
    }
    throw (RuntimeException) e;
  }

  @Override
  public FileLock lock(long pos, long len, boolean shared) throws IOException {
    ensureOpen();
    return fs.locks().lock(this, ino, pos, len, shared, true);
  }

  @Override
  public FileLock tryLock(long pos, long len, boolean shared) throws IOException {
    ensureOpen();
    return fs.locks().lock(this, ino, pos, len, shared, false);
  }

  boolean readable() {
    return readable;
  }

  boolean writable() {
    return writable;
  }

  @Override
  protected void implCloseChannel() throws IOException {
    try {
      synchronized (this) {
        if (writable) {
          commit();
        }
      }
    } finally {
      if (held != null) {
        Conn c = held;
        held = null;
        store.endHeld(c, false);
      }
      if (snapshot != null) {
        store.endSnapshot(snapshot);
      }
      fs.locks().releaseAll(this);
      fs.closed(this);
      if (deleteOnClose) {
        try {
          fs.delete(path);
        } catch (NoSuchFileException ignored) {
          // Already gone: deleting on close asks for absence, which holds.
        }
      }
    }
  }
}
