package dev.architect.vfs.internal;

import dev.architect.vfs.DbFileSystems;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.ProviderMismatchException;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@code db:} file system: one SQLite database seen as a POSIX-like tree. Thread-safe; see
 * {@link DbFileSystems} for what it guarantees.
 */
public final class DbFileSystem extends FileSystem {
  static final Set<String> VIEWS = Set.of("basic", "posix", "owner", "user");

  private final DbFileSystemProvider provider;
  private final Path file;
  final Store store;
  private final boolean registered;
  private final DbPath root;
  private final Set<java.io.Closeable> openResources = ConcurrentHashMap.newKeySet();
  private final Watcher watcher = new Watcher(this);
  private final Locks locks = new Locks(this);

  DbFileSystem(DbFileSystemProvider provider, Path file, Store store, boolean registered) {
    this.provider = provider;
    this.file = file;
    this.store = store;
    this.registered = registered;
    this.root = DbPath.parse(this, "/");
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /** The chunk size the database was created with. */
  int chunkSize() {
    return store.chunkSize;
  }

  /** Runs {@code action} in one write transaction (see {@link DbFileSystems#batch}). */
  public void batch(DbFileSystems.Batch action) throws IOException {
    store.write(c -> {
      action.run();
      return null;
    });
  }

  @Override
  public FileSystemProvider provider() {
    return provider;
  }

  @Override
  public void close() throws IOException {
    if (!store.isOpen()) {
      return;
    }
    IOException first = null;
    for (java.io.Closeable r : List.copyOf(openResources)) {
      try {
        r.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    watcher.close();
    store.close();
    if (registered) {
      provider.unregister(this);
    }
    if (first != null) {
      throw first;
    }
  }

  void opened(java.io.Closeable resource) {
    openResources.add(resource);
  }

  void closed(java.io.Closeable resource) {
    openResources.remove(resource);
  }

  @Override
  public boolean isOpen() {
    return store.isOpen();
  }

  @Override
  public boolean isReadOnly() {
    return store.config.readOnly();
  }

  @Override
  public String getSeparator() {
    return "/";
  }

  @Override
  public Iterable<Path> getRootDirectories() {
    return List.of(root);
  }

  @Override
  public Iterable<FileStore> getFileStores() {
    return List.of(new DbFileStore(this));
  }

  @Override
  public Set<String> supportedFileAttributeViews() {
    return VIEWS;
  }

  @Override
  public DbPath getPath(String first, String... more) {
    return DbPath.of(this, Objects.requireNonNull(first, "first"), more);
  }

  @Override
  public PathMatcher getPathMatcher(String syntaxAndPattern) {
    return Globs.matcher(syntaxAndPattern);
  }

  @Override
  public UserPrincipalLookupService getUserPrincipalLookupService() {
    return Principals.LOOKUP;
  }

  @Override
  public WatchService newWatchService() {
    store.ensureOpen();
    return watcher.newService();
  }

  WatchKey register(DbPath dir, WatchService service, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers)
      throws IOException {
    return watcher.register(dir, service, events, modifiers);
  }

  // ---- operations -------------------------------------------------------------------------

  DbPath check(Path path) {
    Objects.requireNonNull(path, "path");
    if (!(path instanceof DbPath p)) {
      throw new ProviderMismatchException("path " + path + " is not a db: path");
    }
    if (p.getFileSystem() != this) {
      throw new ProviderMismatchException("path " + path + " belongs to another db: file system");
    }
    store.ensureOpen();
    return p;
  }

  private void writable() {
    if (isReadOnly()) {
      throw new ReadOnlyFileSystemException();
    }
  }

  static int mode(FileAttribute<?>[] attrs, int defaultMode) {
    int mode = defaultMode;
    for (FileAttribute<?> a : attrs) {
      Objects.requireNonNull(a, "attribute");
      if (a.name().equals("posix:permissions") || a.name().equals("unix:permissions")) {
        if (!(a.value() instanceof Set<?> set)) {
          throw new IllegalArgumentException("attribute " + a.name() + " must be a Set<PosixFilePermission>");
        }
        mode = Attributes.toMode(set);
      } else {
        throw new UnsupportedOperationException("'" + a.name() + "' not supported as initial attribute");
      }
    }
    return mode;
  }

  void createDirectory(Path path, FileAttribute<?>... attrs) throws IOException {
    DbPath dir = check(path);
    writable();
    int mode = mode(attrs, 0755);
    store.write(c -> {
      Tree.Resolved r = Tree.resolve(c, dir, false);
      if (r.node() != null) {
        throw new FileAlreadyExistsException(dir.toString());
      }
      long ino = Tree.insertNode(c, Node.DIR, mode, null);
      Tree.addEntry(c, r.parent(), r.name(), ino);
      return null;
    });
    watcher.changed(dir, WatchKind.CREATE);
  }

  void delete(Path path) throws IOException {
    DbPath p = check(path);
    writable();
    store.write(c -> {
      Tree.Resolved r = Tree.resolve(c, p, false);
      if (r.node() == null) {
        throw new NoSuchFileException(p.toString());
      }
      if (r.parent() < 0) {
        throw new FileSystemException(p.toString(), null, "Device or resource busy");
      }
      if (r.node().isDir() && Tree.hasEntries(c, r.node().id())) {
        throw new DirectoryNotEmptyException(p.toString());
      }
      Tree.removeEntry(c, r.parent(), r.name(), r.node());
      return null;
    });
    watcher.changed(p, WatchKind.DELETE);
  }

  FileChannel newChannel(Path path, Options o, FileAttribute<?>... attrs) throws IOException {
    DbPath p = check(path);
    if (o.write()) {
      writable();
    }
    int mode = mode(attrs, 0644);
    if (!o.write()) {
      Conn held = store.heldHere();
      Conn snap = held != null ? null : store.beginSnapshot();
      try {
        Node node = existing(held != null ? held : snap, p, o.follow());
        DbChannel ch = new DbChannel(this, p, node.id(), node.size(), o, snap);
        opened(ch);
        return ch;
      } catch (SQLException e) {
        store.endSnapshot(snap);
        throw store.failure(e);
      } catch (IOException | RuntimeException e) {
        if (snap != null) {
          store.endSnapshot(snap);
        }
        throw e;
      }
    }
    if (o.create() || o.createNew()) {
      // As on the JDK's file system, the file exists (empty) as soon as it is opened: its entry
      // is committed now, in its own write transaction, so a second CREATE_NEW (in this or another
      // process) fails at once. Its content still becomes visible only at close or force.
      boolean[] created = {false};
      Node node = store.write(c -> {
        Tree.Resolved r = Tree.resolve(c, p, o.follow() && !o.createNew());
        if (r.node() != null) {
          if (o.createNew()) {
            throw new FileAlreadyExistsException(p.toString());
          }
          return usable(p, r.node());
        }
        if (r.parent() < 0) {
          throw new FileSystemException(p.toString(), null, "Is a directory");
        }
        long ino = Tree.insertNode(c, Node.FILE, mode, null);
        Tree.addEntry(c, r.parent(), r.name(), ino);
        created[0] = true;
        return Tree.node(c, ino);
      });
      if (created[0]) {
        watcher.changed(p, WatchKind.CREATE);
      }
      return open(p, node, o);
    }
    return open(p, store.read(c -> existing(c, p, o.follow())), o);
  }

  private FileChannel open(DbPath p, Node node, Options o) throws IOException {
    DbChannel ch = new DbChannel(this, p, node.id(), node.size(), o, null);
    if (o.truncate()) {
      ch.truncate(0);
    }
    opened(ch);
    return ch;
  }

  private static Node existing(Conn c, DbPath p, boolean follow) throws SQLException, IOException {
    Tree.Resolved r = Tree.resolve(c, p, follow);
    if (r.node() == null) {
      throw new NoSuchFileException(p.toString());
    }
    return usable(p, r.node());
  }

  private static Node usable(DbPath p, Node node) throws FileSystemException {
    if (node.isDir()) {
      throw new FileSystemException(p.toString(), null, "Is a directory");
    }
    if (node.isLink()) {
      throw new FileSystemException(p.toString(), null, "Too many levels of symbolic links");
    }
    return node;
  }

  DirectoryStream<Path> newDirectoryStream(Path path, DirectoryStream.Filter<? super Path> filter) throws IOException {
    DbPath dir = check(path);
    List<String> names = store.read(c -> {
      Tree.Resolved r = Tree.resolve(c, dir, true);
      if (r.node() == null) {
        throw new NoSuchFileException(dir.toString());
      }
      if (!r.node().isDir()) {
        throw new NotDirectoryException(dir.toString());
      }
      return Tree.list(c, r.node().id());
    });
    DbDirectoryStream stream = new DbDirectoryStream(this, dir, names, filter);
    opened(stream);
    return stream;
  }

  Node node(Path path, boolean follow) throws IOException {
    DbPath p = check(path);
    return store.read(c -> {
      Tree.Resolved r = Tree.resolve(c, p, follow);
      if (r.node() == null) {
        throw new NoSuchFileException(p.toString());
      }
      return r.node();
    });
  }

  /** Sets columns of the inode {@code path} leads to; a null value leaves its column alone. */
  void update(Path path, boolean follow, Map<String, Object> columns) throws IOException {
    DbPath p = check(path);
    writable();
    store.write(c -> {
      Tree.Resolved r = Tree.resolve(c, p, follow);
      if (r.node() == null) {
        throw new NoSuchFileException(p.toString());
      }
      Map<String, Object> set = new LinkedHashMap<>();
      columns.forEach((k, v) -> {
        if (v != null) {
          set.put(k, v);
        }
      });
      if (set.isEmpty()) {
        return null;
      }
      if (!set.containsKey("ctime")) {
        set.put("ctime", Tree.now());
      }
      StringBuilder sql = new StringBuilder("UPDATE inode SET ");
      List<Object> values = new ArrayList<>(set.values());
      sql.append(String.join(" = ?, ", set.keySet())).append(" = ? WHERE id = ?");
      PreparedStatement ps = c.ps(sql.toString());
      for (int i = 0; i < values.size(); i++) {
        ps.setObject(i + 1, values.get(i));
      }
      ps.setLong(values.size() + 1, r.node().id());
      ps.executeUpdate();
      return null;
    });
    watcher.changed(p, WatchKind.MODIFY);
  }

  Map<String, byte[]> xattrs(Path path, boolean follow) throws IOException {
    DbPath p = check(path);
    return store.read(c -> {
      Tree.Resolved r = Tree.resolve(c, p, follow);
      if (r.node() == null) {
        throw new NoSuchFileException(p.toString());
      }
      PreparedStatement ps = c.ps("SELECT name, value FROM xattr WHERE ino = ? ORDER BY name");
      ps.setLong(1, r.node().id());
      Map<String, byte[]> out = new LinkedHashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getBytes(2));
        }
      }
      return out;
    });
  }

