package dev.architect.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Serialisation with schema versions, upcasting on read, and every error the codec reports. */
class EventCodecTest {
  /** Version 3 of a deposit: v1 had {amount}, v2 added currency, v3 renamed amount to cents. */
  record Deposited(long cents, String currency) {}

  record Opened(String owner, List<String> tags) {}

  record Rate(BigDecimal percent) {}

  @TempDir
  Path dir;

  private static final EventCodec CODEC = EventCodec.builder()
      .register("Opened", Opened.class)
      .register("Deposited", 3, Deposited.class)
      .register("Rate", Rate.class)
      .upcast("Deposited", 1, data -> {
        data.put("currency", "EUR");
        return data;
      })
      .upcast("Deposited", 2, data -> Map.of("cents", ((Number) data.get("amount")).longValue() * 100,
          "currency", data.get("currency")))
      .build();

  private static RecordedEvent stored(String type, String json, Map<String, String> headers) {
    return new RecordedEvent("account-1", 3, 7, UUID.randomUUID(), type, json.getBytes(StandardCharsets.UTF_8),
        new EventMetadata(null, null, headers), Instant.EPOCH);
  }

  private static RecordedEvent stored(String type, String json, int schemaVersion) {
    return stored(type, json, Map.of(EventCodec.SCHEMA_VERSION_HEADER, Integer.toString(schemaVersion)));
  }

  @Test
  void encodesWithTheCurrentSchemaVersionInTheHeaders() {
    EventData data = CODEC.encode(new Deposited(500, "USD"),
        EventMetadata.EMPTY.withCorrelationId("c-1").withHeader("user", "ada"));
    assertThat(data.type()).isEqualTo("Deposited");
    assertThat(data.dataAsString()).isEqualTo("{\"cents\":500,\"currency\":\"USD\"}");
    assertThat(data.metadata()).isEqualTo(new EventMetadata("c-1", null, Map.of("schema-version", "3", "user", "ada")));
    assertThat(CODEC.encode(new Opened("Ada", List.of("vip"))).metadata().headers())
        .containsExactly(Map.entry("schema-version", "1"));
    assertThat(CODEC.typeName(Deposited.class)).isEqualTo("Deposited");
    assertThat(CODEC.schemaVersion("Deposited")).isEqualTo(3);
    assertThat(CODEC.knows("Opened")).isTrue();
    assertThat(CODEC.knows("Closed")).isFalse();
  }

  @Test
  void upcastsEachOldVersionThroughTheChain() {
    assertThat(CODEC.decode(stored("Deposited", "{\"amount\":5}", Map.of()))).isEqualTo(new Deposited(500, "EUR"));
    assertThat(CODEC.decode(stored("Deposited", "{\"amount\":5}", 1))).isEqualTo(new Deposited(500, "EUR"));
    assertThat(CODEC.decode(stored("Deposited", "{\"amount\":7,\"currency\":\"GBP\"}", 2)))
        .isEqualTo(new Deposited(700, "GBP"));
    assertThat(CODEC.decode(stored("Deposited", "{\"cents\":9,\"currency\":\"CHF\"}", 3), Deposited.class))
        .isEqualTo(new Deposited(9, "CHF"));
    // Decimals in upcast trees keep their digits (BigDecimal, not double).
    EventCodec rates = EventCodec.builder().register("Rate", 2, Rate.class).upcast("Rate", 1, d -> d).build();
    assertThat(rates.decode(stored("Rate", "{\"percent\":0.1000000000000000055511}", 1)))
        .isEqualTo(new Rate(new BigDecimal("0.1000000000000000055511")));
  }

  @Test
  void upcastsWhatTheStoreGivesBack() {
    EventCodec v1 = EventCodec.builder().register("Deposited", EventCodecTest.V1Deposited.class).build();
    try (EventStore store = EventStore.builder("sqlite:" + dir.resolve("e.db")).durability(Durability.NORMAL).build()) {
      store.append("account-1", ExpectedVersion.NO_STREAM, v1.encode(new V1Deposited(12)),
          CODEC.encode(new Deposited(1, "USD")));
      List<RecordedEvent> events = store.readStream("account-1", 0, Direction.FORWARDS, 10);
      assertThat(events).extracting(e -> CODEC.decode(e, Deposited.class))
          .containsExactly(new Deposited(1200, "EUR"), new Deposited(1, "USD"));
      assertThat(events).extracting(e -> e.metadata().headers().get("schema-version")).containsExactly("1", "3");
    }
  }

  record V1Deposited(long amount) {}

  @Test
  void neverMisreadsMissingOrExtraData() {
    // A v3 header on v1 data: the missing cents must not become 0.
    assertThatThrownBy(() -> CODEC.decode(stored("Deposited", "{\"amount\":5,\"currency\":\"EUR\"}", 3)))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageStartingWith("event type 'Deposited' at version 3 of stream 'account-1' does not fit Deposited: ");
    assertThatThrownBy(() -> CODEC.decode(stored("Deposited", "{\"currency\":\"EUR\"}", 3)))
        .hasMessage("event type 'Deposited' at version 3 of stream 'account-1' does not fit Deposited: Missing creator "
            + "property 'cents' (index 0); `DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES` enabled");
    assertThatThrownBy(() -> CODEC.decode(stored("Deposited", "{\"cents\":null,\"currency\":\"EUR\"}", 3)))
        .hasMessageContaining("does not fit Deposited: Cannot map `null` into type `long`");
    assertThatThrownBy(() -> CODEC.decode(stored("Deposited", "{\"amount\":\"x\"}", 2)))
        .hasMessageStartingWith("event type 'Deposited' at version 3 of stream 'account-1' could not be upcast "
            + "from schema version 2 to 3: java.lang.ClassCastException");
  }

