package dev.architect.crypto;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * Secret-key authenticated encryption, XSalsa20-Poly1305, byte-compatible with libsodium's
 * {@code crypto_secretbox_easy} / {@code crypto_secretbox_open_easy} and their detached forms.
 *
 * <p>A 32-byte key and a 24-byte nonce that is never reused with the same key (a random one from
 * {@link #nonce()} is safe). The combined ciphertext is the 16-byte Poly1305 tag followed by the
 * encrypted message, exactly as libsodium lays it out.
 *
 * <pre>{@code
 * try (SecretKey key = SecretBox.keygen()) {
 *   byte[] nonce = SecretBox.nonce();
 *   byte[] box = SecretBox.seal(message, nonce, key);
 *   byte[] back = SecretBox.open(box, nonce, key);     // AuthenticationException if tampered with
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class SecretBox {
  /** Key length: 32. */
  public static final int KEY_BYTES = 32;
  /** Nonce length: 24. */
  public static final int NONCE_BYTES = 24;
  /** Authentication tag length: 16. */
  public static final int MAC_BYTES = 16;

  private SecretBox() {}

  /**
   * A ciphertext and its authentication tag, kept apart ({@code crypto_secretbox_detached}).
   *
   * @param ciphertext the encrypted message, as long as the message
   * @param mac the 16-byte Poly1305 tag
   */
  public record Detached(byte[] ciphertext, byte[] mac) {
    public Detached {
      Objects.requireNonNull(ciphertext, "ciphertext");
      Objects.requireNonNull(mac, "mac");
    }
  }

  /** A new random 32-byte key ({@code crypto_secretbox_keygen}). */
  public static SecretKey keygen() {
    return SecretKey.generate(KEY_BYTES);
  }

  /** A new random 24-byte nonce. */
  public static byte[] nonce() {
    return Crypto.randomBytes(NONCE_BYTES);
  }

  /**
   * Encrypts and authenticates {@code message}: tag (16 bytes) followed by the ciphertext
   * ({@code crypto_secretbox_easy}).
   *
   * @throws IllegalArgumentException if the nonce is not 24 bytes or the key not 32
   */
  public static byte[] seal(byte[] message, byte[] nonce, SecretKey key) {
    return seal(message, nonce, Check.key(key, KEY_BYTES));
  }

  /** {@link #seal(byte[], byte[], SecretKey)} with the key in a byte array. */
  public static byte[] seal(byte[] message, byte[] nonce, byte[] key) {
    return seal(message, nonce, Check.key(key, KEY_BYTES));
  }

  private static byte[] seal(byte[] message, byte[] nonce, MemorySegment key) {
    Objects.requireNonNull(message, "message");
    Check.length("nonce", nonce, NONCE_BYTES);
    byte[] ciphertext = new byte[Check.plus("message", message.length, MAC_BYTES)];
    Backends.current().secretboxEasy(ciphertext, message, nonce, key);
    return ciphertext;
  }

  /**
   * Verifies and decrypts what {@link #seal} produced ({@code crypto_secretbox_open_easy}).
   *
   * @throws AuthenticationException if the tag does not match (forged or corrupted ciphertext, wrong
   *     key or nonce), or the ciphertext is shorter than a tag
   * @throws IllegalArgumentException if the nonce is not 24 bytes or the key not 32
   */
  public static byte[] open(byte[] ciphertext, byte[] nonce, SecretKey key) {
    return open(ciphertext, nonce, Check.key(key, KEY_BYTES));
  }

  /** {@link #open(byte[], byte[], SecretKey)} with the key in a byte array. */
  public static byte[] open(byte[] ciphertext, byte[] nonce, byte[] key) {
    return open(ciphertext, nonce, Check.key(key, KEY_BYTES));
  }

  private static byte[] open(byte[] ciphertext, byte[] nonce, MemorySegment key) {
    Objects.requireNonNull(ciphertext, "ciphertext");
    Check.length("nonce", nonce, NONCE_BYTES);
    if (ciphertext.length < MAC_BYTES) {
      throw new AuthenticationException("authentication failed: ciphertext is shorter than a tag ("
          + ciphertext.length + " bytes, at least " + MAC_BYTES + " needed)");
    }
    byte[] message = new byte[ciphertext.length - MAC_BYTES];
    if (!Backends.current().secretboxOpenEasy(message, ciphertext, nonce, key)) {
      throw new AuthenticationException("authentication failed");
    }
    return message;
  }

  /**
   * Encrypts {@code message} and returns the ciphertext and the tag apart
   * ({@code crypto_secretbox_detached}).
   *
   * @throws IllegalArgumentException if the nonce is not 24 bytes or the key not 32
   */
  public static Detached sealDetached(byte[] message, byte[] nonce, SecretKey key) {
    MemorySegment k = Check.key(key, KEY_BYTES);
    Objects.requireNonNull(message, "message");
    Check.length("nonce", nonce, NONCE_BYTES);
    byte[] ciphertext = new byte[message.length];
    byte[] mac = new byte[MAC_BYTES];
    Backends.current().secretboxDetached(ciphertext, mac, message, nonce, k);
    return new Detached(ciphertext, mac);
  }

  /**
   * Verifies {@code mac} and decrypts {@code ciphertext} ({@code crypto_secretbox_open_detached}).
   *
   * @throws AuthenticationException if the tag does not match
   * @throws IllegalArgumentException if the tag is not 16 bytes, the nonce not 24 or the key not 32
   */
  public static byte[] openDetached(byte[] ciphertext, byte[] mac, byte[] nonce, SecretKey key) {
    MemorySegment k = Check.key(key, KEY_BYTES);
    Objects.requireNonNull(ciphertext, "ciphertext");
    Check.length("mac", mac, MAC_BYTES);
    Check.length("nonce", nonce, NONCE_BYTES);
    byte[] message = new byte[ciphertext.length];
    if (!Backends.current().secretboxOpenDetached(message, ciphertext, mac, nonce, k)) {
      throw new AuthenticationException("authentication failed");
    }
    return message;
  }
}