  /** Sets ({@code value} non-null) or removes user attribute {@code name}; false if there was none to remove. */
  boolean setXattr(Path path, boolean follow, String name, byte[] value) throws IOException {
    DbPath p = check(path);
    writable();
    boolean done = store.write(c -> {
      Tree.Resolved r = Tree.resolve(c, p, follow);
      if (r.node() == null) {
        throw new NoSuchFileException(p.toString());
      }
      PreparedStatement ps;
      if (value == null) {
        ps = c.ps("DELETE FROM xattr WHERE ino = ? AND name = ?");
      } else {
        ps = c.ps("INSERT OR REPLACE INTO xattr(ino, name, value) VALUES (?, ?, ?)");
        ps.setBytes(3, value);
      }
      ps.setLong(1, r.node().id());
      ps.setString(2, name);
      return ps.executeUpdate() > 0;
    });
    watcher.changed(p, WatchKind.MODIFY);
    return done;
  }

  void copy(Path source, Path target, Options.Copy o) throws IOException {
    DbPath s = check(source);
    DbPath t = check(target);
    writable();
    store.write(c -> {
      Tree.Resolved rs = Tree.resolve(c, s, o.follow());
      if (rs.node() == null) {
        throw new NoSuchFileException(s.toString());
      }
      Tree.Resolved rt = Tree.resolve(c, t, false);
      Node src = rs.node();
      if (rt.node() != null) {
        if (rt.node().id() == src.id()) {
          return null;
        }
        if (!o.replace()) {
          throw new FileAlreadyExistsException(t.toString());
        }
        if (rt.parent() < 0 || (rt.node().isDir() && Tree.hasEntries(c, rt.node().id()))) {
          throw new DirectoryNotEmptyException(t.toString());
        }
        Tree.removeEntry(c, rt.parent(), rt.name(), rt.node());
      }
      int mode = o.attributes() ? src.mode() : (src.isDir() ? 0755 : src.isLink() ? 0777 : 0644);
      long ino = Tree.insertNode(c, src.kind(), mode, src.target());
      if (src.isFile()) {
        Tree.copyContent(c, src.id(), ino, src.size());
      }
      if (o.attributes()) {
        PreparedStatement ps = c.ps("UPDATE inode SET mtime = ?, atime = ?, owner = ?, grp = ? WHERE id = ?");
        ps.setLong(1, src.mtime());
        ps.setLong(2, src.atime());
        ps.setString(3, src.owner());
        ps.setString(4, src.group());
        ps.setLong(5, ino);
        ps.executeUpdate();
        PreparedStatement x = c.ps("INSERT INTO xattr(ino, name, value) SELECT ?, name, value FROM xattr WHERE ino = ?");
        x.setLong(1, ino);
        x.setLong(2, src.id());
        x.executeUpdate();
      }
      Tree.addEntry(c, rt.parent(), rt.name(), ino);
      return null;
    });
    watcher.changed(t, WatchKind.CREATE);
  }

