package dev.architect.vfs.internal;

import dev.architect.vfs.DbFileSystems;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The environment of a {@code db:} file system, parsed and checked. */
record Config(boolean create, boolean readOnly, int chunkSize, String durability, Duration busyTimeout) {
  static final int DEFAULT_CHUNK_SIZE = 64 * 1024;
  private static final Set<String> KEYS = Set.of(DbFileSystems.CREATE, DbFileSystems.READ_ONLY,
      DbFileSystems.CHUNK_SIZE, DbFileSystems.DURABILITY, DbFileSystems.BUSY_TIMEOUT);

  static Config of(Map<String, ?> env) {
    for (String key : env.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("env key '" + key + "' is unknown; known keys: " + KEYS.stream().sorted().toList());
      }
    }
    boolean create = bool(env, DbFileSystems.CREATE);
    boolean readOnly = bool(env, DbFileSystems.READ_ONLY);
    int chunkSize = DEFAULT_CHUNK_SIZE;
    Object cs = env.get(DbFileSystems.CHUNK_SIZE);
    if (cs != null) {
      long v;
      try {
        v = cs instanceof Number n ? n.longValue() : Long.parseLong(cs.toString().trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("env chunkSize must be a number, was '" + cs + "'");
      }
      if (v < 512 || v > 4 << 20 || Long.bitCount(v) != 1) {
        throw new IllegalArgumentException("env chunkSize must be a power of two from 512 to 4194304, was " + v);
      }
      chunkSize = (int) v;
    }
    String durability = "normal";
    Object d = env.get(DbFileSystems.DURABILITY);
    if (d != null) {
      durability = d.toString().toLowerCase(Locale.ROOT);
      if (!Set.of("normal", "full", "off").contains(durability)) {
        throw new IllegalArgumentException("env durability must be normal, full or off, was '" + d + "'");
      }
    }
    Duration busyTimeout = Duration.ofSeconds(10);
    Object t = env.get(DbFileSystems.BUSY_TIMEOUT);
    if (t != null) {
      if (t instanceof Duration duration) {
        busyTimeout = duration;
      } else {
        try {
          busyTimeout = Duration.ofMillis(t instanceof Number n ? n.longValue() : Long.parseLong(t.toString().trim()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("env busyTimeout must be a Duration or milliseconds, was '" + t + "'");
        }
      }
      if (busyTimeout.isNegative()) {
        throw new IllegalArgumentException("env busyTimeout must not be negative, was " + busyTimeout);
      }
    }
    return new Config(create, readOnly, chunkSize, durability, busyTimeout);
  }

  private static boolean bool(Map<String, ?> env, String key) {
    Object v = env.get(key);
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    String s = v.toString().trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("env " + key + " must be true or false, was '" + v + "'");
    };
  }
}
