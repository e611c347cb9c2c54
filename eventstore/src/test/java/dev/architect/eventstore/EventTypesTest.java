package dev.architect.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Jackson serialisation through the type registry, and its errors. */
class EventTypesTest {
  record Opened(String owner, List<String> tags) {}

  record Deposited(long amount) {}

  record Unregistered(int x) {}

  private final EventTypes types = EventTypes.builder()
      .register("Opened", Opened.class).register("Deposited", Deposited.class).build();

  private static RecordedEvent stored(String type, String json) {
    return new RecordedEvent("account-1", 3, 7, UUID.randomUUID(), type, json.getBytes(StandardCharsets.UTF_8),
        EventMetadata.EMPTY, Instant.EPOCH);
  }

  @Test
  void roundTripsRecords() {
    EventData data = types.toEventData(new Opened("Ada", List.of("vip")));
    assertThat(data.type()).isEqualTo("Opened");
    assertThat(data.dataAsString()).isEqualTo("{\"owner\":\"Ada\",\"tags\":[\"vip\"]}");
    assertThat(types.decode(stored("Opened", data.dataAsString()))).isEqualTo(new Opened("Ada", List.of("vip")));
    assertThat(types.decode(stored("Deposited", "{\"amount\":5}"), Deposited.class)).isEqualTo(new Deposited(5));
    assertThat(types.nameOf(Deposited.class)).isEqualTo("Deposited");
  }

  @Test
  void reportsWhatCannotBeDecoded() {
    assertThatThrownBy(() -> types.decode(stored("Deposited", "{\"amount\":")))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageStartingWith("event type 'Deposited' at version 3 of stream 'account-1' has malformed JSON data: "
            + "Unexpected end-of-input");
    assertThatThrownBy(() -> types.decode(stored("Deposited", "{\"amount\":\"lots\"}")))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageStartingWith("event type 'Deposited' at version 3 of stream 'account-1' does not fit Deposited: ");
    assertThatThrownBy(() -> types.decode(stored("Closed", "{}")))
        .isInstanceOfSatisfying(EventDecodingException.class, e -> assertThat(e.event().type()).isEqualTo("Closed"))
        .hasMessage("no Java type registered for event type 'Closed' (stream 'account-1', version 3)");
    assertThatThrownBy(() -> types.decode(stored("Opened", "{\"owner\":\"A\"}"), Deposited.class))
        .hasMessage("event type 'Opened' at version 3 of stream 'account-1' is a Opened, not a Deposited");
    assertThatThrownBy(() -> types.toEventData(new Unregistered(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no event type registered for " + Unregistered.class.getName());
  }

  @Test
  void rejectsConflictingRegistrations() {
    assertThatThrownBy(() -> EventTypes.builder().register("A", Opened.class).register("A", Deposited.class))
        .hasMessage("event type 'A' is already registered for " + Opened.class.getName());
    assertThatThrownBy(() -> EventTypes.builder().register("A", Opened.class).register("B", Opened.class))
        .hasMessage(Opened.class.getName() + " is already registered as event type 'A'");
    assertThatThrownBy(() -> EventTypes.builder().register("", Opened.class))
        .hasMessage("event type name must not be empty");
  }
}
