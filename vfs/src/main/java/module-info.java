/**
 * Architect VFS: a {@code db:} file system inside one SQLite database, as a {@code java.nio.file}
 * provider.
 *
 * <p>Users code against {@code java.nio.file} only; {@link dev.architect.vfs.DbFileSystems} names the
 * environment keys and opens file systems. The provider class lives in the non-exported package
 * {@code dev.architect.vfs.internal}: {@link java.util.ServiceLoader} needs it public, and keeping its
 * package unexported keeps it out of the API on the module path.
 */
module dev.architect.vfs {
  requires java.sql;
  requires org.xerial.sqlitejdbc;

  exports dev.architect.vfs;

  provides java.nio.file.spi.FileSystemProvider with dev.architect.vfs.internal.DbFileSystemProvider;
}
