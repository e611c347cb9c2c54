package dev.architect.eventstore.internal;

import dev.architect.eventstore.EventMetadata;
import dev.architect.eventstore.RecordedEvent;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Conversions between rows and values. */
final class Rows {
  /** The columns {@link #event} reads, in order, for a query over {@code es_events e JOIN es_streams s}. */
  static final String EVENT_COLUMNS = "e.position, s.name, e.version, e.event_id, e.type, e.data,"
      + " e.correlation_id, e.causation_id, e.headers, e.created_us, e.stream_id";

  private Rows() {}

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  static byte[] bytes(UUID id) {
    return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
        .putLong(id.getLeastSignificantBits()).array();
  }

  static UUID uuid(byte[] b) {
    ByteBuffer buf = ByteBuffer.wrap(b);
    return new UUID(buf.getLong(), buf.getLong());
  }

  static EventMetadata metadata(String correlation, String causation, String headers) {
    if (correlation == null && causation == null && headers == null) {
      return EventMetadata.EMPTY;
    }
    return new EventMetadata(correlation, causation, Json.decodeHeaders(headers));
  }

  /**
   * The event of the current row. {@code streamNames} (stream id to name) spares decoding the name of a
   * stream already met in the same read: a page of {@code $all} holds runs of the same streams, and the
   * name is the widest string of a row.
   */
  static RecordedEvent event(ResultSet rs, Map<Long, String> streamNames) throws SQLException {
    Long streamId = rs.getLong(11);
    String stream = streamNames.get(streamId);
    if (stream == null) {
      stream = rs.getString(2);
      streamNames.put(streamId, stream);
    }
    return new RecordedEvent(stream, rs.getLong(3), rs.getLong(1), uuid(rs.getBytes(4)),
        rs.getString(5), rs.getBytes(6), metadata(rs.getString(7), rs.getString(8), rs.getString(9)),
        instant(rs.getLong(10)));
  }
}
