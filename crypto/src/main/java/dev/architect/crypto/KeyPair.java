package dev.architect.crypto;

import java.util.HexFormat;
import java.util.Objects;

/**
 * A public key and its secret key, as {@link Sign#keyPair()} (Ed25519) and {@link Box#keyPair()}
 * (X25519) return them. Closing the pair closes the secret key. {@link #toString()} shows the public
 * key in hex, never the secret key.
 *
 * @param publicKey the public key (32 bytes for both Ed25519 and X25519); the array is not copied
 * @param secretKey the secret key: 64 bytes for Ed25519 (seed followed by public key, as libsodium
 *     lays it out), 32 bytes for X25519
 */
public record KeyPair(byte[] publicKey, SecretKey secretKey) implements AutoCloseable {
  public KeyPair {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(secretKey, "secretKey");
  }

  /** Closes the secret key. */
  @Override
  public void close() {
    secretKey.close();
  }

  @Override
  public String toString() {
    return "KeyPair[publicKey=" + HexFormat.of().formatHex(publicKey) + ", secretKey=" + secretKey + "]";
  }
}
