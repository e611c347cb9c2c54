package dev.architect.eventstore;

/**
 * How hard the SQLite backend works to keep acknowledged appends (PostgreSQL follows its own
 * {@code synchronous_commit} setting).
 */
public enum Durability {
  /**
   * Every commit is flushed to disk before the append returns ({@code synchronous=FULL}): nothing
   * acknowledged is lost, even on power failure. Group commit shares one flush among all appends
   * waiting at that moment. The default.
   */
  FULL,
  /**
   * Commits reach the operating system but are flushed only at checkpoints ({@code
   * synchronous=NORMAL} in WAL mode): an application crash loses nothing, a power failure or kernel
   * crash may lose the last acknowledged appends, never corrupts the file, and never keeps half of
   * an append.
   */
  NORMAL
}
