package dev.architect.eventstore.internal;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter (method 1 of section
 * 6.2) that keeps ids made in one process strictly increasing even within a millisecond, then 62
 * random bits.
 */
public final class UuidV7 {
  private static long lastMillis;
  private static int counter;

  private UuidV7() {}

  /** A fresh UUIDv7, greater than every one this process made before. */
  public static UUID next() {
    long millis;
    int seq;
    synchronized (UuidV7.class) {
      long now = System.currentTimeMillis();
      if (now > lastMillis) {
        lastMillis = now;
        // Start low in the counter's range so that many ids fit in one millisecond.
        counter = ThreadLocalRandom.current().nextInt(0x400);
      } else if (++counter > 0xFFF) {
        lastMillis++; // the counter overflowed: borrow the next millisecond
        counter = 0;
      }
      millis = lastMillis;
      seq = counter;
    }
    long msb = (millis << 16) | 0x7000L | seq;
    long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }
}