  void move(Path source, Path target, Options.Copy o) throws IOException {
    DbPath s = check(source);
    DbPath t = check(target);
    writable();
    store.write(c -> {
      Tree.Resolved rs = Tree.resolve(c, s, false);
      if (rs.node() == null) {
        throw new NoSuchFileException(s.toString());
      }
      if (rs.parent() < 0) {
        throw new FileSystemException(s.toString(), t.toString(), "Device or resource busy");
      }
      Tree.Resolved rt = Tree.resolve(c, t, false);
      if (rs.node().isDir() && Tree.isWithin(c, rt.parent(), rs.node().id())) {
        if (rt.node() != null && rt.node().id() == rs.node().id()) {
          return null;
        }
        throw new FileSystemException(s.toString(), t.toString(), "Invalid argument");
      }
      if (rt.node() != null) {
        if (rt.node().id() == rs.node().id()) {
          return null;
        }
        if (!o.replace() && !o.atomic()) {
          throw new FileAlreadyExistsException(t.toString());
        }
        if (rt.parent() < 0 || (rt.node().isDir() && Tree.hasEntries(c, rt.node().id()))) {
          throw new DirectoryNotEmptyException(t.toString());
        }
        Tree.removeEntry(c, rt.parent(), rt.name(), rt.node());
      }
      // The rename itself: one row, whatever lies below.
      PreparedStatement ps = c.ps("UPDATE dirent SET parent = ?, name = ? WHERE parent = ? AND name = ?");
      ps.setLong(1, rt.parent());
      ps.setString(2, rt.name());
      ps.setLong(3, rs.parent());
      ps.setString(4, rs.name());
      ps.executeUpdate();
      Tree.touchDir(c, rs.parent());
      Tree.touchDir(c, rt.parent());
      return null;
    });
    watcher.changed(s, WatchKind.DELETE);
    watcher.changed(t, WatchKind.CREATE);
  }

