package dev.architect.vfs.internal;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The entries of a directory as they were when the stream opened, sorted by name, filtered lazily.
 * Not thread-safe (as {@link DirectoryStream} need not be).
 */
final class DbDirectoryStream implements DirectoryStream<Path> {
  private final DbFileSystem fs;
  private final Path dir;
  private final List<String> names;
  private final Filter<? super Path> filter;
  private boolean closed;
  private boolean iterated;

  DbDirectoryStream(DbFileSystem fs, Path dir, List<String> names, Filter<? super Path> filter) {
    this.fs = fs;
    this.dir = dir;
    this.names = names;
    this.filter = filter;
  }

  @Override
  public Iterator<Path> iterator() {
    if (closed) {
      throw new IllegalStateException("Directory stream is closed");
    }
    if (iterated) {
      throw new IllegalStateException("Iterator already obtained");
    }
    iterated = true;
    return new Iterator<>() {
      private int i;
      private Path next;

      @Override
      public boolean hasNext() {
        while (next == null && !closed && i < names.size()) {
          Path p = dir.resolve(names.get(i++));
          try {
            if (filter == null || filter.accept(p)) {
              next = p;
            }
          } catch (IOException e) {
            throw new DirectoryIteratorException(e);
          }
        }
        return next != null;
      }

      @Override
      public Path next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Path p = next;
        next = null;
        return p;
      }
    };
  }

  @Override
  public void close() {
    closed = true;
    fs.closed(this);
  }
}
