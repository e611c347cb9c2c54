package dev.architect.crypto;

/**
 * HSalsa20 (Bernstein, "Extending the Salsa20 nonce"): the Salsa20 core without the final addition,
 * keeping words 0, 5, 10, 15, 6, 7, 8, 9. {@code crypto_box} uses it to turn the X25519 shared
 * secret into a secretbox key; BouncyCastle computes it only inside {@code XSalsa20Engine}.
 */
final class HSalsa20 {
  private HSalsa20() {}

  /** Writes HSalsa20(key, input) (32 bytes) into {@code out}. */
  static void hsalsa20(byte[] out, byte[] input, byte[] key) {
    int x0 = 0x61707865;
    int x1 = le(key, 0);
    int x2 = le(key, 4);
    int x3 = le(key, 8);
    int x4 = le(key, 12);
    int x5 = 0x3320646e;
    int x6 = le(input, 0);
    int x7 = le(input, 4);
    int x8 = le(input, 8);
    int x9 = le(input, 12);
    int x10 = 0x79622d32;
    int x11 = le(key, 16);
    int x12 = le(key, 20);
    int x13 = le(key, 24);
    int x14 = le(key, 28);
    int x15 = 0x6b206574;
    for (int i = 0; i < 20; i += 2) {
      // Column round.
      x4 ^= Integer.rotateLeft(x0 + x12, 7);
      x8 ^= Integer.rotateLeft(x4 + x0, 9);
      x12 ^= Integer.rotateLeft(x8 + x4, 13);
      x0 ^= Integer.rotateLeft(x12 + x8, 18);
      x9 ^= Integer.rotateLeft(x5 + x1, 7);
      x13 ^= Integer.rotateLeft(x9 + x5, 9);
      x1 ^= Integer.rotateLeft(x13 + x9, 13);
      x5 ^= Integer.rotateLeft(x1 + x13, 18);
      x14 ^= Integer.rotateLeft(x10 + x6, 7);
      x2 ^= Integer.rotateLeft(x14 + x10, 9);
      x6 ^= Integer.rotateLeft(x2 + x14, 13);
      x10 ^= Integer.rotateLeft(x6 + x2, 18);
      x3 ^= Integer.rotateLeft(x15 + x11, 7);
      x7 ^= Integer.rotateLeft(x3 + x15, 9);
      x11 ^= Integer.rotateLeft(x7 + x3, 13);
      x15 ^= Integer.rotateLeft(x11 + x7, 18);
      // Row round.
      x1 ^= Integer.rotateLeft(x0 + x3, 7);
      x2 ^= Integer.rotateLeft(x1 + x0, 9);
      x3 ^= Integer.rotateLeft(x2 + x1, 13);
      x0 ^= Integer.rotateLeft(x3 + x2, 18);
      x6 ^= Integer.rotateLeft(x5 + x4, 7);
      x7 ^= Integer.rotateLeft(x6 + x5, 9);
      x4 ^= Integer.rotateLeft(x7 + x6, 13);
      x5 ^= Integer.rotateLeft(x4 + x7, 18);
      x11 ^= Integer.rotateLeft(x10 + x9, 7);
      x8 ^= Integer.rotateLeft(x11 + x10, 9);
      x9 ^= Integer.rotateLeft(x8 + x11, 13);
      x10 ^= Integer.rotateLeft(x9 + x8, 18);
      x12 ^= Integer.rotateLeft(x15 + x14, 7);
      x13 ^= Integer.rotateLeft(x12 + x15, 9);
      x14 ^= Integer.rotateLeft(x13 + x12, 13);
      x15 ^= Integer.rotateLeft(x14 + x13, 18);
    }
    put(out, 0, x0);
    put(out, 4, x5);
    put(out, 8, x10);
    put(out, 12, x15);
    put(out, 16, x6);
    put(out, 20, x7);
    put(out, 24, x8);
    put(out, 28, x9);
  }

  private static int le(byte[] b, int i) {
    return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
  }

  private static void put(byte[] b, int i, int v) {
    b[i] = (byte) v;
    b[i + 1] = (byte) (v >>> 8);
    b[i + 2] = (byte) (v >>> 16);
    b[i + 3] = (byte) (v >>> 24);
  }
}
