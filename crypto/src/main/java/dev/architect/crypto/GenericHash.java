package dev.architect.crypto;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * BLAKE2b (RFC 7693), byte-compatible with libsodium's {@code crypto_generichash}: unkeyed or keyed,
 * 16 to 64 bytes of output, one-shot or streaming, with optional salt and personalization.
 *
 * <pre>{@code
 * byte[] digest = GenericHash.hash(message, 32);                 // unkeyed, 32 bytes
 * byte[] mac = GenericHash.hash(message, 32, key);               // keyed (a MAC)
 * byte[] streamed = GenericHash.hasher(32, key).update(part1).update(part2).finish();
 * }</pre>
 *
 * <p>Keys are 16 to 64 bytes; an empty or {@code null} key means unkeyed. Salt and personalization
 * are 16 bytes each ({@code crypto_generichash_blake2b_salt_personal}).
 *
 * <p>The static methods are thread-safe; a {@link Hasher} is for one thread at a time.
 */
public final class GenericHash {
  /** Smallest output length: 16. */
  public static final int BYTES_MIN = 16;
  /** Largest output length: 64. */
  public static final int BYTES_MAX = 64;
  /** Recommended output length: 32. */
  public static final int BYTES = 32;
  /** Shortest key: 16. */
  public static final int KEY_BYTES_MIN = 16;
  /** Longest key: 64. */
  public static final int KEY_BYTES_MAX = 64;
  /** Recommended key length: 32. */
  public static final int KEY_BYTES = 32;
  /** Salt length: 16. */
  public static final int SALT_BYTES = 16;
  /** Personalization length: 16. */
  public static final int PERSONAL_BYTES = 16;

  private GenericHash() {}

  /** A new random 32-byte key ({@code crypto_generichash_keygen}). */
  public static SecretKey keygen() {
    return SecretKey.generate(KEY_BYTES);
  }

  /**
   * The unkeyed BLAKE2b hash of {@code message}, {@code length} bytes long.
   *
   * @throws IllegalArgumentException if {@code length} is not between 16 and 64
   */
  public static byte[] hash(byte[] message, int length) {
    return hash(message, length, (MemorySegment) null);
  }

  /**
   * The BLAKE2b hash of {@code message} keyed with {@code key} ({@code null} or empty: unkeyed).
   *
   * @throws IllegalArgumentException if {@code length} is not between 16 and 64, or the key not
   *     between 16 and 64 bytes
   */
  public static byte[] hash(byte[] message, int length, byte[] key) {
    return hash(message, length, key(key));
  }

  /** {@link #hash(byte[], int, byte[])} with the key off-heap. */
  public static byte[] hash(byte[] message, int length, SecretKey key) {
    return hash(message, length, key(key));
  }

  private static byte[] hash(byte[] message, int length, MemorySegment key) {
    Objects.requireNonNull(message, "message");
    byte[] out = new byte[checkLength(length)];
    Backends.current().generichash(out, message, 0, message.length, key);
    return out;
  }

  /**
   * The BLAKE2b hash of {@code message} with a key (or none), a salt and a personalization
   * ({@code crypto_generichash_blake2b_salt_personal}).
   *
   * @throws IllegalArgumentException if {@code length} is not between 16 and 64, the key not between
   *     16 and 64 bytes, or the salt or personalization not 16 bytes
   */
  public static byte[] hash(byte[] message, int length, byte[] key, byte[] salt, byte[] personal) {
    return hasher(length, key, salt, personal).update(message).finish();
  }

  /** A streaming hash, unkeyed, of {@code length} bytes. */
  public static Hasher hasher(int length) {
    return hasher(length, (MemorySegment) null, null, null);
  }

  /** A streaming hash keyed with {@code key} ({@code null} or empty: unkeyed). */
  public static Hasher hasher(int length, byte[] key) {
    return hasher(length, key(key), null, null);
  }

  /** A streaming hash keyed with {@code key}. */
  public static Hasher hasher(int length, SecretKey key) {
    return hasher(length, key(key), null, null);
  }

  /**
   * A streaming hash with a key (or none) and a salt and personalization (each 16 bytes, or
   * {@code null} for zeros, as libsodium treats a {@code NULL} pointer).
   */
  public static Hasher hasher(int length, byte[] key, byte[] salt, byte[] personal) {
    return hasher(length, key(key), salt, personal);
  }

  private static Hasher hasher(int length, MemorySegment key, byte[] salt, byte[] personal) {
    checkLength(length);
    if (salt != null) {
      Check.length("salt", salt, SALT_BYTES);
    }
    if (personal != null) {
      Check.length("personal", personal, PERSONAL_BYTES);
    }
    return new Hasher(Backends.current().generichashInit(key, length, salt, personal), length);
  }

  private static int checkLength(int length) {
    return Check.range("length", length, BYTES_MIN, BYTES_MAX);
  }

  private static MemorySegment key(byte[] key) {
    if (key == null || key.length == 0) {
      return null;
    }
    checkKeyLength(key.length);
    return MemorySegment.ofArray(key);
  }

  private static MemorySegment key(SecretKey key) {
    Objects.requireNonNull(key, "key");
    MemorySegment segment = key.segment();
    checkKeyLength((int) segment.byteSize());
    return segment;
  }

  private static void checkKeyLength(int length) {
    if (length < KEY_BYTES_MIN || length > KEY_BYTES_MAX) {
      throw new IllegalArgumentException("key must be between " + KEY_BYTES_MIN + " and " + KEY_BYTES_MAX
          + " bytes, was " + length);
    }
  }

  /**
   * An incremental BLAKE2b computation ({@code crypto_generichash_init/update/final}): feed it with
   * {@link #update}, read the hash once with {@link #finish()}.
   *
   * <p>Not thread-safe. The key is copied into the state when the hasher is created.
   */
  public static final class Hasher {
    private final GenericHashState state;
    private final int length;
    private boolean finished;

    Hasher(GenericHashState state, int length) {
      this.state = state;
      this.length = length;
    }

    /**
     * Adds {@code bytes} to the hash.
     *
     * @throws IllegalStateException if {@link #finish()} was called
     */
    public Hasher update(byte[] bytes) {
      Objects.requireNonNull(bytes, "bytes");
      return update(bytes, 0, bytes.length);
    }

    /**
     * Adds {@code length} bytes of {@code bytes} from {@code offset}.
     *
     * @throws IndexOutOfBoundsException if the range is outside {@code bytes}
     * @throws IllegalStateException if {@link #finish()} was called
     */
    public Hasher update(byte[] bytes, int offset, int length) {
      Objects.checkFromIndexSize(offset, length, bytes.length);
      checkOpen();
      state.update(bytes, offset, length);
      return this;
    }

    /**
     * The hash of everything added; the hasher cannot be used afterwards.
     *
     * @throws IllegalStateException if called twice
     */
    public byte[] finish() {
      checkOpen();
      finished = true;
      byte[] out = new byte[length];
      state.finish(out);
      return out;
    }

    private void checkOpen() {
      if (finished) {
        throw new IllegalStateException("hasher is finished");
      }
    }

    @Override
    public String toString() {
      return "GenericHash.Hasher[" + length + " bytes" + (finished ? ", finished" : "") + "]";
    }
  }
}
