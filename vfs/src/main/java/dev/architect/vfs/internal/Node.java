package dev.architect.vfs.internal;

/**
 * One inode row: a file, a directory or a symbolic link. Times are nanoseconds since the epoch.
 */
record Node(long id, int kind, long size, int mode, int nlink, long ctime, long mtime, long atime, long btime,
    String owner, String group, String target) {
  static final int FILE = 1;
  static final int DIR = 2;
  static final int LINK = 3;

  boolean isDir() {
    return kind == DIR;
  }

  boolean isFile() {
    return kind == FILE;
  }

  boolean isLink() {
    return kind == LINK;
  }
}
