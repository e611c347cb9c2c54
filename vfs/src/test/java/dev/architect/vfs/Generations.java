package dev.architect.vfs;

import java.nio.ByteBuffer;

/** Self-checking file contents: generation, file number, length, then bytes derived from them. */
final class Generations {
  private Generations() {}

  static byte[] content(long gen, int file) {
    int length = 24 + (int) ((gen * 7919 + file * 104729) % 40) * 50_000;
    ByteBuffer b = ByteBuffer.allocate(length);
    b.putLong(gen).putLong(file).putLong(length);
    for (int i = 24; i < length; i++) {
      b.put(i, (byte) (gen * 31 + file * 17 + i * 7));
    }
    return b.array();
  }

  /** The generation {@code data} holds, or -1 if it is not one whole generation of {@code file}. */
  static long generation(byte[] data, int file) {
    if (data.length < 24) {
      return -1;
    }
    long gen = ByteBuffer.wrap(data).getLong(0);
    return java.util.Arrays.equals(data, content(gen, file)) ? gen : -1;
  }
}