  @Test
  void reportsWhatCannotBeDecoded() {
    assertThatThrownBy(() -> CODEC.decode(stored("Deposited", "{\"cents\":", 3)))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageStartingWith("event type 'Deposited' at version 3 of stream 'account-1' has malformed JSON data: "
            + "Unexpected end-of-input");
    assertThatThrownBy(() -> CODEC.decode(stored("Deposited", "{\"amount\" 5}", 1)))
        .hasMessageStartingWith("event type 'Deposited' at version 3 of stream 'account-1' has malformed JSON data: "
            + "Unexpected character ('5' (code 53)): was expecting a colon to separate field name and value")
        .hasMessageEndingWith(" at line 1, column 11");
    assertThatThrownBy(() -> CODEC.decode(stored("Deposited", "[1]", 1)))
        .hasMessageStartingWith("event type 'Deposited' at version 3 of stream 'account-1' (upcast from schema "
            + "version 1) does not fit Deposited: ");
    assertThatThrownBy(() -> CODEC.decode(stored("Deposited", "{}", 4)))
        .hasMessage("event type 'Deposited' at version 3 of stream 'account-1' has schema version 4, newer than "
            + "the newest this codec knows (3)");
    assertThatThrownBy(() -> CODEC.decode(stored("Deposited", "{}", Map.of("schema-version", "two"))))
        .hasMessage("event type 'Deposited' at version 3 of stream 'account-1' has a schema-version header that is"
            + " not a number >= 1: 'two'");
    assertThatThrownBy(() -> CODEC.decode(stored("Deposited", "{}", Map.of("schema-version", "0"))))
        .hasMessageEndingWith("header that is not a number >= 1: '0'");
    assertThatThrownBy(() -> CODEC.decode(stored("Closed", "{}", 1)))
        .isInstanceOfSatisfying(EventDecodingException.class, e -> assertThat(e.event().type()).isEqualTo("Closed"))
        .hasMessage("no Java type registered for event type 'Closed' (stream 'account-1', version 3)");
    assertThatThrownBy(() -> CODEC.decode(stored("Opened", "{\"owner\":\"A\",\"tags\":[]}", 1), Deposited.class))
        .hasMessage("event type 'Opened' at version 3 of stream 'account-1' is a Opened, not a Deposited");
    assertThatThrownBy(() -> CODEC.encode(new V1Deposited(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no event type registered for " + V1Deposited.class.getName());
    assertThatThrownBy(() -> CODEC.schemaVersion("Closed")).hasMessage("no event type registered as 'Closed'");
    EventCodec nulling = EventCodec.builder().register("Opened", 2, Opened.class).upcast("Opened", 1, d -> null).build();
    assertThatThrownBy(() -> nulling.decode(stored("Opened", "{}", 1)))
        .hasMessage("event type 'Opened' at version 3 of stream 'account-1' could not be upcast from schema version 1"
            + " to 2: the upcaster returned null");
  }

  @Test
  void rejectsInconsistentRegistrations() {
    assertThatThrownBy(() -> EventCodec.builder().register("D", 3, Deposited.class).upcast("D", 1, d -> d).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event type 'D' is at schema version 3 but has no upcaster from version 2");
    assertThatThrownBy(() -> EventCodec.builder().register("D", 2, Deposited.class).upcast("D", 2, d -> d).build())
        .hasMessage("upcaster of event type 'D' from version 2 is not below its registered version 2");
    assertThatThrownBy(() -> EventCodec.builder().upcast("X", 1, d -> d).build())
        .hasMessage("upcaster for event type 'X', which is not registered");
    assertThatThrownBy(() -> EventCodec.builder().upcast("D", 1, d -> d).upcast("D", 1, d -> d))
        .hasMessage("event type 'D' already has an upcaster from version 1");
    assertThatThrownBy(() -> EventCodec.builder().upcast("D", 0, d -> d))
        .hasMessage("upcaster of event type 'D' must start at a version >= 1, was 0");
    assertThatThrownBy(() -> EventCodec.builder().register("D", 0, Deposited.class))
        .hasMessage("schema version of event type 'D' must be >= 1, was 0");
    assertThatThrownBy(() -> EventCodec.builder().register("A", Opened.class).register("A", Deposited.class))
        .hasMessage("event type 'A' is already registered for " + Opened.class.getName());
    assertThatThrownBy(() -> EventCodec.builder().register("A", Opened.class).register("B", Opened.class))
        .hasMessage(Opened.class.getName() + " is already registered as event type 'A'");
    assertThatThrownBy(() -> EventCodec.builder().register("", Opened.class))
        .hasMessage("event type name must not be empty");
    assertThatThrownBy(() -> EventCodec.builder().register("x".repeat(201), Opened.class))
        .hasMessage("event type name must be at most 200 characters, was 201");
  }
}
