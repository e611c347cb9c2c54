package dev.architect.crypto;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Subkeys derived from a master key, byte-compatible with libsodium's
 * {@code crypto_kdf_derive_from_key} (BLAKE2b keyed with the master key, the subkey id as salt and
 * the 8-byte context as personalization).
 *
 * <pre>{@code
 * try (SecretKey master = Kdf.keygen(); SecretKey subkey = Kdf.derive(32, 1, "Examples", master)) { ... }
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Kdf {
  /** Master key length: 32. */
  public static final int KEY_BYTES = 32;
  /** Context length: 8. */
  public static final int CONTEXT_BYTES = 8;
  /** Shortest subkey: 16. */
  public static final int BYTES_MIN = 16;
  /** Longest subkey: 64. */
  public static final int BYTES_MAX = 64;

  private Kdf() {}

  /** A new random 32-byte master key ({@code crypto_kdf_keygen}). */
  public static SecretKey keygen() {
    return SecretKey.generate(KEY_BYTES);
  }

  /**
   * Subkey number {@code subkeyId} (an unsigned 64-bit value) of {@code masterKey} in
   * {@code context}, {@code length} bytes long.
   *
   * @param context exactly 8 ASCII characters naming what the subkeys are for
   * @throws IllegalArgumentException if {@code length} is not between 16 and 64, the context is not 8
   *     ASCII characters or the master key is not 32 bytes
   */
  public static SecretKey derive(int length, long subkeyId, String context, SecretKey masterKey) {
    return derive(length, subkeyId, context, Check.key("master key", masterKey, KEY_BYTES));
  }

  /** {@link #derive(int, long, String, SecretKey)} with the master key in a byte array. */
  public static SecretKey derive(int length, long subkeyId, String context, byte[] masterKey) {
    return derive(length, subkeyId, context, Check.key("master key", masterKey, KEY_BYTES));
  }

  private static SecretKey derive(int length, long subkeyId, String context, MemorySegment masterKey) {
    Check.range("length", length, BYTES_MIN, BYTES_MAX);
    byte[] ctx = context(context);
    SecretKey subkey = SecretKey.allocate(length);
    try {
      Backends.current().kdfDeriveFromKey(subkey.segment(), subkeyId, ctx, masterKey);
    } catch (RuntimeException e) {
      subkey.close();
      throw e;
    }
    return subkey;
  }

  private static byte[] context(String context) {
    Objects.requireNonNull(context, "context");
    if (context.length() != CONTEXT_BYTES || !StandardCharsets.US_ASCII.newEncoder().canEncode(context)) {
      throw new IllegalArgumentException("context must be " + CONTEXT_BYTES + " ascii characters, was \""
          + context + "\"");
    }
    return context.getBytes(StandardCharsets.US_ASCII);
  }
}
