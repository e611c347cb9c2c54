package dev.architect.eventstore.internal;

import dev.architect.eventstore.Direction;
import dev.architect.eventstore.EventData;
import dev.architect.eventstore.EventMetadata;
import dev.architect.eventstore.EventStore;
import dev.architect.eventstore.ExpectedVersion;
import dev.architect.eventstore.RecordedEvent;
import dev.architect.eventstore.Snapshot;
import dev.architect.eventstore.SnapshotStore;
import dev.architect.eventstore.StreamMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Snapshots as events of type {@value #TYPE} in the stream {@code snapshot-<stream>}: the data is the
 * state JSON, the headers carry the version, event id and schema version. The stream's max count keeps
 * the newest {@link SnapshotStore#KEPT}; it is set when the stream is first written.
 */
public final class AggregatesStreamSnapshots implements SnapshotStore {
  static final String TYPE = "Snapshot";
  static final String VERSION = "snapshot-version";
  static final String EVENT_ID = "snapshot-event-id";
  static final String SCHEMA = "snapshot-schema-version";

  private final EventStore store;

  public AggregatesStreamSnapshots(EventStore store) {
    this.store = store;
  }

  static String streamOf(String stream) {
    return CATEGORY + "-" + stream;
  }

  @Override
  public void save(Snapshot snapshot) {
    String name = streamOf(snapshot.stream());
    EventMetadata metadata = EventMetadata.EMPTY
        .withHeader(VERSION, Long.toString(snapshot.version()))
        .withHeader(EVENT_ID, snapshot.eventId().toString())
        .withHeader(SCHEMA, Integer.toString(snapshot.schemaVersion()));
    store.append(name, ExpectedVersion.ANY, EventData.of(TYPE, snapshot.state()).withMetadata(metadata));
    if (store.streamMetadata(name).maxCount() == null) {
      store.setStreamMetadata(name, StreamMetadata.NONE.withMaxCount(KEPT));
    }
  }

  @Override
  public List<Snapshot> newestFirst(String stream) {
    List<Snapshot> found = new ArrayList<>();
    for (RecordedEvent e : store.readStream(streamOf(stream), EventStore.END, Direction.BACKWARDS, KEPT)) {
      Snapshot s = parse(stream, e);
      if (s != null) {
        found.add(s);
      }
    }
    found.sort((a, b) -> Long.compare(b.version(), a.version()));
    return found;
  }

  /** The snapshot in {@code e}, or null if it is not one written here (then it is not usable). */
  private static Snapshot parse(String stream, RecordedEvent e) {
    var h = e.metadata().headers();
    if (!TYPE.equals(e.type()) || h.get(VERSION) == null || h.get(EVENT_ID) == null || h.get(SCHEMA) == null) {
      return null;
    }
    try {
      return new Snapshot(stream, Long.parseLong(h.get(VERSION)), UUID.fromString(h.get(EVENT_ID)),
          Integer.parseInt(h.get(SCHEMA)), e.data());
    } catch (IllegalArgumentException notOurs) { // NumberFormatException included: a foreign event, unusable
      return null;
    }
  }
}
