package dev.architect.crypto;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An Ed25519 public key that verifies {@code v4.public} tokens: 32 bytes.
 *
 * <p>Immutable and thread-safe; equal when the bytes are equal.
 */
public final class PasetoPublicKey implements PasetoKey {
  /** Key length: 32. */
  public static final int BYTES = 32;

  private final byte[] bytes;

  private PasetoPublicKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * The public key {@code bytes} (copied).
   *
   * @throws IllegalArgumentException if {@code bytes} is not 32 bytes long
   */
  public static PasetoPublicKey of(byte[] bytes) {
    return new PasetoPublicKey(Check.length("public key", bytes, BYTES).clone());
  }

  /** A copy of the key's bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** The bytes, not copied: callers in this package must not change them. */
  byte[] bytes() {
    return bytes;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PasetoPublicKey that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** {@code PasetoPublicKey[<hex>]}. */
  @Override
  public String toString() {
    return "PasetoPublicKey[" + HexFormat.of().formatHex(bytes) + "]";
  }
}
