package dev.architect.crypto;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * Unauthenticated stream ciphers, byte-compatible with libsodium's {@code crypto_stream_*}. They
 * only encrypt: anyone can flip bits of the output. Use them to build authenticated constructions
 * (PASETO v4.local uses {@link #xchacha20Xor}); otherwise use {@link SecretBox}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Stream {
  /** XChaCha20 key length: 32. */
  public static final int XCHACHA20_KEY_BYTES = 32;
  /** XChaCha20 nonce length: 24. */
  public static final int XCHACHA20_NONCE_BYTES = 24;

  private Stream() {}

  /**
   * {@code input} XORed with the XChaCha20 key stream of {@code key} and {@code nonce}, starting at
   * block 0 ({@code crypto_stream_xchacha20_xor}); the same call decrypts.
   *
   * @throws IllegalArgumentException if the nonce is not 24 bytes or the key not 32
   */
  public static byte[] xchacha20Xor(byte[] input, byte[] nonce, byte[] key) {
    return xchacha20Xor(input, nonce, Check.key(key, XCHACHA20_KEY_BYTES));
  }

  /** {@link #xchacha20Xor(byte[], byte[], byte[])} with the key off-heap. */
  public static byte[] xchacha20Xor(byte[] input, byte[] nonce, SecretKey key) {
    return xchacha20Xor(input, nonce, Check.key(key, XCHACHA20_KEY_BYTES));
  }

  private static byte[] xchacha20Xor(byte[] input, byte[] nonce, MemorySegment key) {
    Objects.requireNonNull(input, "input");
    Check.length("nonce", nonce, XCHACHA20_NONCE_BYTES);
    byte[] output = new byte[input.length];
    Backends.current().streamXchacha20Xor(output, input, nonce, key);
    return output;
  }
}
