package dev.architect.vfs.internal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.sql.ResultSet;

/**
 * The one store of a {@code db:} file system. Space figures are the host file system's, plus the
 * free pages inside the database (space SQLite reuses before it grows the file).
 */
final class DbFileStore extends FileStore {
  private final DbFileSystem fs;

  DbFileStore(DbFileSystem fs) {
    this.fs = fs;
  }

  @Override
  public String name() {
    return fs.file().getFileName().toString();
  }

  @Override
  public String type() {
    return "db";
  }

  @Override
  public boolean isReadOnly() {
    return fs.isReadOnly();
  }

  private FileStore host() throws IOException {
    return Files.getFileStore(fs.file().toAbsolutePath());
  }

  private long freePages() throws IOException {
    return fs.store.read(c -> {
      long pages;
      long size;
      try (ResultSet rs = c.ps("PRAGMA freelist_count").executeQuery()) {
        rs.next();
        pages = rs.getLong(1);
      }
      try (ResultSet rs = c.ps("PRAGMA page_size").executeQuery()) {
        rs.next();
        size = rs.getLong(1);
      }
      return pages * size;
    });
  }

  @Override
  public long getTotalSpace() throws IOException {
    return host().getTotalSpace();
  }

  @Override
  public long getUsableSpace() throws IOException {
    return fs.isReadOnly() ? 0 : host().getUsableSpace() + freePages();
  }

  @Override
  public long getUnallocatedSpace() throws IOException {
    return host().getUnallocatedSpace() + freePages();
  }

  @Override
  public boolean supportsFileAttributeView(Class<? extends FileAttributeView> type) {
    return type == BasicFileAttributeView.class || type == PosixFileAttributeView.class
        || type == FileOwnerAttributeView.class || type == UserDefinedFileAttributeView.class;
  }

  @Override
  public boolean supportsFileAttributeView(String name) {
    return DbFileSystem.VIEWS.contains(name);
  }

  @Override
  public <V extends FileStoreAttributeView> V getFileStoreAttributeView(Class<V> type) {
    return null;
  }

  @Override
  public Object getAttribute(String attribute) throws IOException {
    return switch (attribute) {
      case "totalSpace" -> getTotalSpace();
      case "usableSpace" -> getUsableSpace();
      case "unallocatedSpace" -> getUnallocatedSpace();
      default -> throw new UnsupportedOperationException("'" + attribute + "' not recognized");
    };
  }

  @Override
  public String toString() {
    return fs.file() + " (db)";
  }
}
