package dev.architect.eventstore;

import java.util.Map;

/**
 * Turns the data of one event type from one schema version into the next (v to v + 1), on read; see
 * {@link EventCodec.Builder#upcast}.
 *
 * <p>The data is the event's JSON object as a mutable map: nested objects are maps, arrays are lists,
 * numbers are {@link Integer}, {@link Long}, {@link java.math.BigInteger} or
 * {@link java.math.BigDecimal}. An upcaster may change the map it is given and return it, or return a
 * new one. It must be a pure function of its input: it runs on every read of an old event, from any
 * thread, and must not depend on when it runs.
 */
@FunctionalInterface
public interface Upcaster {
  /**
   * The data of the next schema version.
   *
   * @param data the JSON object of the event at the upcaster's version (mutable)
   * @return the JSON object at the next version (not null)
   */
  Map<String, Object> upcast(Map<String, Object> data);
}
