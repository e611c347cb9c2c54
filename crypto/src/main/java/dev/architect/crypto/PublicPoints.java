package dev.architect.crypto;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Recently used Ed25519 public keys, decoded. Decoding a key (a square root in the field) is about a
 * tenth of a verification; a service verifies many tokens with few keys, and BouncyCastle's own
 * key objects keep the decoded point for the same reason. A small direct-mapped table: a collision
 * only costs a decode, and a key found in it is compared in full (public data, no secret timing).
 *
 * <p>Thread-safe: entries are immutable and published whole.
 */
final class PublicPoints {
  private static final int SLOTS = 64; // a power of two

  private record Entry(byte[] key, Ed25519.PublicPoint point) {}

  private final AtomicReferenceArray<Entry> entries = new AtomicReferenceArray<>(SLOTS);

  /** The decoded point of the 32-byte key {@code pk}, or null when it is not a valid encoding. */
  Ed25519.PublicPoint get(byte[] pk) {
    int slot = ((pk[0] & 0xff) ^ (pk[7] & 0xff) << 3 ^ (pk[13] & 0xff) << 1) & (SLOTS - 1);
    Entry entry = entries.getAcquire(slot);
    if (entry != null && Arrays.equals(entry.key(), pk)) {
      return entry.point();
    }
    // The same checks Ed25519.verify(byte[] pk, ...) makes on a key given as bytes: canonical y, on the curve.
    Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(pk, 0);
    if (point != null) {
      entries.setRelease(slot, new Entry(pk.clone(), point));
    }
    return point;
  }
}
