package dev.architect.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of eventstore/README.md, compiled and run. */
class ReadmeExampleTest {
  @TempDir
  Path dir;

  @Test
  void smallestUsefulExample() {
    try (EventStore store = EventStore.open("sqlite:" + dir.resolve("events.db"))) {
      store.append("account-42", ExpectedVersion.NO_STREAM,
          EventData.json("Opened", "{\"owner\":\"Ada\"}"),
          EventData.json("Deposited", "{\"amount\":100}"));

      List<RecordedEvent> events = store.readStream("account-42", 0, Direction.FORWARDS, 100);
      assertThat(events.get(1).version()).isEqualTo(1);
      assertThat(events.get(1).dataAsString()).isEqualTo("{\"amount\":100}");
    }
  }

  @Test
  void subscriptionExample() throws Exception {
    try (EventStore store = EventStore.open("sqlite:" + dir.resolve("events.db"))) {
      store.append("account-42", ExpectedVersion.ANY, EventData.json("Opened", "{}"));
      long checkpoint = 0;
      List<String> projected = new ArrayList<>();
      Subscription s = store.subscribeToAll(checkpoint + 1, event -> projected.add(event.type()));
      store.append("account-42", ExpectedVersion.exactly(0), EventData.json("Deposited", "{\"amount\":5}"));
      assertThat(s.awaitCheckpoint(2, java.time.Duration.ofSeconds(30))).isTrue();
      s.close();
      assertThat(projected).containsExactly("Opened", "Deposited");
    }
  }

  record Deposited(long amount) {}

  @Test
  void typedEventsExample() {
    try (EventStore store = EventStore.open("sqlite:" + dir.resolve("typed.db"))) {
      EventTypes types = EventTypes.builder().register("Deposited", Deposited.class).build();
      store.append("account-1", ExpectedVersion.ANY, types.toEventData(new Deposited(100)));
      Deposited d = types.decode(store.readAll(1, 1).getFirst(), Deposited.class);
      assertThat(d).isEqualTo(new Deposited(100));
    }
  }
}
