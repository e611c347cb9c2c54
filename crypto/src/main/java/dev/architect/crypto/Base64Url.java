package dev.architect.crypto;

import java.util.Objects;

/**
 * Strict, unpadded base64url (RFC 4648 section 5), as PASETO and PASERK require.
 *
 * <p>{@link #decode} accepts exactly the strings {@link #encode} produces: the 64 characters
 * {@code A-Z a-z 0-9 - _}, no {@code =} padding, no whitespace, no length of the form 4n+1, and no
 * non-zero bits left over in the last character. {@code java.util.Base64.getUrlDecoder()} is more
 * lenient: it accepts padding and non-canonical endings ({@code "Zh"} decodes like {@code "Zg"}),
 * so two different strings would carry the same bytes, which a token format must not allow.
 *
 * <p>{@link #encode} and {@link #decode} run without branches or table look-ups that depend on the
 * data (the characters of secret keys are decoded here too); only the error path, taken after the
 * whole input was read, looks for where the input went wrong. {@link #decodePublic} uses a table,
 * for text that holds nothing secret. Stateless and thread-safe.
 */
public final class Base64Url {
  /** Six bits of each ASCII character, -1 outside the alphabet: for {@link #decodePublic}. */
  private static final byte[] DECODE = new byte[128];

  static {
    for (int c = 0; c < 128; c++) {
      DECODE[c] = (byte) decodeSixBits((char) c);
    }
  }

  private Base64Url() {}

  /** The unpadded base64url encoding of {@code bytes}. */
  public static String encode(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    int full = bytes.length / 3;
    int rest = bytes.length - full * 3;
    char[] out = new char[full * 4 + (rest == 0 ? 0 : rest + 1)];
    int o = 0;
    int i = 0;
    for (int block = 0; block < full; block++) {
      int b0 = bytes[i++] & 0xff;
      int b1 = bytes[i++] & 0xff;
      int b2 = bytes[i++] & 0xff;
      out[o++] = encodeSixBits(b0 >>> 2);
      out[o++] = encodeSixBits(((b0 << 4) | (b1 >>> 4)) & 63);
      out[o++] = encodeSixBits(((b1 << 2) | (b2 >>> 6)) & 63);
      out[o++] = encodeSixBits(b2 & 63);
    }
    if (rest == 1) {
      int b0 = bytes[i] & 0xff;
      out[o++] = encodeSixBits(b0 >>> 2);
      out[o] = encodeSixBits((b0 << 4) & 63);
    } else if (rest == 2) {
      int b0 = bytes[i] & 0xff;
      int b1 = bytes[i + 1] & 0xff;
      out[o++] = encodeSixBits(b0 >>> 2);
      out[o++] = encodeSixBits(((b0 << 4) | (b1 >>> 4)) & 63);
      out[o] = encodeSixBits((b1 << 2) & 63);
    }
    return new String(out);
  }

  /**
   * The bytes that {@code text} encodes.
   *
   * @throws IllegalArgumentException if {@code text} is not canonical unpadded base64url: a character
   *     outside the alphabet (padding included), a length of the form 4n+1, or non-zero unused bits
   *     in the last character; the message says which and where
   */
  public static byte[] decode(CharSequence text) {
    return decode(text, true);
  }

  /**
   * {@link #decode}, for text that carries nothing secret (a token's body and footer: nonce,
   * ciphertext, tag, signed claims): the same bytes and the same errors, through a table look-up
   * per character, several times faster than the constant-time arithmetic {@link #decode} uses.
   *
   * @throws IllegalArgumentException as {@link #decode} does
   */
  public static byte[] decodePublic(CharSequence text) {
    return decode(text, false);
  }

