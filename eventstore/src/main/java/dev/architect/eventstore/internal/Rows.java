package dev.architect.eventstore.internal;

import dev.architect.eventstore.EventMetadata;
import dev.architect.eventstore.RecordedEvent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Conversions between rows and values. */
final class Rows {
  /** The columns {@link EventReader} reads, in order, for a query over {@code es_events e JOIN es_streams s}. */
  static final String EVENT_COLUMNS = "e.position, s.name, e.version, e.event_id, e.type, e.data,"
      + " e.correlation_id, e.causation_id, e.headers, e.created_us, e.stream_id";

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

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
    return new UUID((long) LONGS.get(b, 0), (long) LONGS.get(b, 8));
  }

  static EventMetadata metadata(String correlation, String causation, String headers) {
    if (correlation == null && causation == null && headers == null) {
      return EventMetadata.EMPTY;
    }
    return new EventMetadata(correlation, causation, Json.decodeHeaders(headers));
  }

  /**
   * Turns the rows of one read into events. It remembers the streams it has met: a page of {@code $all}
   * holds runs of the same streams, and the name is the widest string of a row, so each name is decoded
   * once per read (and a run of one stream costs no look-up at all).
   */
  static final class EventReader {
    private final Map<Long, String> streamNames = new HashMap<>();
    private long lastStreamId = -1;
    private String lastStream;

    /** The event of the current row of a query selecting {@link #EVENT_COLUMNS}. */
    RecordedEvent event(ResultSet rs) throws SQLException {
      long streamId = rs.getLong(11);
      String stream = lastStream;
      if (streamId != lastStreamId) {
        stream = streamNames.get(streamId);
        if (stream == null) {
          stream = rs.getString(2);
          streamNames.put(streamId, stream);
        }
        lastStreamId = streamId;
        lastStream = stream;
      }
      return new RecordedEvent(stream, rs.getLong(3), rs.getLong(1), uuid(rs.getBytes(4)),
          rs.getString(5), rs.getBytes(6), metadata(rs.getString(7), rs.getString(8), rs.getString(9)),
          instant(rs.getLong(10)));
    }
  }
}
