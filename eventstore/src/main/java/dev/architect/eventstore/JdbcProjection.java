package dev.architect.eventstore;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A projection that keeps a read model in a database through JDBC; {@link ProjectionRunner} feeds it
 * events and calls every method inside a transaction that also moves the projection's checkpoint, so
 * each event's effect is committed exactly once.
 *
 * <p>Methods must use only the connection they are given, must not commit, roll back or change its
 * auto-commit mode, and must be deterministic in the events (a rebuild replays them all). They are
 * called from one thread at a time.
 */
public interface JdbcProjection {
  /** The projection's name, the key of its checkpoint (1 to 200 characters). */
  String name();

  /** Creates the read model's tables if they do not exist (called when a runner is built and after a reset). */
  void setup(Connection connection) throws SQLException;

  /** Drops the read model (its tables, or their rows), for a rebuild from zero. */
  void reset(Connection connection) throws SQLException;

  /** Applies one event to the read model. Throwing rolls back the whole batch. */
  void handle(Connection connection, RecordedEvent event) throws SQLException;
}
