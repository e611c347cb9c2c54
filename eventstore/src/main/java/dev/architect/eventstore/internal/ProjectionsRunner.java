package dev.architect.eventstore.internal;

import dev.architect.eventstore.ConnectionFactory;
import dev.architect.eventstore.EventStore;
import dev.architect.eventstore.EventStoreException;
import dev.architect.eventstore.JdbcProjection;
import dev.architect.eventstore.ProjectionProgress;
import dev.architect.eventstore.ProjectionRunner;
import dev.architect.eventstore.RecordedEvent;
import dev.architect.eventstore.SnapshotStore;
import dev.architect.eventstore.Subscription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The runner behind {@link ProjectionRunner}.
 *
 * <p>Each batch is one read-model transaction that first moves the checkpoint by compare-and-set
 * (old to new: on SQLite this takes the write lock at once, on PostgreSQL the row lock, so a competing
 * runner waits and then finds the checkpoint moved) and then hands the events to the projection; the
 * commit makes both durable together. Why the checkpoint may pass positions never handed over: before
 * each page the runner reads the store's last position {@code head}; positions are assigned in commit
 * order, so a short page holds every visible event up to {@code head}.
 */
public final class ProjectionsRunner implements ProjectionRunner {
  private static final String DDL = "CREATE TABLE IF NOT EXISTS architect_projections ("
      + "name VARCHAR(200) PRIMARY KEY, position BIGINT NOT NULL)";

  private final EventStore store;
  private final ConnectionFactory connections;
  private final JdbcProjection projection;
  private final String name;
  private final String category;
  private final int batchSize;
  private Subscription live;
  private Connection liveConnection;
  private long liveCheckpoint;
  private Throwable lastFailure;

  public ProjectionsRunner(EventStore store, ConnectionFactory connections, JdbcProjection projection,
      String category, int batchSize) {
    this.store = store;
    this.connections = connections;
    this.projection = projection;
    this.name = Objects.requireNonNull(projection.name(), "projection name");
    this.category = category;
    this.batchSize = batchSize;
    if (name.isEmpty() || name.length() > 200) {
      throw new IllegalArgumentException("projection name must be 1 to 200 characters, was '" + name + "'");
    }
    try (Connection c = open()) {
      try (Statement st = c.createStatement()) {
        st.execute(DDL);
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO architect_projections (name, position) VALUES (?, 0) ON CONFLICT (name) DO NOTHING")) {
        ps.setString(1, name);
        ps.executeUpdate();
      }
      projection.setup(c);
      c.commit();
    } catch (SQLException e) {
      throw new EventStoreException("cannot set up projection '" + name + "': " + e.getMessage(), e);
    }
  }

  private Connection open() throws SQLException {
    Connection c = connections.open();
    c.setAutoCommit(false);
    return c;
  }

  @Override
  public synchronized long checkpoint() {
    try (Connection c = open()) {
      long position = readCheckpoint(c);
      c.commit();
      return position;
    } catch (SQLException e) {
      throw new EventStoreException("cannot read the checkpoint of projection '" + name + "': " + e.getMessage(), e);
    }
  }

