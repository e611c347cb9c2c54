package dev.architect.eventstore.internal;

import dev.architect.eventstore.EventData;
import dev.architect.eventstore.StreamAppend;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Argument checks with the messages users see. */
final class Checks {
  private final int maxStreamNameLength;
  private final int maxEventSize;

  Checks(int maxStreamNameLength, int maxEventSize) {
    this.maxStreamNameLength = maxStreamNameLength;
    this.maxEventSize = maxEventSize;
  }

  String stream(String stream) {
    Objects.requireNonNull(stream, "stream");
    if (stream.isEmpty()) {
      throw new IllegalArgumentException("stream must not be empty");
    }
    if (stream.length() > maxStreamNameLength) {
      throw new IllegalArgumentException("stream must be at most " + maxStreamNameLength
          + " characters, was " + stream.length() + ": '" + stream.substring(0, 20) + "...'");
    }
    if (stream.charAt(0) == '$') {
      throw new IllegalArgumentException(
          "stream must not start with '$' (reserved for system streams), was '" + stream + "'");
    }
    for (int i = 0; i < stream.length(); i++) {
      if (Character.isISOControl(stream.charAt(i))) {
        throw new IllegalArgumentException("stream must not contain control characters, was '"
            + stream.replaceAll("\\p{Cntrl}", "?") + "' (at index " + i + ")");
      }
    }
    return stream;
  }

  static String category(String category) {
    Objects.requireNonNull(category, "category");
    if (category.isEmpty()) {
      throw new IllegalArgumentException("category must not be empty");
    }
    if (category.indexOf('-') >= 0) {
      throw new IllegalArgumentException("category must not contain '-', was '" + category + "'");
    }
    return category;
  }

  static void limit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, was " + limit);
    }
  }

  static void position(long from) {
    if (from < 0) {
      throw new IllegalArgumentException("fromPosition must be >= 0, was " + from);
    }
  }

  static void version(long from) {
    if (from < 0) {
      throw new IllegalArgumentException("from version must be >= 0, was " + from);
    }
  }

  /** Checks every stream and event of a (multi-stream) append. */
  void appends(List<StreamAppend> appends) {
    Objects.requireNonNull(appends, "appends");
    if (appends.isEmpty()) {
      throw new IllegalArgumentException("appends must not be empty");
    }
    Set<String> streams = new HashSet<>();
    Set<UUID> ids = new HashSet<>();
    for (StreamAppend a : appends) {
      Objects.requireNonNull(a, "append");
      stream(a.stream());
      if (!streams.add(a.stream())) {
        throw new IllegalArgumentException(
            "stream '" + a.stream() + "' appears more than once in one multi-stream append");
      }
      for (EventData e : a.events()) {
        if (!ids.add(e.id())) {
          throw new IllegalArgumentException("event id " + e.id() + " appears more than once in one append");
        }
        long size = (long) e.data().length + metadataSize(e);
        if (size > maxEventSize) {
          throw new IllegalArgumentException("event " + e.id() + " of type '" + e.type() + "' is " + size
              + " bytes, over the limit of " + maxEventSize + " bytes (data plus metadata)");
        }
      }
    }
  }

  private static long metadataSize(EventData e) {
    var m = e.metadata();
    long size = 0;
    if (m.correlationId() != null) {
      size += m.correlationId().length();
    }
    if (m.causationId() != null) {
      size += m.causationId().length();
    }
    for (var h : m.headers().entrySet()) {
      size += h.getKey().length() + h.getValue().length();
    }
    return size;
  }
}
