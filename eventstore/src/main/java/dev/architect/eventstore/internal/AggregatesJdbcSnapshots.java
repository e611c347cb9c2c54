package dev.architect.eventstore.internal;

import dev.architect.eventstore.ConnectionFactory;
import dev.architect.eventstore.EventStoreException;
import dev.architect.eventstore.Snapshot;
import dev.architect.eventstore.SnapshotStore;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Snapshots in a table, one row per stream and schema version, in SQL that SQLite (3.24+) and
 * PostgreSQL both accept. An older snapshot never replaces a newer one ({@code WHERE} on the upsert).
 */
public final class AggregatesJdbcSnapshots implements SnapshotStore {
  private static final String DDL = "CREATE TABLE IF NOT EXISTS architect_snapshots ("
      + "stream VARCHAR(1000) NOT NULL, schema_version INTEGER NOT NULL, version BIGINT NOT NULL, "
      + "event_id VARCHAR(36) NOT NULL, state TEXT NOT NULL, PRIMARY KEY (stream, schema_version))";
  private static final String UPSERT = "INSERT INTO architect_snapshots (stream, schema_version, version, event_id, state) "
      + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (stream, schema_version) DO UPDATE SET version = excluded.version, "
      + "event_id = excluded.event_id, state = excluded.state WHERE excluded.version > architect_snapshots.version";
  private static final String SELECT = "SELECT version, event_id, schema_version, state FROM architect_snapshots "
      + "WHERE stream = ? ORDER BY version DESC";

  private final ConnectionFactory connections;

  public AggregatesJdbcSnapshots(ConnectionFactory connections) {
    this.connections = connections;
    try (Connection c = connections.open(); Statement st = c.createStatement()) {
      st.execute(DDL);
    } catch (SQLException e) {
      throw new EventStoreException("cannot create the snapshot table architect_snapshots: " + e.getMessage(), e);
    }
  }

  @Override
  public void save(Snapshot s) {
    try (Connection c = connections.open(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
      ps.setString(1, s.stream());
      ps.setInt(2, s.schemaVersion());
      ps.setLong(3, s.version());
      ps.setString(4, s.eventId().toString());
      ps.setString(5, s.stateAsString());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new EventStoreException("cannot save the snapshot of stream '" + s.stream() + "' at version "
          + s.version() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<Snapshot> newestFirst(String stream) {
    try (Connection c = connections.open(); PreparedStatement ps = c.prepareStatement(SELECT)) {
      ps.setString(1, stream);
      List<Snapshot> found = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(new Snapshot(stream, rs.getLong(1), UUID.fromString(rs.getString(2)), rs.getInt(3),
              rs.getString(4).getBytes(StandardCharsets.UTF_8)));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new EventStoreException("cannot read the snapshots of stream '" + stream + "': " + e.getMessage(), e);
    }
  }
}
