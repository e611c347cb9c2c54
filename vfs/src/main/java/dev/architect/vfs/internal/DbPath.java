package dev.architect.vfs.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A path of a {@code db:} file system: POSIX syntax ({@code /} separated, one root {@code /}),
 * redundant slashes and a trailing slash removed. Immutable and thread-safe.
 */
final class DbPath implements Path {
  private final DbFileSystem fs;
  private final String path;
  private final String[] names;

  private DbPath(DbFileSystem fs, String path) {
    this.fs = fs;
    this.path = path;
    if (path.isEmpty()) {
      names = new String[] {""};
    } else if (path.equals("/")) {
      names = new String[0];
    } else {
      names = (path.charAt(0) == '/' ? path.substring(1) : path).split("/");
    }
  }

  /** Parses {@code input}: removes redundant slashes, refuses NUL. */
  static DbPath parse(DbFileSystem fs, String input) {
    StringBuilder sb = new StringBuilder(input.length());
    char prev = 0;
    for (int i = 0; i < input.length(); i++) {
      char ch = input.charAt(i);
      if (ch == '\0') {
        throw new InvalidPathException(input, "Nul character not allowed");
      }
      if (ch == '/' && prev == '/') {
        continue;
      }
      sb.append(ch);
      prev = ch;
    }
    if (sb.length() > 1 && sb.charAt(sb.length() - 1) == '/') {
      sb.setLength(sb.length() - 1);
    }
    return new DbPath(fs, sb.toString());
  }

  static DbPath of(DbFileSystem fs, String first, String... more) {
    if (more.length == 0) {
      return parse(fs, first);
    }
    StringBuilder sb = new StringBuilder(first);
    for (String m : more) {
      if (!m.isEmpty()) {
        if (!sb.isEmpty()) {
          sb.append('/');
        }
        sb.append(m);
      }
    }
    return parse(fs, sb.toString());
  }

  private static DbPath fromNames(DbFileSystem fs, boolean absolute, List<String> names) {
    String joined = String.join("/", names);
    return new DbPath(fs, absolute ? "/" + joined : joined);
  }

  String[] names() {
    return names;
  }

  @Override
  public DbFileSystem getFileSystem() {
    return fs;
  }

  @Override
  public boolean isAbsolute() {
    return !path.isEmpty() && path.charAt(0) == '/';
  }

  @Override
  public Path getRoot() {
    return isAbsolute() ? new DbPath(fs, "/") : null;
  }

  @Override
  public Path getFileName() {
    if (names.length == 0) {
      return null;
    }
    if (names.length == 1 && !isAbsolute()) {
      return this;
    }
    return new DbPath(fs, names[names.length - 1]);
  }

  @Override
  public Path getParent() {
    if (names.length == 0 || (names.length == 1 && !isAbsolute())) {
      return null;
    }
    return fromNames(fs, isAbsolute(), Arrays.asList(names).subList(0, names.length - 1));
  }

  @Override
  public int getNameCount() {
    return names.length;
  }

  @Override
  public Path getName(int index) {
    if (index < 0 || index >= names.length) {
      throw new IllegalArgumentException("index must be from 0 to " + (names.length - 1) + ", was " + index);
    }
    return new DbPath(fs, names[index]);
  }

  @Override
  public Path subpath(int beginIndex, int endIndex) {
    if (beginIndex < 0 || beginIndex >= names.length || endIndex <= beginIndex || endIndex > names.length) {
      throw new IllegalArgumentException("subpath(" + beginIndex + ", " + endIndex + ") out of range for " + names.length + " names");
    }
    return fromNames(fs, false, Arrays.asList(names).subList(beginIndex, endIndex));
  }

  @Override
  public boolean startsWith(Path other) {
    if (!(Objects.requireNonNull(other, "other") instanceof DbPath o) || o.fs != fs) {
      return false;
    }
    if (o.isAbsolute() != isAbsolute() || o.names.length > names.length) {
      return false;
    }
    if (o.path.isEmpty()) {
      return path.isEmpty();
    }
    for (int i = 0; i < o.names.length; i++) {
      if (!o.names[i].equals(names[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean endsWith(Path other) {
    if (!(Objects.requireNonNull(other, "other") instanceof DbPath o) || o.fs != fs) {
      return false;
    }
    if (o.isAbsolute()) {
      return o.path.equals(path);
    }
    if (o.path.isEmpty()) {
      return path.isEmpty();
    }
    if (o.names.length > names.length) {
      return false;
    }
    for (int i = 1; i <= o.names.length; i++) {
      if (!o.names[o.names.length - i].equals(names[names.length - i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Path normalize() {
    List<String> out = new ArrayList<>();
    boolean absolute = isAbsolute();
    for (String n : names) {
      if (n.equals(".") || n.isEmpty()) {
        continue;
      }
      if (n.equals("..")) {
        if (!out.isEmpty() && !out.getLast().equals("..")) {
          out.removeLast();
          continue;
        }
        if (absolute) {
          continue;
        }
      }
      out.add(n);
    }
    return fromNames(fs, absolute, out);
  }

  @Override
  public Path resolve(Path other) {
    DbPath o = check(other);
    if (o.isAbsolute()) {
      return o;
    }
    if (o.path.isEmpty()) {
      return this;
    }
    if (path.isEmpty()) {
      return o;
    }
    return new DbPath(fs, path.equals("/") ? "/" + o.path : path + "/" + o.path);
  }

  @Override
  public Path relativize(Path other) {
    DbPath o = check(other);
    if (o.isAbsolute() != isAbsolute()) {
      throw new IllegalArgumentException("'other' is different type of Path");
    }
    if (path.equals(o.path)) {
      return new DbPath(fs, "");
    }
    if (path.isEmpty()) {
      return o;
    }
    String[] a = names;
    String[] b = o.path.isEmpty() ? new String[0] : o.names;
    int common = 0;
    while (common < a.length && common < b.length && a[common].equals(b[common])) {
      common++;
    }
    List<String> out = new ArrayList<>();
    for (int i = common; i < a.length; i++) {
      out.add("..");
    }
    out.addAll(Arrays.asList(b).subList(common, b.length));
    return fromNames(fs, false, out);
  }

  @Override
  public URI toUri() {
    return DbFileSystemProvider.uriOf(fs.file(), ((DbPath) toAbsolutePath()).path);
  }

  @Override
  public Path toAbsolutePath() {
    return isAbsolute() ? this : new DbPath(fs, path.isEmpty() ? "/" : "/" + path);
  }

  @Override
  public Path toRealPath(LinkOption... options) throws IOException {
    return fs.realPath(this, Options.follow(options));
  }

  @Override
  public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers)
      throws IOException {
    return fs.register(this, watcher, events, modifiers);
  }

  @Override
  public int compareTo(Path other) {
    return path.compareTo(((DbPath) other).path);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DbPath p && p.fs == fs && p.path.equals(path);
  }

  @Override
  public int hashCode() {
    return path.hashCode();
  }

  @Override
  public String toString() {
    return path;
  }

  private DbPath check(Path other) {
    Objects.requireNonNull(other, "other");
    if (!(other instanceof DbPath o) || o.fs != fs) {
      throw new ProviderMismatchException("path " + other + " is not of this db: file system");
    }
    return o;
  }
}
