package dev.architect.crypto;

import java.io.ByteArrayOutputStream;

/**
 * The Argon2 string form as libsodium writes and reads it
 * ({@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}): the same parser rules (version
 * 19 only, decimals without leading zeros that fit 32 bits, unpadded standard base64 whose
 * unused bits are zero, nothing after the hash) and the same parameter checks (salt of 8 bytes or
 * more, hash of 16 or more, at least 8 KiB per lane, 1 to 2^24 - 1 lanes).
 */
final class Argon2Strings {
  /** Argon2id and Argon2i, the two types libsodium's string functions know. */
  enum Type {
    ARGON2ID("$argon2id"),
    ARGON2I("$argon2i");

    final String prefix;

    Type(String prefix) {
      this.prefix = prefix;
    }
  }

  /** A decoded string; {@code version} is always 0x13 (19), the only one libsodium accepts. */
  record Decoded(Type type, long version, long memoryKiB, long passes, long lanes, byte[] salt, byte[] hash) {}

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private Argon2Strings() {}

  static String encode(Type type, long memoryKiB, long passes, long lanes, byte[] salt, byte[] hash) {
    return type.prefix + "$v=19$m=" + memoryKiB + ",t=" + passes + ",p=" + lanes + "$" + base64(salt) + "$"
        + base64(hash);
  }

  /** The type libsodium's generic functions dispatch on, by prefix; null for neither. */
  static Type typeOf(String str) {
    if (cString(str).startsWith("$argon2id$")) {
      return Type.ARGON2ID;
    }
    if (cString(str).startsWith("$argon2i$")) {
      return Type.ARGON2I;
    }
    return null;
  }

  /** What C sees of a Java string: everything before the first NUL. */
  static String cString(String str) {
    int nul = str.indexOf('\0');
    return nul < 0 ? str : str.substring(0, nul);
  }

  /** The first 24 characters of {@code str}, for error messages (never a whole hash). */
  static String abbreviate(String str) {
    return "\"" + (str.length() <= 24 ? str : str.substring(0, 24) + "...") + "\"";
  }

  /** {@code str} decoded as libsodium's {@code argon2_decode_string} does, or null where it fails. */
  static Decoded decode(String str, Type type) {
    Parser p = new Parser(cString(str));
    if (!p.literal(type.prefix)) {
      return null;
    }
    long version = 0x10;
    if (p.literal("$v=")) {
      version = p.decimal();
      if (version < 0) {
        return null;
      }
    }
    if (!p.literal("$m=")) {
      return null;
    }
    long memory = p.decimal();
    if (memory < 0 || !p.literal(",t=")) {
      return null;
    }
    long passes = p.decimal();
    if (passes < 0 || !p.literal(",p=")) {
      return null;
    }
    long lanes = p.decimal();
    if (lanes < 0 || !p.literal("$")) {
      return null;
    }
    byte[] salt = p.base64();
    if (salt == null || !p.literal("$")) {
      return null;
    }
    byte[] hash = p.base64();
    // libsodium only hashes version 1.3: a string without "$v=" means version 1.0 and is refused.
    if (hash == null || version != 0x13 || !valid(hash.length, salt.length, memory, passes, lanes) || !p.atEnd()) {
      return null;
    }
    return new Decoded(type, version, memory, passes, lanes, salt, hash);
  }

  /** libsodium's {@code argon2_validate_inputs} for what a string carries. */
  private static boolean valid(int hashLength, int saltLength, long memory, long passes, long lanes) {
    return hashLength >= 16
        && saltLength >= 8
        && memory >= 8 && memory >= 8 * lanes
        && passes >= 1
        && lanes >= 1 && lanes <= 0xFFFFFF;
  }

  static String base64(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 4 + 2) / 3);
    int acc = 0;
    int bits = 0;
    for (byte b : bytes) {
      acc = (acc << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 6) {
        bits -= 6;
        out.append(ALPHABET.charAt((acc >>> bits) & 0x3f));
      }
    }
    if (bits > 0) {
      out.append(ALPHABET.charAt((acc << (6 - bits)) & 0x3f));
    }
    return out.toString();
  }

  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    boolean literal(String prefix) {
      if (s.startsWith(prefix, pos)) {
        pos += prefix.length();
        return true;
      }
      return false;
    }

    boolean atEnd() {
      return pos == s.length();
    }

    /** A decimal of at most 32 bits without leading zeros, or -1. */
    long decimal() {
      int start = pos;
      long value = 0;
      while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
        value = value * 10 + (s.charAt(pos) - '0');
        pos++;
        if (value > 0xFFFF_FFFFL) {
          return -1;
        }
      }
      if (pos == start || (s.charAt(start) == '0' && pos != start + 1)) {
        return -1;
      }
      return value;
    }

    /** Base64 up to the first character outside the alphabet; null if the tail bits are wrong. */
    byte[] base64() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int acc = 0;
      int bits = 0;
      while (pos < s.length()) {
        int d = ALPHABET.indexOf(s.charAt(pos));
        if (d < 0) {
          break;
        }
        pos++;
        acc = (acc << 6) | d;
        bits += 6;
        if (bits >= 8) {
          bits -= 8;
          out.write((acc >>> bits) & 0xff);
        }
        acc &= 0xff;
      }
      if (bits > 4 || (acc & ((1 << bits) - 1)) != 0) {
        return null;
      }
      return out.toByteArray();
    }
  }
}
