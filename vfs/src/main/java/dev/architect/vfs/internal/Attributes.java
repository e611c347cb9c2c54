package dev.architect.vfs.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Attribute snapshots and the basic, posix, owner and user views, by name and by type. */
final class Attributes {
  private static final PosixFilePermission[] BITS = {
    PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
    PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
    PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
  };
  private static final List<String> BASIC = List.of("lastModifiedTime", "lastAccessTime", "creationTime", "size",
      "isRegularFile", "isDirectory", "isSymbolicLink", "isOther", "fileKey");
  private static final List<String> POSIX = List.of("permissions", "owner", "group");

  private Attributes() {}

  static int toMode(Set<?> permissions) {
    int mode = 0;
    for (Object p : permissions) {
      if (!(p instanceof PosixFilePermission perm)) {
        throw new ClassCastException("permissions must hold PosixFilePermission values, held " + p);
      }
      for (int i = 0; i < BITS.length; i++) {
        if (BITS[i] == perm) {
          mode |= 1 << i;
        }
      }
    }
    return mode;
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < BITS.length; i++) {
      if ((mode & (1 << i)) != 0) {
        set.add(BITS[i]);
      }
    }
    return set;
  }

  static String modeString(int mode) {
    return java.nio.file.attribute.PosixFilePermissions.toString(permissions(mode));
  }

  static FileTime time(long nanos) {
    return FileTime.from(nanos, TimeUnit.NANOSECONDS);
  }

  static long nanos(FileTime t) {
    return t.to(TimeUnit.NANOSECONDS);
  }

  /** A snapshot of one inode's attributes. */
  record Snapshot(Node node) implements PosixFileAttributes {
    @Override
    public FileTime lastModifiedTime() {
      return time(node.mtime());
    }

    @Override
    public FileTime lastAccessTime() {
      return time(node.atime());
    }

    @Override
    public FileTime creationTime() {
      return time(node.btime());
    }

    @Override
    public boolean isRegularFile() {
      return node.isFile();
    }

    @Override
    public boolean isDirectory() {
      return node.isDir();
    }

    @Override
    public boolean isSymbolicLink() {
      return node.isLink();
    }

    @Override
    public boolean isOther() {
      return false;
    }

    @Override
    public long size() {
      return node.isLink() ? node.target().length() : node.size();
    }

    @Override
    public Object fileKey() {
      return node.id();
    }

    @Override
    public UserPrincipal owner() {
      return Principals.user(node.owner());
    }

    @Override
    public GroupPrincipal group() {
      return Principals.group(node.group());
    }

    @Override
    public Set<PosixFilePermission> permissions() {
      return Attributes.permissions(node.mode());
    }
  }

  /** One view object serving every supported view type; checks happen when it is used. */
  static final class View implements PosixFileAttributeView, UserDefinedFileAttributeView {
    private final DbFileSystem fs;
    private final Path path;
    private final boolean follow;
    private final String name;

    View(DbFileSystem fs, Path path, boolean follow, String name) {
      this.fs = fs;
      this.path = path;
      this.follow = follow;
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Snapshot readAttributes() throws IOException {
      return new Snapshot(fs.node(path, follow));
    }

    @Override
    public void setTimes(FileTime lastModifiedTime, FileTime lastAccessTime, FileTime createTime) throws IOException {
      Map<String, Object> cols = new HashMap<>();
      cols.put("mtime", lastModifiedTime == null ? null : nanos(lastModifiedTime));
      cols.put("atime", lastAccessTime == null ? null : nanos(lastAccessTime));
      cols.put("btime", createTime == null ? null : nanos(createTime));
      fs.update(path, follow, cols);
    }

    @Override
    public UserPrincipal getOwner() throws IOException {
      return readAttributes().owner();
    }

    @Override
    public void setOwner(UserPrincipal owner) throws IOException {
      fs.update(path, follow, Map.of("owner", Objects.requireNonNull(owner, "owner").getName()));
    }

    @Override
    public void setGroup(GroupPrincipal group) throws IOException {
      fs.update(path, follow, Map.of("grp", Objects.requireNonNull(group, "group").getName()));
    }

    @Override
    public void setPermissions(Set<PosixFilePermission> perms) throws IOException {
      fs.update(path, follow, Map.of("mode", toMode(Objects.requireNonNull(perms, "perms"))));
    }

    @Override
    public List<String> list() throws IOException {
      return new ArrayList<>(fs.xattrs(path, follow).keySet());
    }

    @Override
    public int size(String attr) throws IOException {
      return value(attr).length;
    }

    private byte[] value(String attr) throws IOException {
      Objects.requireNonNull(attr, "name");
      byte[] v = fs.xattrs(path, follow).get(attr);
      if (v == null) {
        throw new FileSystemException(path.toString(), null, "no user-defined attribute '" + attr + "'");
      }
      return v;
    }

    @Override
    public int read(String attr, ByteBuffer dst) throws IOException {
      byte[] v = value(attr);
      if (dst.remaining() < v.length) {
        throw new FileSystemException(path.toString(), null, "buffer too small for attribute '" + attr + "': "
            + v.length + " bytes, " + dst.remaining() + " remaining");
      }
      dst.put(v);
      return v.length;
    }

    @Override
    public int write(String attr, ByteBuffer src) throws IOException {
      Objects.requireNonNull(attr, "name");
      byte[] v = new byte[src.remaining()];
      src.get(v);
      fs.setXattr(path, follow, attr, v);
      return v.length;
    }

    @Override
    public void delete(String attr) throws IOException {
      if (!fs.setXattr(path, follow, Objects.requireNonNull(attr, "name"), null)) {
        throw new FileSystemException(path.toString(), null, "no user-defined attribute '" + attr + "'");
      }
    }
  }

  @SuppressWarnings("unchecked")
  static <V extends FileAttributeView> V view(DbFileSystem fs, Path path, Class<V> type, LinkOption... options) {
    boolean follow = Options.follow(options);
    Objects.requireNonNull(type, "type");
    String name;
    if (type == BasicFileAttributeView.class) {
      name = "basic";
    } else if (type == PosixFileAttributeView.class) {
      name = "posix";
    } else if (type == FileOwnerAttributeView.class) {
      name = "owner";
    } else if (type == UserDefinedFileAttributeView.class) {
      name = "user";
    } else {
      return null;
    }
    return (V) new View(fs, path, follow, name);
  }

  @SuppressWarnings("unchecked")
  static <A extends BasicFileAttributes> A read(DbFileSystem fs, Path path, Class<A> type, LinkOption... options)
      throws IOException {
    if (type != BasicFileAttributes.class && type != PosixFileAttributes.class) {
      throw new UnsupportedOperationException("attributes of type " + type.getName() + " are not supported");
    }
    return (A) new Snapshot(fs.node(path, Options.follow(options)));
  }

  static Map<String, Object> read(DbFileSystem fs, Path path, String attributes, LinkOption... options)
      throws IOException {
    String view = "basic";
    String names = attributes;
    int colon = attributes.indexOf(':');
    if (colon >= 0) {
      view = attributes.substring(0, colon);
      names = attributes.substring(colon + 1);
    }
    boolean follow = Options.follow(options);
    Map<String, Object> out = new LinkedHashMap<>();
    if (view.equals("user")) {
      Map<String, byte[]> all = fs.xattrs(path, follow);
      for (String n : names.split(",")) {
        if (n.equals("*")) {
          out.putAll(all);
        } else if (all.containsKey(n)) {
          out.put(n, all.get(n));
        }
      }
      return out;
    }
    List<String> known = switch (view) {
      case "basic" -> BASIC;
      case "posix" -> concat(BASIC, POSIX);
      case "owner" -> List.of("owner");
      default -> throw new UnsupportedOperationException("View '" + view + "' not available");
    };
    Snapshot s = new Snapshot(fs.node(path, follow));
    for (String n : names.split(",")) {
      if (n.equals("*")) {
        for (String k : known) {
          out.put(k, get(s, k));
        }
      } else if (known.contains(n)) {
        out.put(n, get(s, n));
      } else {
        throw new IllegalArgumentException("'" + n + "' not recognized");
      }
    }
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static Object get(Snapshot s, String name) {
    return switch (name) {
      case "lastModifiedTime" -> s.lastModifiedTime();
      case "lastAccessTime" -> s.lastAccessTime();
      case "creationTime" -> s.creationTime();
      case "size" -> s.size();
      case "isRegularFile" -> s.isRegularFile();
      case "isDirectory" -> s.isDirectory();
      case "isSymbolicLink" -> s.isSymbolicLink();
      case "isOther" -> s.isOther();
      case "fileKey" -> s.fileKey();
      case "permissions" -> s.permissions();
      case "owner" -> s.owner();
      case "group" -> s.group();
      default -> throw new IllegalArgumentException("'" + name + "' not recognized");
    };
  }

  static void set(DbFileSystem fs, Path path, String attribute, Object value, LinkOption... options)
      throws IOException {
    String view = "basic";
    String name = attribute;
    int colon = attribute.indexOf(':');
    if (colon >= 0) {
      view = attribute.substring(0, colon);
      name = attribute.substring(colon + 1);
    }
    boolean follow = Options.follow(options);
    View v = new View(fs, path, follow, view);
    switch (view + ":" + name) {
      case "basic:lastModifiedTime", "posix:lastModifiedTime" -> v.setTimes((FileTime) value, null, null);
      case "basic:lastAccessTime", "posix:lastAccessTime" -> v.setTimes(null, (FileTime) value, null);
      case "basic:creationTime", "posix:creationTime" -> v.setTimes(null, null, (FileTime) value);
      case "posix:permissions" -> {
        Set<?> perms = (Set<?>) value;
        fs.update(path, follow, Map.of("mode", toMode(perms)));
      }
      case "posix:owner", "owner:owner" -> v.setOwner((UserPrincipal) value);
      case "posix:group" -> v.setGroup((GroupPrincipal) value);
      default -> {
        if (view.equals("user")) {
          ByteBuffer buf = value instanceof byte[] b ? ByteBuffer.wrap(b) : (ByteBuffer) value;
          v.write(name, buf);
        } else if (!DbFileSystem.VIEWS.contains(view)) {
          throw new UnsupportedOperationException("View '" + view + "' not available");
        } else {
          throw new IllegalArgumentException("'" + attribute + "' not recognized");
        }
      }
    }
  }
}
