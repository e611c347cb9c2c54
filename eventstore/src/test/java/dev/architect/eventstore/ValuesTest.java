package dev.architect.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The value types: their checks and messages. */
class ValuesTest {
  @Test
  void expectedVersionParsesWhatItPrints() {
    for (ExpectedVersion x : new ExpectedVersion[] {ExpectedVersion.ANY, ExpectedVersion.NO_STREAM,
        ExpectedVersion.STREAM_EXISTS, ExpectedVersion.exactly(0), ExpectedVersion.exactly(42)}) {
      assertThat(ExpectedVersion.parse(x.toString())).isEqualTo(x);
    }
    assertThat(ExpectedVersion.exactly(7).version()).isEqualTo(7);
    assertThatThrownBy(() -> ExpectedVersion.parse("latest"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected version must be any, no-stream, exists or a version >= 0, was 'latest'");
    assertThatThrownBy(() -> ExpectedVersion.exactly(-1))
        .hasMessage("expected version must be >= 0, was -1");
    assertThatThrownBy(() -> ExpectedVersion.parse("-3"))
        .hasMessage("expected version must be >= 0, was -3");
    assertThatThrownBy(() -> ExpectedVersion.ANY.version())
        .isInstanceOf(IllegalStateException.class).hasMessage("expected version any is not an exact version");
  }

  @Test
  void jsonEventsMustBeWellFormed() {
    assertThat(EventData.json("Deposited", "{\"amount\":1}").dataAsString()).isEqualTo("{\"amount\":1}");
    assertThatThrownBy(() -> EventData.json("Deposited", "{\"amount\":}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("data of event type 'Deposited' is not well-formed JSON: Unexpected character ('}'")
        .hasMessageEndingWith(" at line 1, column 11");
    assertThatThrownBy(() -> EventData.json("Deposited", "{} {}"))
        .hasMessageStartingWith("data of event type 'Deposited' is not well-formed JSON: Trailing token");
    assertThatThrownBy(() -> EventData.json("Deposited", ""))
        .hasMessage("data of event type 'Deposited' is not well-formed JSON: no JSON value");
  }

  @Test
  void eventTypesAreChecked() {
    assertThatThrownBy(() -> EventData.of("", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("event type must not be empty");
    assertThatThrownBy(() -> EventData.of("T".repeat(201), new byte[0]))
        .hasMessage("event type must be at most 200 characters, was 201: 'TTTTTTTTTTTTTTTTTTTT...'");
    assertThatThrownBy(() -> EventData.of(null, new byte[0]))
        .isInstanceOf(NullPointerException.class).hasMessage("type");
  }

  @Test
  void eventIdsAreTimeOrderedVersion7() {
    UUID previous = EventData.of("T", new byte[0]).id();
    for (int i = 0; i < 10_000; i++) {
      UUID id = EventData.of("T", new byte[0]).id();
      assertThat(id.version()).isEqualTo(7);
      assertThat(id.variant()).isEqualTo(2);
      assertThat(Long.compareUnsigned(id.getMostSignificantBits(), previous.getMostSignificantBits()))
          .isPositive();
      previous = id;
    }
    long millis = previous.getMostSignificantBits() >>> 16;
    assertThat(Math.abs(millis - System.currentTimeMillis())).isLessThan(60_000);
  }

  @Test
  void valuesCompareByContent() {
    UUID id = UUID.randomUUID();
    EventData a = new EventData(id, "T", new byte[] {1, 2}, new EventMetadata("c", null, Map.of("k", "v")));
    EventData b = new EventData(id, "T", new byte[] {1, 2}, new EventMetadata("c", null, Map.of("k", "v")));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(b.withMetadata(EventMetadata.EMPTY));
  }

  @Test
  void streamMetadataIsChecked() {
    assertThatThrownBy(() -> StreamMetadata.NONE.withMaxCount(0)).hasMessage("maxCount must be >= 1, was 0");
    assertThatThrownBy(() -> StreamMetadata.NONE.withMaxAge(Duration.ZERO)).hasMessage("maxAge must be positive, was PT0S");
    assertThatThrownBy(() -> StreamMetadata.NONE.withTruncateBefore(-1)).hasMessage("truncateBefore must be >= 0, was -1");
    assertThatThrownBy(() -> EventStore.builder("sqlite:x.db").maxEventSize(0)).hasMessage("maxEventSize must be >= 1, was 0");
    assertThat(EventStore.categoryOf("account-42-x")).isEqualTo("account");
    assertThat(EventStore.categoryOf("account")).isEqualTo("account");
  }
}
