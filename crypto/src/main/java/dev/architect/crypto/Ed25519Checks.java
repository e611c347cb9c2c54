package dev.architect.crypto;

/**
 * The checks libsodium makes on Ed25519 points before verifying ({@code ge25519_is_canonical},
 * {@code ge25519_has_small_order}), so that the Java backend rejects exactly what libsodium rejects.
 */
final class Ed25519Checks {
  /**
   * Encodings of the points of order 1, 2, 4 and 8 (and their non-canonical aliases), ignoring the
   * sign bit: y = 0, 1, two order-8 points, p - 1, p, p + 1.
   */
  private static final byte[][] SMALL_ORDER = {
      hex("0000000000000000000000000000000000000000000000000000000000000000"),
      hex("0100000000000000000000000000000000000000000000000000000000000000"),
      hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
      hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
      hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
      hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
      hex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
  };

  private Ed25519Checks() {}

  /** Whether the 32-byte encoding at {@code off} is one of the small-order points (sign bit ignored). */
  static boolean hasSmallOrder(byte[] s, int off) {
    int found = 0;
    for (byte[] candidate : SMALL_ORDER) {
      int difference = 0;
      for (int j = 0; j < 31; j++) {
        difference |= s[off + j] ^ candidate[j];
      }
      difference |= (s[off + 31] & 0x7f) ^ candidate[31];
      found |= difference == 0 ? 1 : 0;
    }
    return found != 0;
  }

  /** Whether the encoded y coordinate is below p = 2^255 - 19. */
  static boolean isCanonical(byte[] s, int off) {
    if ((s[off + 31] & 0x7f) != 0x7f) {
      return true;
    }
    for (int i = 30; i > 0; i--) {
      if ((s[off + i] & 0xff) != 0xff) {
        return true;
      }
    }
    return (s[off] & 0xff) < 0xed;
  }

  private static byte[] hex(String hex) {
    return java.util.HexFormat.of().parseHex(hex);
  }
}
