package dev.architect.crypto;

import java.util.Objects;

/**
 * A symmetric key for {@code v4.local} tokens: 32 bytes, held off the Java heap in a
 * {@link SecretKey}.
 *
 * <p>{@link #close()} zeroes the key; a closed key throws {@link IllegalStateException} when used.
 * {@link #toString()} never shows the bytes. Thread-safe.
 */
public final class PasetoLocalKey implements PasetoKey, AutoCloseable {
  /** Key length: 32. */
  public static final int BYTES = 32;

  private final SecretKey key;

  private PasetoLocalKey(SecretKey key) {
    this.key = key;
  }

  /** A new random key. */
  public static PasetoLocalKey generate() {
    return new PasetoLocalKey(SecretKey.generate(BYTES));
  }

  /**
   * A key holding a copy of {@code bytes} (which the caller may then zero).
   *
   * @throws IllegalArgumentException if {@code bytes} is not 32 bytes long
   */
  public static PasetoLocalKey copyOf(byte[] bytes) {
    Check.length("local key", bytes, BYTES);
    return new PasetoLocalKey(SecretKey.copyOf(bytes));
  }

  /**
   * A key using {@code key} itself, not a copy: closing either closes both.
   *
   * @throws IllegalArgumentException if {@code key} is not 32 bytes long
   */
  public static PasetoLocalKey of(SecretKey key) {
    Objects.requireNonNull(key, "key");
    if (key.length() != BYTES) {
      throw new IllegalArgumentException("local key must be " + BYTES + " bytes, was " + key.length());
    }
    return new PasetoLocalKey(key);
  }

  /** The key, off-heap. */
  public SecretKey secretKey() {
    return key;
  }

  /**
   * A copy of the key's bytes on the heap (zero it when done).
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

  /** {@code PasetoLocalKey[v4.local]}: never the bytes. */
  @Override
  public String toString() {
    return "PasetoLocalKey[v4.local" + (key.isClosed() ? ", closed" : "") + "]";
  }
}
