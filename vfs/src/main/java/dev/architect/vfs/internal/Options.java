package dev.architect.vfs.internal;

import java.nio.file.CopyOption;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Set;

/** Open, link and copy options, checked the way the JDK's own file system checks them. */
record Options(boolean read, boolean write, boolean append, boolean truncate, boolean create, boolean createNew,
    boolean deleteOnClose, boolean follow) {

  static Options open(Set<? extends OpenOption> options) {
    boolean read = false;
    boolean write = false;
    boolean append = false;
    boolean truncate = false;
    boolean create = false;
    boolean createNew = false;
    boolean deleteOnClose = false;
    boolean follow = true;
    for (OpenOption o : options) {
      Objects.requireNonNull(o, "option");
      if (o == StandardOpenOption.READ) {
        read = true;
      } else if (o == StandardOpenOption.WRITE) {
        write = true;
      } else if (o == StandardOpenOption.APPEND) {
        append = true;
        write = true;
      } else if (o == StandardOpenOption.TRUNCATE_EXISTING) {
        truncate = true;
      } else if (o == StandardOpenOption.CREATE) {
        create = true;
      } else if (o == StandardOpenOption.CREATE_NEW) {
        createNew = true;
      } else if (o == StandardOpenOption.DELETE_ON_CLOSE) {
        deleteOnClose = true;
      } else if (o == LinkOption.NOFOLLOW_LINKS) {
        follow = false;
      } else if (o == StandardOpenOption.SPARSE || o == StandardOpenOption.SYNC || o == StandardOpenOption.DSYNC) {
        // SPARSE: missing chunks are already holes. SYNC and DSYNC: every write reaches the
        // database at close or force at the latest; the durability env key sets how far it syncs.
        continue;
      } else {
        throw new UnsupportedOperationException("open option " + o + " is not supported by db: file systems");
      }
    }
    if (!read && !write) {
      read = true;
    }
    if (read && append) {
      throw new IllegalArgumentException("READ + APPEND not allowed");
    }
    if (append && truncate) {
      throw new IllegalArgumentException("APPEND + TRUNCATE_EXISTING not allowed");
    }
    return new Options(read, write, append, truncate && write, create && write, createNew && write, deleteOnClose,
        follow);
  }

  static boolean follow(LinkOption... options) {
    boolean follow = true;
    for (LinkOption o : options) {
      if (Objects.requireNonNull(o, "option") == LinkOption.NOFOLLOW_LINKS) {
        follow = false;
      }
    }
    return follow;
  }

  /** Copy options: replace, atomic, copy attributes, follow links. */
  record Copy(boolean replace, boolean atomic, boolean attributes, boolean follow) {
    static Copy of(CopyOption... options) {
      boolean replace = false;
      boolean atomic = false;
      boolean attributes = false;
      boolean follow = true;
      for (CopyOption o : options) {
        if (Objects.requireNonNull(o, "option") == StandardCopyOption.REPLACE_EXISTING) {
          replace = true;
        } else if (o == StandardCopyOption.ATOMIC_MOVE) {
          atomic = true;
        } else if (o == StandardCopyOption.COPY_ATTRIBUTES) {
          attributes = true;
        } else if (o == LinkOption.NOFOLLOW_LINKS) {
          follow = false;
        } else {
          throw new UnsupportedOperationException("copy option " + o + " is not supported by db: file systems");
        }
      }
      return new Copy(replace, atomic, attributes, follow);
    }
  }
}
