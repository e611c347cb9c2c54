package dev.architect.eventstore.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between SQLite and PostgreSQL: connections, transaction start, the lock that orders
 * positions, and how waiting subscribers learn of commits made elsewhere.
 */
interface Backend extends AutoCloseable {
  /**
   * What a write transaction reads once it holds the lock that orders writes: the last position and the
   * last stream id ({@link Schema#HEADS}), and the store's write count including this transaction (-1
   * if the backend keeps none).
   */
  record Heads(long lastPosition, long lastStreamId, long writes) {}

  /** Opens the connection the single writer thread uses (autocommit on; transactions are explicit). */
  Connection openWriter() throws SQLException;

  /**
   * Starts a write transaction on the writer connection, holding whatever orders positions, fetches the
   * stream rows and event ids {@code tx.buffer} wants ({@link AppendBuffer#fetch}), and returns the last
   * position, the last stream id and the write count as that transaction sees them.
   */
  Heads begin(GroupCommitWriter.WriteContext tx) throws SQLException;

  /**
   * Writes what {@code tx.buffer} holds ({@link AppendBuffer#flush}) and commits the write transaction;
   * {@code lastPosition} is the last position it wrote, or -1 if it wrote no event (nothing to announce).
   */
  void commit(GroupCommitWriter.WriteContext tx, long lastPosition) throws SQLException;

  /**
   * Writes what {@code tx.buffer} holds and commits, in one statement outside any transaction started by
   * {@link #begin}, only if the store's write count is still {@code writes} (nobody wrote since the
   * writer's last commit) and no stream or event id the buffer presumed absent exists. Returns whether it
   * committed; if not, nothing was written. {@code lastPosition} as for {@link #commit}. Called only by
   * a backend whose {@link #begin} returns a write count.
   */
  default boolean commitIfUnchanged(GroupCommitWriter.WriteContext tx, long writes, long lastPosition)
      throws SQLException {
    throw new UnsupportedOperationException(name() + " does not speculate");
  }

  /** Rolls the write transaction back. */
  void rollback(GroupCommitWriter.WriteContext tx) throws SQLException;

  /** A connection for one read (autocommit, one statement = one snapshot). */
  Connection reader() throws SQLException;

  /** Gives back a connection from {@link #reader()}. */
  void release(Connection reader);

  /**
   * Calls {@code onCommit} whenever any process commits events, from now on (idempotent). Returns
   * false if this backend cannot hear other processes, so that subscribers must poll.
   */
  boolean listen(Runnable onCommit);

  /** A label for messages: "sqlite" or "postgresql". */
  String name();

  @Override
  void close();
}
