package dev.architect.vfs.internal;

import dev.architect.vfs.DbFileSystems;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code db:} file system provider, installed through {@link java.util.ServiceLoader}. Users
 * reach it through {@link FileSystems} and {@link Path#of(URI)}; see {@link DbFileSystems}.
 * Thread-safe.
 */
public final class DbFileSystemProvider extends FileSystemProvider {
  private final Map<Path, DbFileSystem> open = new HashMap<>();

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public DbFileSystemProvider() {}

  @Override
  public String getScheme() {
    return DbFileSystems.SCHEME;
  }

  private record Target(Path file, String inner) {}

  private Target parse(URI uri) {
    Objects.requireNonNull(uri, "uri");
    if (!getScheme().equalsIgnoreCase(uri.getScheme())) {
      throw new IllegalArgumentException("uri scheme must be db, was '" + uri.getScheme() + "' in " + uri);
    }
    String ssp = uri.getRawSchemeSpecificPart();
    int bang = ssp.indexOf("!/");
    if (bang < 0 && ssp.endsWith("!")) {
      bang = ssp.length() - 1;
    }
    String filePart = bang < 0 ? ssp : ssp.substring(0, bang);
    String inner = bang < 0 ? "/" : ssp.substring(bang + 1);
    URI fileUri;
    try {
      fileUri = new URI(filePart);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("uri must be db:file:///path/to.db[!/path], was " + uri, e);
    }
    if (!"file".equalsIgnoreCase(fileUri.getScheme())) {
      throw new IllegalArgumentException("uri must be db:file:///path/to.db[!/path], was " + uri);
    }
    String decoded = inner.isEmpty() ? "/" : URI.create("x:" + inner).getSchemeSpecificPart();
    return new Target(Path.of(fileUri).toAbsolutePath().normalize(), decoded);
  }

  static URI uriOf(Path file, String absolutePath) {
    try {
      String raw = new URI(null, null, absolutePath, null).getRawPath();
      return new URI(DbFileSystems.SCHEME + ":" + file.toUri() + "!" + raw);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("path " + absolutePath + " makes no URI", e);
    }
  }

  @Override
  public FileSystem newFileSystem(URI uri, Map<String, ?> env) throws IOException {
    Target t = parse(uri);
    Config config = Config.of(env);
    synchronized (open) {
      if (open.containsKey(t.file())) {
        throw new FileSystemAlreadyExistsException(uri.toString());
      }
      DbFileSystem fs = new DbFileSystem(this, t.file(), Store.open(t.file(), config), true);
      open.put(t.file(), fs);
      return fs;
    }
  }

  /**
   * Opens the database {@code path} as a new, unregistered file system. A missing file is created
   * with env {@code create=true} when its name ends in {@code .db}, {@code .sqlite} or
   * {@code .sqlite3}.
   *
   * @throws UnsupportedOperationException if the file is not an SQLite database of ours (so that
   *     {@link FileSystems#newFileSystem(Path, Map)} tries the next provider)
   */
  @Override
  public FileSystem newFileSystem(Path path, Map<String, ?> env) throws IOException {
    Objects.requireNonNull(path, "path");
    if (path.getFileSystem() != FileSystems.getDefault()) {
      throw new UnsupportedOperationException("db: databases must be files of the default file system, was " + path);
    }
    Config config = Config.of(env);
    Path file = path.toAbsolutePath().normalize();
    if (!Files.exists(file)) {
      String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (!(name.endsWith(".db") || name.endsWith(".sqlite") || name.endsWith(".sqlite3"))) {
        throw new UnsupportedOperationException(path + " does not exist and is not named *.db, *.sqlite or *.sqlite3");
      }
      if (!config.create()) {
        throw new NoSuchFileException(path.toString());
      }
    }
    return new DbFileSystem(this, file, Store.open(file, config), false);
  }

  void unregister(DbFileSystem fs) {
    synchronized (open) {
      open.remove(fs.file(), fs);
    }
  }

  @Override
  public FileSystem getFileSystem(URI uri) {
    Target t = parse(uri);
    synchronized (open) {
      DbFileSystem fs = open.get(t.file());
      if (fs == null) {
        throw new FileSystemNotFoundException(uri.toString());
      }
      return fs;
    }
  }

  /**
   * The path a {@code db:file:///abs/path.db!/dir/file} URI names. A database that is not open yet
   * is opened (never created) with the default environment, and stays open until its file system
   * is closed.
   */
  @Override
  public Path getPath(URI uri) {
    Target t = parse(uri);
    DbFileSystem fs;
    synchronized (open) {
      fs = open.get(t.file());
      if (fs == null) {
        if (!Files.isRegularFile(t.file())) {
          throw new FileSystemNotFoundException(uri.toString());
        }
        try {
          fs = new DbFileSystem(this, t.file(), Store.open(t.file(), Config.of(Map.of())), true);
        } catch (IOException e) {
          throw new FileSystemNotFoundException(uri + ": " + e.getMessage());
        }
        open.put(t.file(), fs);
      }
    }
    return fs.getPath(t.inner());
  }

  private static DbPath db(Path path) {
    Objects.requireNonNull(path, "path");
    if (!(path instanceof DbPath p)) {
      throw new ProviderMismatchException("path " + path + " is not a db: path");
    }
    return p;
  }

  @Override
  public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
      throws IOException {
    DbPath p = db(path);
    return p.getFileSystem().newChannel(p, Options.open(options), attrs);
  }

  @Override
  public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
      throws IOException {
    DbPath p = db(path);
    return p.getFileSystem().newChannel(p, Options.open(options), attrs);
  }

  @Override
  public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
      throws IOException {
    DbPath p = db(dir);
    return p.getFileSystem().newDirectoryStream(p, filter);
  }

  @Override
  public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
    DbPath p = db(dir);
    p.getFileSystem().createDirectory(p, attrs);
  }

  @Override
  public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
    DbPath p = db(link);
    p.getFileSystem().createSymbolicLink(p, target, attrs);
  }

  @Override
  public void createLink(Path link, Path existing) throws IOException {
    DbPath p = db(link);
    p.getFileSystem().createLink(p, existing);
  }

  @Override
  public Path readSymbolicLink(Path link) throws IOException {
    DbPath p = db(link);
    return p.getFileSystem().readSymbolicLink(p);
  }

  @Override
  public void delete(Path path) throws IOException {
    DbPath p = db(path);
    p.getFileSystem().delete(p);
  }

  @Override
  public void copy(Path source, Path target, CopyOption... options) throws IOException {
    DbPath s = db(source);
    DbPath t = db(target);
    Options.Copy o = Options.Copy.of(options);
    if (s.getFileSystem() == t.getFileSystem()) {
      s.getFileSystem().copy(s, t, o);
    } else {
      if (o.atomic()) {
        throw new UnsupportedOperationException("copy option ATOMIC_MOVE is not supported by copy");
      }
      copyAcross(s, t, o);
    }
  }

  @Override
  public void move(Path source, Path target, CopyOption... options) throws IOException {
    DbPath s = db(source);
    DbPath t = db(target);
    Options.Copy o = Options.Copy.of(options);
    if (s.getFileSystem() == t.getFileSystem()) {
      s.getFileSystem().move(s, t, o);
      return;
    }
    if (o.atomic()) {
      throw new AtomicMoveNotSupportedException(s.toString(), t.toString(), "moving between two db: file systems");
    }
    BasicFileAttributes a = readAttributes(s, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (a.isDirectory() && Files.list(s).findAny().isPresent()) {
      throw new java.nio.file.DirectoryNotEmptyException(s.toString());
    }
    copyAcross(s, t, new Options.Copy(o.replace(), false, true, false));
    delete(s);
  }

  /** Copies one file, directory (empty) or link between two {@code db:} file systems. */
  private void copyAcross(DbPath s, DbPath t, Options.Copy o) throws IOException {
    LinkOption[] links = o.follow() ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    BasicFileAttributes a = readAttributes(s, BasicFileAttributes.class, links);
    if (o.replace()) {
      Files.deleteIfExists(t);
    } else if (Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(t.toString());
    }
    if (a.isDirectory()) {
      Files.createDirectory(t);
    } else if (a.isSymbolicLink()) {
      Files.createSymbolicLink(t, t.getFileSystem().getPath(readSymbolicLink(s).toString()));
    } else {
      try (InputStream in = newInputStream(s)) {
        Files.copy(in, t);
      }
    }
    if (o.attributes()) {
      getFileAttributeView(t, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setTimes(a.lastModifiedTime(), a.lastAccessTime(), a.creationTime());
    }
  }

  @Override
  public boolean isSameFile(Path path, Path path2) throws IOException {
    DbPath p = db(path);
    return p.getFileSystem().isSameFile(p, path2);
  }

  @Override
  public boolean isHidden(Path path) {
    Path name = db(path).getFileName();
    return name != null && name.toString().startsWith(".");
  }

  @Override
  public FileStore getFileStore(Path path) throws IOException {
    DbPath p = db(path);
    p.getFileSystem().node(p, true);
    return new DbFileStore(p.getFileSystem());
  }

  @Override
  public void checkAccess(Path path, AccessMode... modes) throws IOException {
    DbPath p = db(path);
    p.getFileSystem().checkAccess(p, modes);
  }

  @Override
  public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
    DbPath p = db(path);
    return Attributes.view(p.getFileSystem(), p, type, options);
  }

  @Override
  public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
      throws IOException {
    DbPath p = db(path);
    return Attributes.read(p.getFileSystem(), p, type, options);
  }

  @Override
  public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
    DbPath p = db(path);
    return Attributes.read(p.getFileSystem(), p, attributes, options);
  }

  @Override
  public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
    DbPath p = db(path);
    Attributes.set(p.getFileSystem(), p, attribute, value, options);
  }

}
