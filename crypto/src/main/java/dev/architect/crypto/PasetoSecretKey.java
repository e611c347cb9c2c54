package dev.architect.crypto;

import java.util.Objects;

/**
 * An Ed25519 secret key that signs {@code v4.public} tokens: 64 bytes laid out as libsodium lays
 * them out (the 32-byte seed, then the public key), held off the Java heap in a {@link SecretKey}.
 *
 * <p>{@link #close()} zeroes the key; a closed key throws {@link IllegalStateException} when used.
 * {@link #toString()} shows the public key only. Thread-safe.
 */
public final class PasetoSecretKey implements PasetoKey, AutoCloseable {
  /** Key length: 64 (seed followed by public key). */
  public static final int BYTES = 64;
  /** Seed length: 32. */
  public static final int SEED_BYTES = 32;

  private final SecretKey key;
  private final PasetoPublicKey publicKey;

  private PasetoSecretKey(KeyPair pair) {
    this.key = pair.secretKey();
    this.publicKey = PasetoPublicKey.of(pair.publicKey());
  }

  /** A new random key pair's secret key. */
  public static PasetoSecretKey generate() {
    return new PasetoSecretKey(Sign.keyPair());
  }

  /**
   * The secret key of the key pair of {@code seed}: the same seed always gives the same key.
   *
   * @throws IllegalArgumentException if {@code seed} is not 32 bytes long
   */
  public static PasetoSecretKey fromSeed(byte[] seed) {
    Check.length("seed", seed, SEED_BYTES);
    return new PasetoSecretKey(Sign.keyPair(seed));
  }

  /**
   * The 64-byte secret key {@code bytes} (copied), checked: its second half must be the public key
   * of its seed.
   *
   * @throws IllegalArgumentException if {@code bytes} is not 64 bytes long, or its public half does
   *     not belong to its seed
   */
  public static PasetoSecretKey copyOf(byte[] bytes) {
    Check.length("secret key", bytes, BYTES);
    byte[] seed = java.util.Arrays.copyOf(bytes, SEED_BYTES);
    PasetoSecretKey key;
    try {
      key = new PasetoSecretKey(Sign.keyPair(seed));
    } finally {
      Crypto.zero(seed);
    }
    byte[] given = java.util.Arrays.copyOfRange(bytes, SEED_BYTES, BYTES);
    if (!Crypto.constantTimeEquals(given, key.publicKey.bytes())) {
      key.close();
      throw new IllegalArgumentException("secret key is inconsistent: its last 32 bytes are not the public key"
          + " of its seed (its first 32 bytes)");
    }
    return key;
  }

  /**
   * The secret key {@code key} itself, not a copy (closing either closes both), checked as
   * {@link #copyOf} checks.
   *
   * @throws IllegalArgumentException if {@code key} is not 64 bytes long or is inconsistent
   */
  public static PasetoSecretKey of(SecretKey key) {
    Objects.requireNonNull(key, "key");
    if (key.length() != BYTES) {
      throw new IllegalArgumentException("secret key must be " + BYTES + " bytes, was " + key.length());
    }
    byte[] bytes = key.toByteArray();
    try {
      copyOf(bytes).close();
    } finally {
      Crypto.zero(bytes);
    }
    return new PasetoSecretKey(new KeyPair(Sign.publicKey(key), key));
  }

  /** The public key that verifies what this key signs. */
  public PasetoPublicKey publicKey() {
    return publicKey;
  }

  /** The key, off-heap. */
  public SecretKey secretKey() {
    return key;
  }

  /**
   * A copy of the 64 bytes on the heap (zero it when done).
   *
   * @throws IllegalStateException if the key is closed
   */
  public byte[] toByteArray() {
    return key.toByteArray();
  }

  /** Zeroes and releases the key. */
  @Override
  public void close() {
    key.close();
  }

  /** {@code PasetoSecretKey[public key <hex>]}: never the secret bytes. */
  @Override
  public String toString() {
    return "PasetoSecretKey[public key " + java.util.HexFormat.of().formatHex(publicKey.bytes())
        + (key.isClosed() ? ", closed" : "") + "]";
  }
}
