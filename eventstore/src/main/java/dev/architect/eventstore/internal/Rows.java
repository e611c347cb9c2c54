package dev.architect.eventstore.internal;

import dev.architect.eventstore.EventMetadata;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.UUID;

/** Conversions between rows and values. */
final class Rows {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private Rows() {}

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  static byte[] bytes(UUID id) {
    byte[] b = new byte[16];
    LONGS.set(b, 0, id.getMostSignificantBits());
    LONGS.set(b, 8, id.getLeastSignificantBits());
    return b;
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
}
