package dev.architect.vfs.internal;

import dev.architect.vfs.DbFileSystems;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The environment of a {@code db:} file system, parsed and checked. */
record Config(boolean create, boolean readOnly, int chunkSize, int pageSize, String durability,
    Duration busyTimeout) {
  static final int DEFAULT_CHUNK_SIZE = 64 * 1024;
  static final int DEFAULT_PAGE_SIZE = 4096;
  private static final Set<String> KEYS = Set.of(DbFileSystems.CREATE, DbFileSystems.READ_ONLY,
      DbFileSystems.CHUNK_SIZE, DbFileSystems.PAGE_SIZE, DbFileSystems.DURABILITY, DbFileSystems.BUSY_TIMEOUT);

  static Config of(Map<String, ?> env) {
    for (String key : env.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("env key '" + key + "' is unknown; known keys: " + KEYS.stream().sorted().toList());
      }
    }
    boolean create = bool(env, DbFileSystems.CREATE);
    boolean readOnly = bool(env, DbFileSystems.READ_ONLY);
    int chunkSize = powerOfTwo(env, DbFileSystems.CHUNK_SIZE, DEFAULT_CHUNK_SIZE, 512, 4 << 20);
    int pageSize = powerOfTwo(env, DbFileSystems.PAGE_SIZE, DEFAULT_PAGE_SIZE, 512, 65536);
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
    return new Config(create, readOnly, chunkSize, pageSize, durability, busyTimeout);
  }

  private static int powerOfTwo(Map<String, ?> env, String key, int otherwise, int min, int max) {
    Object given = env.get(key);
    if (given == null) {
      return otherwise;
    }
    long v;
    try {
      v = given instanceof Number n ? n.longValue() : Long.parseLong(given.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("env " + key + " must be a number, was '" + given + "'");
    }
    if (v < min || v > max || Long.bitCount(v) != 1) {
      throw new IllegalArgumentException("env " + key + " must be a power of two from " + min + " to " + max
          + ", was " + v);
    }
    return (int) v;
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
