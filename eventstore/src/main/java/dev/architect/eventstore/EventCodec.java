package dev.architect.eventstore;

import dev.architect.eventstore.internal.AggregatesJson;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Serialises event records to JSON and back, with schema versions and upcasting: a registry that maps
 * each type name to its current schema version and Java record, and holds the {@link Upcaster}s that
 * bring data written at older versions up to date on read.
 *
 * <pre>{@code
 * record Deposited(long amount, String currency) {}          // schema version 2 added currency
 * EventCodec codec = EventCodec.builder()
 *     .register("Deposited", 2, Deposited.class)
 *     .upcast("Deposited", 1, data -> { data.put("currency", "EUR"); return data; })
 *     .build();
 * EventData data = codec.encode(new Deposited(100, "EUR"));  // header schema-version: 2
 * Deposited d = codec.decode(recorded, Deposited.class);     // v1 data is upcast first
 * }</pre>
 *
 * <p>Why not {@link EventTypes}: it maps names to records but has no schema versions, so it cannot
 * tell old data from new nor upcast it. {@code EventCodec} adds both, and reads strictly: a property
 * missing from the JSON, a null for a primitive, or an unknown property fails rather than becoming a
 * default, so an event written at an older schema is never misread as the new one.
 *
 * <p>Each encoded event carries its schema version in the metadata header
 * {@value #SCHEMA_VERSION_HEADER}; an event without the header (written by other code) is at version 1.
 * Records must be readable by Jackson: in a named module, open their package to
 * {@code com.fasterxml.jackson.databind}. {@code java.time} types are not supported (store them as
 * strings or numbers). Immutable and thread-safe.
 */
public final class EventCodec {
  /** The metadata header that holds an event's schema version (a decimal number, 1 or more). */
  public static final String SCHEMA_VERSION_HEADER = "schema-version";

  private record Entry(String name, int version, Class<? extends Record> type, Map<Integer, Upcaster> upcasters) {}

  private final Map<String, Entry> byName;
  private final Map<Class<?>, Entry> byClass;

  private EventCodec(Map<String, Entry> byName) {
    this.byName = Map.copyOf(byName);
    Map<Class<?>, Entry> classes = new HashMap<>();
    byName.values().forEach(e -> classes.put(e.type(), e));
    this.byClass = Map.copyOf(classes);
  }

  /** A builder for a codec. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the registrations and upcasters of an {@link EventCodec}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Entry> byName = new LinkedHashMap<>();
    private final Map<Class<?>, String> byClass = new HashMap<>();
    private final Map<String, Map<Integer, Upcaster>> upcasters = new HashMap<>();

    private Builder() {}

    /** As {@link #register(String, int, Class)} at schema version 1. */
    public Builder register(String name, Class<? extends Record> type) {
      return register(name, 1, type);
    }

    /**
     * Maps {@code name} to {@code type}, both ways, at schema version {@code version}: new events of
     * the type are written at that version, and older data is upcast to it on read.
     *
     * @throws IllegalArgumentException if the name or the class is registered already, the name is
     *     empty or longer than {@value EventData#MAX_TYPE_LENGTH} characters, or the version is below 1
     */
    public Builder register(String name, int version, Class<? extends Record> type) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      checkName(name);
      if (version < 1) {
        throw new IllegalArgumentException("schema version of event type '" + name + "' must be >= 1, was "
            + version);
      }
      if (byName.containsKey(name)) {
        throw new IllegalArgumentException("event type '" + name + "' is already registered for "
            + byName.get(name).type().getName());
      }
      if (byClass.containsKey(type)) {
        throw new IllegalArgumentException(type.getName() + " is already registered as event type '"
            + byClass.get(type) + "'");
      }
      byName.put(name, new Entry(name, version, type, Map.of()));
      byClass.put(type, name);
      return this;
    }

    /**
     * Adds the upcaster that turns data of event type {@code name} at schema version {@code from}
     * into version {@code from + 1}. Chains run in order: v1 data of a type at version 3 goes through
     * the upcasters from 1 and from 2.
     *
     * @throws IllegalArgumentException if {@code from} is below 1, or an upcaster from that version is
     *     registered already
     */
    public Builder upcast(String name, int from, Upcaster upcaster) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(upcaster, "upcaster");
      checkName(name);
      if (from < 1) {
        throw new IllegalArgumentException("upcaster of event type '" + name + "' must start at a version >= 1, was "
            + from);
      }
      if (upcasters.computeIfAbsent(name, n -> new HashMap<>()).putIfAbsent(from, upcaster) != null) {
        throw new IllegalArgumentException("event type '" + name + "' already has an upcaster from version " + from);
      }
      return this;
    }

    private static void checkName(String name) {
      if (name.isEmpty()) {
        throw new IllegalArgumentException("event type name must not be empty");
      }
      if (name.length() > EventData.MAX_TYPE_LENGTH) {
        throw new IllegalArgumentException("event type name must be at most " + EventData.MAX_TYPE_LENGTH
            + " characters, was " + name.length());
      }
    }

    /**
     * The codec.
     *
     * @throws IllegalArgumentException if an upcaster names an unregistered type or starts at or after
     *     its type's version, or if a type at version n lacks an upcaster from some version below n
     */
    public EventCodec build() {
      Map<String, Entry> entries = new LinkedHashMap<>();
      for (var chain : new TreeMap<>(upcasters).entrySet()) {
        Entry entry = byName.get(chain.getKey());
        if (entry == null) {
          throw new IllegalArgumentException("upcaster for event type '" + chain.getKey()
              + "', which is not registered");
        }
        for (int from : new TreeMap<>(chain.getValue()).keySet()) {
          if (from >= entry.version()) {
            throw new IllegalArgumentException("upcaster of event type '" + entry.name() + "' from version " + from
                + " is not below its registered version " + entry.version());
          }
        }
      }
      for (Entry entry : byName.values()) {
        Map<Integer, Upcaster> chain = upcasters.getOrDefault(entry.name(), Map.of());
        for (int v = 1; v < entry.version(); v++) {
          if (!chain.containsKey(v)) {
            throw new IllegalArgumentException("event type '" + entry.name() + "' is at schema version "
                + entry.version() + " but has no upcaster from version " + v);
          }
        }
        entries.put(entry.name(), new Entry(entry.name(), entry.version(), entry.type(), Map.copyOf(chain)));
      }
      return new EventCodec(entries);
    }
  }

  /**
   * The type name registered for {@code type}.
   *
   * @throws IllegalArgumentException if the class is not registered
   */
  public String typeName(Class<?> type) {
    return entryOf(type).name();
  }

  /**
   * The current schema version of the event type {@code name}.
   *
   * @throws IllegalArgumentException if the type is not registered
   */
  public int schemaVersion(String name) {
    Entry entry = byName.get(name);
    if (entry == null) {
      throw new IllegalArgumentException("no event type registered as '" + name + "'");
    }
    return entry.version();
  }

  /** Whether the event type {@code name} is registered. */
  public boolean knows(String name) {
    return byName.containsKey(name);
  }

  /** As {@link #encode(Record, EventMetadata)} with empty metadata. */
  public EventData encode(Record event) {
    return encode(event, EventMetadata.EMPTY);
  }

  /**
   * {@code event} as event data: its registered type name, its JSON, a fresh UUIDv7 id, and
   * {@code metadata} plus the header {@value #SCHEMA_VERSION_HEADER} set to the type's current version.
   *
   * @throws IllegalArgumentException if its class is not registered, or Jackson cannot serialise it
   */
  public EventData encode(Record event, EventMetadata metadata) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(metadata, "metadata");
    Entry entry = entryOf(event.getClass());
    return EventData.of(entry.name(), AggregatesJson.write(event))
        .withMetadata(metadata.withHeader(SCHEMA_VERSION_HEADER, Integer.toString(entry.version())));
  }

  /**
   * The record stored in {@code event}: its data upcast from the schema version in its header to the
   * current one, then read as the class registered for its type.
   *
   * @throws EventDecodingException if the type is not registered, the schema version header is not a
   *     number from 1 to the current version, the data is malformed JSON, an upcaster fails, or the
   *     (upcast) data does not fit the record exactly
   */
  public Record decode(RecordedEvent event) {
    Objects.requireNonNull(event, "event");
    Entry entry = byName.get(event.type());
    String where = "event type '" + event.type() + "' at version " + event.version() + " of stream '"
        + event.stream() + "'";
    if (entry == null) {
      throw new EventDecodingException(event, "no Java type registered for event type '" + event.type()
          + "' (stream '" + event.stream() + "', version " + event.version() + ")", null);
    }
    int version = storedVersion(event, where);
    if (version > entry.version()) {
      throw new EventDecodingException(event, where + " has schema version " + version
          + ", newer than the newest this codec knows (" + entry.version() + ")", null);
    }
    try {
      if (version == entry.version()) {
        return AggregatesJson.read(event.data(), entry.type());
      }
      Map<String, Object> data = AggregatesJson.readObject(event.data());
      for (int v = version; v < entry.version(); v++) {
        try {
          data = entry.upcasters().get(v).upcast(data);
        } catch (RuntimeException e) {
          throw new EventDecodingException(event, where + " could not be upcast from schema version " + v
              + " to " + (v + 1) + ": " + e, e);
        }
        if (data == null) {
          throw new EventDecodingException(event, where + " could not be upcast from schema version " + v
              + " to " + (v + 1) + ": the upcaster returned null", null);
        }
      }
      return AggregatesJson.convert(data, entry.type());
    } catch (AggregatesJson.Failure f) {
      if (f.malformed()) {
        throw new EventDecodingException(event, where + " has malformed JSON data: " + f.getMessage(), f);
      }
      throw new EventDecodingException(event, where + (version == entry.version() ? "" : " (upcast from schema version "
          + version + ")") + " does not fit " + entry.type().getSimpleName() + ": " + f.getMessage(), f);
    }
  }

  /**
   * As {@link #decode(RecordedEvent)}, checked to be a {@code type} (a record class or an interface
   * the records implement).
   *
   * @throws EventDecodingException as {@link #decode(RecordedEvent)}, or if the event is not a {@code type}
   */
  public <T> T decode(RecordedEvent event, Class<T> type) {
    Record r = decode(event);
    if (!type.isInstance(r)) {
      throw new EventDecodingException(event, "event type '" + event.type() + "' at version "
          + event.version() + " of stream '" + event.stream() + "' is a " + r.getClass().getSimpleName()
          + ", not a " + type.getSimpleName(), null);
    }
    return type.cast(r);
  }

  private static int storedVersion(RecordedEvent event, String where) {
    String header = event.metadata().headers().get(SCHEMA_VERSION_HEADER);
    if (header == null) {
      return 1;
    }
    try {
      int v = Integer.parseInt(header);
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below, with the value
    }
    throw new EventDecodingException(event, where + " has a " + SCHEMA_VERSION_HEADER
        + " header that is not a number >= 1: '" + header + "'", null);
  }

  private Entry entryOf(Class<?> type) {
    Entry entry = byClass.get(type);
    if (entry == null) {
      throw new IllegalArgumentException("no event type registered for " + type.getName());
    }
    return entry;
  }
}