  private long readCheckpoint(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT position FROM architect_projections WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new EventStoreException("the checkpoint row of projection '" + name + "' is missing");
        }
        return rs.getLong(1);
      }
    }
  }

  /** Moves the checkpoint from {@code from} to {@code to}, or fails if another runner moved it. */
  private void moveCheckpoint(Connection c, long from, long to) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE architect_projections SET position = ? WHERE name = ? AND position = ?")) {
      ps.setLong(1, to);
      ps.setString(2, name);
      ps.setLong(3, from);
      if (ps.executeUpdate() != 1) {
        throw new CheckpointMoved("checkpoint of projection '" + name + "' is no longer " + from
            + ": another runner is working on it (this batch was rolled back)");
      }
    }
  }

  private boolean handles(RecordedEvent e) {
    return category != null || !SnapshotStore.CATEGORY.equals(e.category());
  }

  /** Raised when the compare-and-set of the checkpoint finds another value. */
  private static final class CheckpointMoved extends EventStoreException {
    private static final long serialVersionUID = 1L;

    CheckpointMoved(String message) {
      super(message);
    }
  }

  private void checkNotLive() {
    if (live != null && !live.isRunning()) {
      stop(); // live mode stopped by a failure: clean up, keep the failure
    }
    if (live != null) {
      throw new IllegalStateException("projection '" + name + "' is running live: stop() it first");
    }
  }

  @Override
  public long catchUp() {
    return catchUp(ProjectionProgress.NONE);
  }

  @Override
  public synchronized long catchUp(ProjectionProgress progress) {
    Objects.requireNonNull(progress, "progress");
    checkNotLive();
    long handled = 0;
    try (Connection c = open()) {
      long checkpoint = readCheckpoint(c);
      c.commit();
      long head = checkpoint;
      while (true) {
        head = store.lastPosition();
        List<RecordedEvent> page = category == null ? store.readAll(checkpoint + 1, batchSize)
            : store.readCategory(category, checkpoint + 1, batchSize);
        long next = page.isEmpty() ? checkpoint : page.getLast().position();
        if (page.size() < batchSize) {
          next = Math.max(next, head);
        }
        if (next == checkpoint) {
          break;
        }
        try {
          moveCheckpoint(c, checkpoint, next);
          for (RecordedEvent e : page) {
            if (handles(e)) {
              projection.handle(c, e);
              handled++;
            }
          }
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw failed(e, checkpoint + 1, next);
        }
        checkpoint = next;
        progress.onProgress(checkpoint, head, handled);
        if (page.size() < batchSize) {
          break;
        }
      }
      progress.onProgress(checkpoint, Math.max(head, checkpoint), handled);
      return handled;
    } catch (SQLException e) {
      throw new EventStoreException("projection '" + name + "' failed: " + e.getMessage(), e);
    }
  }

  private EventStoreException failed(Exception e, long from, long to) {
    if (e instanceof CheckpointMoved moved) {
      return moved;
    }
    return new EventStoreException("projection '" + name + "' failed on the batch of positions " + from + " to " + to
        + " (rolled back; the checkpoint stays at " + (from - 1) + "): " + e, e);
  }

  @Override
  public synchronized long rebuild(ProjectionProgress progress) {
    Objects.requireNonNull(progress, "progress");
    checkNotLive();
    try (Connection c = open()) {
      try {
        projection.reset(c);
        projection.setup(c);
        try (PreparedStatement ps = c.prepareStatement("UPDATE architect_projections SET position = 0 WHERE name = ?")) {
          ps.setString(1, name);
          ps.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw new EventStoreException("cannot reset projection '" + name + "' (rolled back): " + e, e);
      }
    } catch (SQLException e) {
      throw new EventStoreException("cannot reset projection '" + name + "': " + e.getMessage(), e);
    }
    return catchUp(progress);
  }

  @Override
  public synchronized void start() {
    checkNotLive();
    catchUp();
    try {
      liveConnection = open();
      liveCheckpoint = readCheckpoint(liveConnection);
      liveConnection.commit();
    } catch (SQLException e) {
      closeLiveConnection();
      throw new EventStoreException("cannot start projection '" + name + "': " + e.getMessage(), e);
    }
    Connection c = liveConnection;
    lastFailure = null;
    live = category == null ? store.subscribeToAll(liveCheckpoint + 1, e -> handleLive(c, e))
        : store.subscribeToCategory(category, liveCheckpoint + 1, e -> handleLive(c, e));
  }

  /** One event, one transaction (on the subscription's thread). */
  private void handleLive(Connection c, RecordedEvent e) throws SQLException {
    if (e.position() <= liveCheckpoint) {
      return; // redelivered (at-least-once): its effect is committed already
    }
    try {
      moveCheckpoint(c, liveCheckpoint, e.position());
      if (handles(e)) {
        projection.handle(c, e);
      }
      c.commit();
    } catch (SQLException | RuntimeException failure) {
      c.rollback();
      throw failed(failure, e.position(), e.position());
    }
    liveCheckpoint = e.position();
  }

  @Override
  public boolean awaitPosition(long position, Duration timeout) throws InterruptedException {
    Subscription s;
    synchronized (this) {
      s = live;
    }
    if (s == null) {
      throw new IllegalStateException("projection '" + name + "' is not running live");
    }
    return s.awaitCheckpoint(position, timeout);
  }

  @Override
  public synchronized boolean isLive() {
    return live != null && live.isRunning();
  }

  @Override
  public synchronized Throwable failure() {
    return live == null ? lastFailure : live.failure();
  }

  @Override
  public synchronized void stop() {
    if (live != null) {
      live.close();
      lastFailure = live.failure();
      live = null;
      closeLiveConnection();
    }
  }

  private void closeLiveConnection() {
    if (liveConnection != null) {
      try {
        liveConnection.close();
      } catch (SQLException e) {
        throw new EventStoreException("cannot close the read-model connection of projection '" + name + "': "
            + e.getMessage(), e);
      } finally {
        liveConnection = null;
      }
    }
  }

  @Override
  public void close() {
    stop();
  }
}
