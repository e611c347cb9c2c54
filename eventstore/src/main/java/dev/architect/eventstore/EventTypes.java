package dev.architect.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.architect.eventstore.internal.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A registry of event types: maps type names to Java records and back, with Jackson JSON as the data
 * format.
 *
 * <pre>{@code
 * record Deposited(long amount) {}
 * EventTypes types = EventTypes.builder().register("Deposited", Deposited.class).build();
 * store.append("account-1", ExpectedVersion.ANY, types.toEventData(new Deposited(100)));
 * Deposited d = types.decode(store.readStream("account-1", 0, Direction.FORWARDS, 1).getFirst(), Deposited.class);
 * }</pre>
 *
 * <p>Records in a named module must open their package to {@code com.fasterxml.jackson.databind}.
 * Immutable and thread-safe.
 */
public final class EventTypes {
  private final Map<String, Class<? extends Record>> byName;
  private final Map<Class<?>, String> byClass;

  private EventTypes(Map<String, Class<? extends Record>> byName, Map<Class<?>, String> byClass) {
    this.byName = Map.copyOf(byName);
    this.byClass = Map.copyOf(byClass);
  }

  /** A builder for a registry. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the registrations of an {@link EventTypes}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Class<? extends Record>> byName = new LinkedHashMap<>();
    private final Map<Class<?>, String> byClass = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Maps {@code name} to {@code type}, both ways.
     *
     * @throws IllegalArgumentException if the name or the class is registered already, or the name
     *     is empty
     */
    public Builder register(String name, Class<? extends Record> type) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("event type name must not be empty");
      }
      if (byName.containsKey(name)) {
        throw new IllegalArgumentException("event type '" + name + "' is already registered for "
            + byName.get(name).getName());
      }
      if (byClass.containsKey(type)) {
        throw new IllegalArgumentException(type.getName() + " is already registered as event type '"
            + byClass.get(type) + "'");
      }
      byName.put(name, type);
      byClass.put(type, name);
      return this;
    }

    /** The registry. */
    public EventTypes build() {
      return new EventTypes(byName, byClass);
    }
  }

  /**
   * The type name registered for {@code type}.
   *
   * @throws IllegalArgumentException if the class is not registered
   */
  public String nameOf(Class<?> type) {
    String name = byClass.get(type);
    if (name == null) {
      throw new IllegalArgumentException("no event type registered for " + type.getName());
    }
    return name;
  }

  /**
   * {@code event} as event data: its registered type name, its JSON, a fresh UUIDv7 id.
   *
   * @throws IllegalArgumentException if its class is not registered
   * @throws EventStoreException if Jackson cannot serialise it
   */
  public EventData toEventData(Record event) {
    String name = nameOf(event.getClass());
    try {
      return EventData.of(name, Json.MAPPER.writeValueAsBytes(event));
    } catch (JsonProcessingException e) {
      throw new EventStoreException("cannot serialise " + event.getClass().getName() + " to JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /**
   * The record stored in {@code event}, of the class registered for its type.
   *
   * @throws EventDecodingException if the type is not registered, or the data is malformed JSON or
   *     does not fit the record
   */
  public Record decode(RecordedEvent event) {
    Class<? extends Record> type = byName.get(event.type());
    if (type == null) {
      throw new EventDecodingException(event, "no Java type registered for event type '" + event.type()
          + "' (stream '" + event.stream() + "', version " + event.version() + ")", null);
    }
    try {
      return Json.MAPPER.readValue(event.data(), type);
    } catch (StreamReadException e) {
      throw new EventDecodingException(event, "event type '" + event.type() + "' at version "
          + event.version() + " of stream '" + event.stream() + "' has malformed JSON data: "
          + e.getOriginalMessage(), e);
    } catch (java.io.IOException e) {
      String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new EventDecodingException(event, "event type '" + event.type() + "' at version "
          + event.version() + " of stream '" + event.stream() + "' does not fit " + type.getSimpleName()
          + ": " + reason, e);
    }
  }

  /**
   * As {@link #decode(RecordedEvent)}, checked to be a {@code type}.
   *
   * @throws EventDecodingException as {@link #decode(RecordedEvent)}, or if the event is of another type
   */
  public <T extends Record> T decode(RecordedEvent event, Class<T> type) {
    Record r = decode(event);
    if (!type.isInstance(r)) {
      throw new EventDecodingException(event, "event type '" + event.type() + "' at version "
          + event.version() + " of stream '" + event.stream() + "' is a " + r.getClass().getSimpleName()
          + ", not a " + type.getSimpleName(), null);
    }
    return type.cast(r);
  }
}