  boolean isSameFile(Path a, Path b) throws IOException {
    DbPath pa = check(a);
    if (pa.equals(b)) {
      return true;
    }
    if (!(b instanceof DbPath pb) || pb.getFileSystem() != this) {
      return false;
    }
    return store.read(c -> {
      Tree.Resolved ra = Tree.resolve(c, pa, true);
      if (ra.node() == null) {
        throw new NoSuchFileException(pa.toString());
      }
      Tree.Resolved rb = Tree.resolve(c, pb, true);
      if (rb.node() == null) {
        throw new NoSuchFileException(pb.toString());
      }
      return ra.node().id() == rb.node().id();
    });
  }

  void checkAccess(Path path, AccessMode... modes) throws IOException {
    DbPath p = check(path);
    Node node = node(p, true);
    for (AccessMode m : modes) {
      if (m == AccessMode.WRITE && isReadOnly()) {
        throw new AccessDeniedException(p.toString(), null, "read-only file system");
      }
      if (m == AccessMode.EXECUTE && !node.isDir() && (node.mode() & 0111) == 0) {
        throw new AccessDeniedException(p.toString());
      }
    }
  }

  Path realPath(DbPath path, boolean follow) throws IOException {
    DbPath p = check(path);
    String real = store.read(c -> {
      Tree.Resolved r = Tree.resolve(c, p, follow);
      if (r.node() == null) {
        throw new NoSuchFileException(p.toString());
      }
      if (r.parent() < 0) {
        return "/";
      }
      String dir = Tree.pathOf(c, r.parent());
      return dir.equals("/") ? "/" + r.name() : dir + "/" + r.name();
    });
    return DbPath.parse(this, real);
  }