  private static byte[] decode(CharSequence text, boolean secret) {
    Objects.requireNonNull(text, "text");
    int length = text.length();
    int rest = length & 3;
    if (rest == 1) {
      throw new IllegalArgumentException("base64url text cannot have length " + length
          + " (4n+1 characters encode no whole number of bytes)");
    }
    byte[] out = new byte[length / 4 * 3 + (rest == 0 ? 0 : rest - 1)];
    int error = 0;
    int o = 0;
    int i = 0;
    for (int full = length - rest; i < full; i += 4) {
      int c0 = sixBits(text.charAt(i), secret);
      int c1 = sixBits(text.charAt(i + 1), secret);
      int c2 = sixBits(text.charAt(i + 2), secret);
      int c3 = sixBits(text.charAt(i + 3), secret);
      error |= c0 | c1 | c2 | c3;
      out[o++] = (byte) ((c0 << 2) | (c1 >>> 4));
      out[o++] = (byte) ((c1 << 4) | (c2 >>> 2));
      out[o++] = (byte) ((c2 << 6) | c3);
    }
    int unusedBits = 0;
    if (rest == 2) {
      int c0 = sixBits(text.charAt(i), secret);
      int c1 = sixBits(text.charAt(i + 1), secret);
      error |= c0 | c1;
      out[o] = (byte) ((c0 << 2) | (c1 >>> 4));
      unusedBits = c1 & 15;
    } else if (rest == 3) {
      int c0 = sixBits(text.charAt(i), secret);
      int c1 = sixBits(text.charAt(i + 1), secret);
      int c2 = sixBits(text.charAt(i + 2), secret);
      error |= c0 | c1 | c2;
      out[o++] = (byte) ((c0 << 2) | (c1 >>> 4));
      out[o] = (byte) ((c1 << 4) | (c2 >>> 2));
      unusedBits = c2 & 3;
    }
    if (error < 0) {
      throw badCharacter(text);
    }
    if (unusedBits != 0) {
      throw new IllegalArgumentException("base64url text is not canonical: its last character (index "
          + (length - 1) + ") has non-zero unused bits");
    }
    return out;
  }

  private static IllegalArgumentException badCharacter(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (decodeSixBits(c) < 0) {
        String shown = c == '=' ? "'=' (padding is not allowed)"
            : c >= 0x21 && c < 0x7f ? "'" + c + "'"
            : String.format("U+%04X", (int) c);
        return new IllegalArgumentException("base64url text has " + shown + " at index " + i
            + ", which is not in the alphabet A-Z a-z 0-9 - _");
      }
    }
    throw new AssertionError("no bad character found");
  }

  /** A character's six bits, or a negative number if it is not in the alphabet. */
  private static int sixBits(char c, boolean secret) {
    return secret ? decodeSixBits(c) : c < 128 ? DECODE[c] : -1;
  }

  /** The character of a 6-bit value, computed without branches or look-ups. */
  private static char encodeSixBits(int v) {
    int c = v + 'A';                                  // 0..25  -> A..Z
    c += ((25 - v) >> 8) & ('a' - 'A' - 26);          // 26..51 -> a..z
    c -= ((51 - v) >> 8) & ('a' - '0' + 26);          // 52..61 -> 0..9
    c += ((61 - v) >> 8) & ('-' - '0' - 10);          // 62     -> -
    c += ((62 - v) >> 8) & ('_' - '-' - 1);           // 63     -> _
    return (char) c;
  }

  /**
   * The 6-bit value of a character, or a negative number for a character outside the alphabet;
   * computed without branches or look-ups. For {@code c} below 128 each range test
   * {@code ((low - 1 - c) & (c - high - 1)) >> 8} is -1 inside the range and 0 outside.
   */
  private static int decodeSixBits(char c) {
    int x = c;
    int v = -1;
    v += (((('A' - 1) - x) & (x - ('Z' + 1))) >> 8) & (x - 'A' + 1);
    v += (((('a' - 1) - x) & (x - ('z' + 1))) >> 8) & (x - 'a' + 26 + 1);
    v += (((('0' - 1) - x) & (x - ('9' + 1))) >> 8) & (x - '0' + 52 + 1);
    v += (((('-' - 1) - x) & (x - ('-' + 1))) >> 8) & (62 + 1);
    v += (((('_' - 1) - x) & (x - ('_' + 1))) >> 8) & (63 + 1);
    // Characters of 128 and above are never in the alphabet (and would break the range tests).
    return v | ((127 - x) >> 31);
  }
}
