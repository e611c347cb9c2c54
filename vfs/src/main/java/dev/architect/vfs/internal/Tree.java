package dev.architect.vfs.internal;

import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The SQL behind inodes and directory entries: lookups, path resolution, links and unlinks. */
final class Tree {
  static final long ROOT = 1;
  /** Linux's limit on symbolic links followed in one resolution (ELOOP beyond it). */
  static final int MAX_LINKS = 40;

  private Tree() {}

  /** Where a path leads: the directory holding the last name, the name, and the node (null if missing). */
  record Resolved(long parent, String name, Node node) {}

  static long now() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  static String defaultOwner() {
    return System.getProperty("user.name", "root");
  }

  static Node node(Conn c, long id) throws SQLException {
    PreparedStatement ps = c.ps("SELECT id, kind, size, mode, nlink, ctime, mtime, atime, btime, owner, grp, target"
        + " FROM inode WHERE id = ?");
    ps.setLong(1, id);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      return new Node(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getInt(4), rs.getInt(5), rs.getLong(6),
          rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getString(10), rs.getString(11), rs.getString(12));
    }
  }

  /** The node entry (parent, name) names, or null. */
  static Node childNode(Conn c, long parent, String name) throws SQLException {
    PreparedStatement ps = c.ps("SELECT i.id, i.kind, i.size, i.mode, i.nlink, i.ctime, i.mtime, i.atime, i.btime,"
        + " i.owner, i.grp, i.target FROM dirent d JOIN inode i ON i.id = d.ino WHERE d.parent = ? AND d.name = ?");
    ps.setLong(1, parent);
    ps.setString(2, name);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      return new Node(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getInt(4), rs.getInt(5), rs.getLong(6),
          rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getString(10), rs.getString(11), rs.getString(12));
    }
  }

  static long child(Conn c, long parent, String name) throws SQLException {
    PreparedStatement ps = c.ps("SELECT ino FROM dirent WHERE parent = ? AND name = ?");
    ps.setLong(1, parent);
    ps.setString(2, name);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : -1;
    }
  }

  static long parentOf(Conn c, long dir) throws SQLException {
    if (dir == ROOT) {
      return ROOT;
    }
    PreparedStatement ps = c.ps("SELECT parent FROM dirent WHERE ino = ? LIMIT 1");
    ps.setLong(1, dir);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : ROOT;
    }
  }

  /**
   * Resolves {@code path} from the root, following symbolic links on the way and, when
   * {@code followLast}, at the end.
   *
   * @throws NoSuchFileException if a directory on the way is missing
   * @throws FileSystemException "Not a directory" if a name on the way is not a directory, "Too
   *     many levels of symbolic links" beyond {@link #MAX_LINKS} links
   */
  static Resolved resolve(Conn c, DbPath path, boolean followLast) throws SQLException, FileSystemException {
    String shown = path.toString();
    Deque<String> todo = new ArrayDeque<>();
    for (String n : path.names()) {
      if (!n.isEmpty()) {
        todo.add(n);
      }
    }
    long dir = ROOT;
    Node current = null;
    long parent = -1;
    String name = null;
    int links = 0;
    Node dirNode = null;
    while (!todo.isEmpty()) {
      String n = todo.pollFirst();
      boolean last = todo.isEmpty();
      // The root is always a directory: no need to read it on every resolution.
      if (dir != ROOT) {
        if (dirNode == null) {
          dirNode = node(c, dir);
        }
        if (dirNode == null) {
          throw new NoSuchFileException(shown);
        }
        if (!dirNode.isDir()) {
          throw new FileSystemException(shown, null, "Not a directory");
        }
      }
      long next;
      Node node;
      if (n.equals(".")) {
        next = dir;
        node = node(c, next);
      } else if (n.equals("..")) {
        next = parentOf(c, dir);
        node = node(c, next);
      } else {
        // Entry and inode in one statement: one query per name on the way.
        node = childNode(c, dir, n);
        next = node == null ? -1 : node.id();
      }
      if (next < 0) {
        if (last) {
          return new Resolved(dir, n, null);
        }
        throw new NoSuchFileException(shown);
      }
      if (node != null && node.isLink() && (!last || followLast)) {
        if (++links > MAX_LINKS) {
          throw new FileSystemException(shown, null, "Too many levels of symbolic links");
        }
        String target = node.target();
        List<String> parts = new ArrayList<>();
        for (String p : target.split("/")) {
          if (!p.isEmpty()) {
            parts.add(p);
          }
        }
        for (int i = parts.size() - 1; i >= 0; i--) {
          todo.addFirst(parts.get(i));
        }
        if (target.startsWith("/")) {
          dir = ROOT;
          dirNode = null;
        }
        if (todo.isEmpty()) {
          // A link to "/" (or to "" ): it leads to the directory itself.
          Node d = node(c, dir);
          return new Resolved(dir == ROOT ? -1 : parentOf(c, dir), dir == ROOT ? null : nameOf(c, dir), d);
        }
        continue;
      }
      if (last) {
        boolean special = n.equals(".") || n.equals("..");
        return new Resolved(next == ROOT ? -1 : (special ? parentOf(c, next) : dir),
            next == ROOT ? null : (special ? nameOf(c, next) : n), node);
      }
      parent = dir;
      name = n;
      dir = next;
      dirNode = node;
      current = node;
    }
    // The root itself.
    if (current == null) {
      current = node(c, ROOT);
    }
    return new Resolved(parent, name, current);
  }

  static String nameOf(Conn c, long ino) throws SQLException {
    PreparedStatement ps = c.ps("SELECT name FROM dirent WHERE ino = ? LIMIT 1");
    ps.setLong(1, ino);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** The absolute path of directory {@code ino}, from its entries up to the root. */
  static String pathOf(Conn c, long ino) throws SQLException {
    List<String> names = new ArrayList<>();
    long cur = ino;
    int guard = 0;
    while (cur != ROOT && guard++ < 100_000) {
      PreparedStatement ps = c.ps("SELECT parent, name FROM dirent WHERE ino = ? LIMIT 1");
      ps.setLong(1, cur);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          break;
        }
        names.addFirst(rs.getString(2));
        cur = rs.getLong(1);
      }
    }
    return "/" + String.join("/", names);
  }

  static long insertNode(Conn c, int kind, int mode, String target) throws SQLException {
    long now = now();
    PreparedStatement ps = c.ps("INSERT INTO inode(kind, size, mode, nlink, ctime, mtime, atime, btime, owner, grp, target)"
        + " VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ps.setInt(1, kind);
    ps.setInt(2, mode);
    ps.setInt(3, kind == Node.DIR ? 2 : 1);
    ps.setLong(4, now);
    ps.setLong(5, now);
    ps.setLong(6, now);
    ps.setLong(7, now);
    ps.setString(8, defaultOwner());
    ps.setString(9, defaultOwner());
    ps.setString(10, target);
    ps.executeUpdate();
    try (ResultSet rs = c.ps("SELECT last_insert_rowid()").executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void addEntry(Conn c, long parent, String name, long ino) throws SQLException {
    PreparedStatement ps = c.ps("INSERT INTO dirent(parent, name, ino) VALUES (?, ?, ?)");
    ps.setLong(1, parent);
    ps.setString(2, name);
    ps.setLong(3, ino);
    ps.executeUpdate();
    touchDir(c, parent);
  }

  static void touchDir(Conn c, long dir) throws SQLException {
    long now = now();
    PreparedStatement ps = c.ps("UPDATE inode SET mtime = ?, ctime = ? WHERE id = ?");
    ps.setLong(1, now);
    ps.setLong(2, now);
    ps.setLong(3, dir);
    ps.executeUpdate();
  }

  /** Removes entry (parent, name) of {@code node}; the node goes when its last link does. */
  static void removeEntry(Conn c, long parent, String name, Node node) throws SQLException {
    PreparedStatement ps = c.ps("DELETE FROM dirent WHERE parent = ? AND name = ?");
    ps.setLong(1, parent);
    ps.setString(2, name);
    ps.executeUpdate();
    touchDir(c, parent);
    if (node.isDir() || node.nlink() <= 1) {
      removeNode(c, node.id());
    } else {
      PreparedStatement u = c.ps("UPDATE inode SET nlink = nlink - 1, ctime = ? WHERE id = ?");
      u.setLong(1, now());
      u.setLong(2, node.id());
      u.executeUpdate();
    }
  }

  static void removeNode(Conn c, long ino) throws SQLException {
    for (String sql : new String[] {"DELETE FROM chunk WHERE ino = ?", "DELETE FROM xattr WHERE ino = ?",
        "DELETE FROM inode WHERE id = ?"}) {
      PreparedStatement ps = c.ps(sql);
      ps.setLong(1, ino);
      ps.executeUpdate();
    }
  }

  static boolean hasEntries(Conn c, long dir) throws SQLException {
    PreparedStatement ps = c.ps("SELECT 1 FROM dirent WHERE parent = ? LIMIT 1");
    ps.setLong(1, dir);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  static List<String> list(Conn c, long dir) throws SQLException {
    PreparedStatement ps = c.ps("SELECT name FROM dirent WHERE parent = ? ORDER BY name");
    ps.setLong(1, dir);
    List<String> names = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  /** Whether {@code ino} is {@code dir} or lies below it. */
  static boolean isWithin(Conn c, long ino, long dir) throws SQLException {
    long cur = ino;
    while (true) {
      if (cur == dir) {
        return true;
      }
      if (cur == ROOT) {
        return false;
      }
      cur = parentOf(c, cur);
    }
  }

  static byte[] chunk(Conn c, long ino, long idx) throws SQLException {
    PreparedStatement ps = c.ps("SELECT data FROM chunk WHERE ino = ? AND idx = ?");
    ps.setLong(1, ino);
    ps.setLong(2, idx);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getBytes(1) : null;
    }
  }

  static void copyContent(Conn c, long from, long to, long size) throws SQLException {
    PreparedStatement ps = c.ps("INSERT INTO chunk(ino, idx, data) SELECT ?, idx, data FROM chunk WHERE ino = ?");
    ps.setLong(1, to);
    ps.setLong(2, from);
    ps.executeUpdate();
    PreparedStatement u = c.ps("UPDATE inode SET size = ? WHERE id = ?");
    u.setLong(1, size);
    u.setLong(2, to);
    u.executeUpdate();
  }
}