  void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
    DbPath l = check(link);
    Objects.requireNonNull(target, "target");
    if (!(target instanceof DbPath)) {
      throw new ProviderMismatchException("target " + target + " is not a db: path");
    }
    writable();
    int mode = mode(attrs, 0777);
    store.write(c -> {
      Tree.Resolved r = Tree.resolve(c, l, false);
      if (r.node() != null) {
        throw new FileAlreadyExistsException(l.toString());
      }
      long ino = Tree.insertNode(c, Node.LINK, mode, target.toString());
      Tree.addEntry(c, r.parent(), r.name(), ino);
      return null;
    });
    watcher.changed(l, WatchKind.CREATE);
  }

  void createLink(Path link, Path existing) throws IOException {
    DbPath l = check(link);
    DbPath e = check(existing);
    writable();
    store.write(c -> {
      Tree.Resolved re = Tree.resolve(c, e, false);
      if (re.node() == null) {
        throw new NoSuchFileException(e.toString());
      }
      if (re.node().isDir()) {
        throw new FileSystemException(l.toString(), e.toString(), "Operation not permitted");
      }
      Tree.Resolved rl = Tree.resolve(c, l, false);
      if (rl.node() != null) {
        throw new FileAlreadyExistsException(l.toString(), e.toString(), null);
      }
      Tree.addEntry(c, rl.parent(), rl.name(), re.node().id());
      PreparedStatement ps = c.ps("UPDATE inode SET nlink = nlink + 1, ctime = ? WHERE id = ?");
      ps.setLong(1, Tree.now());
      ps.setLong(2, re.node().id());
      ps.executeUpdate();
      return null;
    });
    watcher.changed(l, WatchKind.CREATE);
  }

  Path readSymbolicLink(Path link) throws IOException {
    DbPath l = check(link);
    Node node = node(l, false);
    if (!node.isLink()) {
      throw new NotLinkException(l.toString());
    }
    return DbPath.parse(this, node.target());
  }

  /** The permissions and owner of a new file, for attribute views. */
  static Set<PosixFilePermission> permissions(int mode) {
    return PosixFilePermissions.fromString(Attributes.modeString(mode));
  }

  Locks locks() {
    return locks;
  }

  enum WatchKind { CREATE, DELETE, MODIFY }

  void modified(DbPath path, boolean created) {
    watcher.changed(path, created ? WatchKind.CREATE : WatchKind.MODIFY);
  }
}
