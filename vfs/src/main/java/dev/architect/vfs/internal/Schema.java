package dev.architect.vfs.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The tables of a {@code db:} file system.
 *
 * <ul>
 *   <li>{@code inode}: one row per file, directory or symbolic link (kind, size, mode, link count,
 *       times in nanoseconds, owner, group, link target). Row 1 is the root directory.
 *   <li>{@code dirent}: directory entries keyed by (parent inode, name); renaming anything, however
 *       large the tree below it, changes one row.
 *   <li>{@code chunk}: file content in chunks of {@code vfs_meta.chunkSize} bytes keyed by (inode,
 *       index); a missing chunk reads as zeros, the last one may be short.
 *   <li>{@code xattr}: user-defined attributes keyed by (inode, name).
 *   <li>{@code flock}: byte-range file locks, with the process holding each.
 *   <li>{@code vfs_meta}: format version, chunk size, and how many syncs {@code force} asked for.
 * </ul>
 */
final class Schema {
  static final String FORMAT = "1";

  private Schema() {}

  static void create(Conn c, int chunkSize) throws SQLException {
    c.exec("CREATE TABLE vfs_meta(key TEXT PRIMARY KEY, value NOT NULL) WITHOUT ROWID");
    c.exec("CREATE TABLE inode(id INTEGER PRIMARY KEY, kind INTEGER NOT NULL, size INTEGER NOT NULL,"
        + " mode INTEGER NOT NULL, nlink INTEGER NOT NULL, ctime INTEGER NOT NULL, mtime INTEGER NOT NULL,"
        + " atime INTEGER NOT NULL, btime INTEGER NOT NULL, owner TEXT NOT NULL, grp TEXT NOT NULL, target TEXT)");
    c.exec("CREATE TABLE dirent(parent INTEGER NOT NULL, name TEXT NOT NULL, ino INTEGER NOT NULL,"
        + " PRIMARY KEY (parent, name)) WITHOUT ROWID");
    c.exec("CREATE INDEX dirent_ino ON dirent(ino)");
    c.exec("CREATE TABLE chunk(ino INTEGER NOT NULL, idx INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (ino, idx))");
    c.exec("CREATE TABLE xattr(ino INTEGER NOT NULL, name TEXT NOT NULL, value BLOB NOT NULL,"
        + " PRIMARY KEY (ino, name)) WITHOUT ROWID");
    c.exec("CREATE TABLE flock(id INTEGER PRIMARY KEY, ino INTEGER NOT NULL, start INTEGER NOT NULL,"
        + " len INTEGER NOT NULL, shared INTEGER NOT NULL, pid INTEGER NOT NULL)");
    PreparedStatement meta = c.ps("INSERT INTO vfs_meta(key, value) VALUES (?, ?)");
    meta.setString(1, "format");
    meta.setString(2, FORMAT);
    meta.executeUpdate();
    meta.setString(1, "chunkSize");
    meta.setInt(2, chunkSize);
    meta.executeUpdate();
    long now = Tree.now();
    PreparedStatement root = c.ps("INSERT INTO inode(id, kind, size, mode, nlink, ctime, mtime, atime, btime, owner, grp)"
        + " VALUES (1, ?, 0, ?, 2, ?, ?, ?, ?, ?, ?)");
    root.setInt(1, Node.DIR);
    root.setInt(2, 0755);
    for (int i = 3; i <= 6; i++) {
      root.setLong(i, now);
    }
    root.setString(7, Tree.defaultOwner());
    root.setString(8, Tree.defaultOwner());
    root.executeUpdate();
  }
}
