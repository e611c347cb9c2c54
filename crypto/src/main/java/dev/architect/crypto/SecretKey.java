package dev.architect.crypto;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Cleaner;
import java.util.Objects;

/**
 * Secret key material held off the Java heap: never copied by the garbage collector, zeroed when
 * closed, and locked in memory (kept out of swap) where the operating system allows it.
 *
 * <p>A key is created by {@link #generate(int)}, copied in by {@link #copyOf(byte[])}, or returned by
 * a primitive ({@link SecretBox#keygen()}, {@link Kdf#derive}, {@link Sign#keyPair()}, ...). Every
 * primitive taking a key accepts a {@code SecretKey}; most also accept a {@code byte[]} for interop.
 * {@link #toString()} never shows the bytes; {@link #toByteArray()} is the one explicit way out.
 *
 * <p>{@link #close()} zeroes the bytes, unlocks and releases them; using a closed key throws
 * {@link IllegalStateException}. A key that is never closed is zeroed when it becomes unreachable.
 *
 * <p>Thread-safe: a key may be used by several threads at once. Closing it while another thread is
 * using it is a bug of the caller; it never touches freed memory, but that use may see zeros.
 */
public final class SecretKey implements AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();

  private final KeyMemory memory;
  private final Cleaner.Cleanable cleanable;
  private volatile boolean closed;

  private SecretKey(KeyMemory memory) {
    this.memory = memory;
    this.cleanable = CLEANER.register(this, memory::release);
  }

  /** A new key of {@code length} random bytes. */
  public static SecretKey generate(int length) {
    checkLength(length);
    SecretKey key = new SecretKey(KeyMemory.allocate(length));
    byte[] random = new byte[length];
    try {
      Backends.current().randomBytes(random);
      MemorySegment.copy(random, 0, key.memory.segment(), ValueLayout.JAVA_BYTE, 0, length);
    } finally {
      Crypto.zero(random);
    }
    return key;
  }

  /** A key holding a copy of {@code bytes} (which the caller may then zero). */
  public static SecretKey copyOf(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    checkLength(bytes.length);
    SecretKey key = new SecretKey(KeyMemory.allocate(bytes.length));
    MemorySegment.copy(bytes, 0, key.memory.segment(), ValueLayout.JAVA_BYTE, 0, bytes.length);
    return key;
  }

  /** A key of {@code length} zero bytes that a primitive fills in. */
  static SecretKey allocate(int length) {
    checkLength(length);
    return new SecretKey(KeyMemory.allocate(length));
  }

  private static void checkLength(int length) {
    if (length < 1) {
      throw new IllegalArgumentException("key length must be positive, was " + length);
    }
  }

  /** The number of bytes of the key. */
  public int length() {
    return (int) memory.segment().byteSize();
  }

  /** Whether the operating system locked the key's memory (no swapping); false where it refused. */
  public boolean isLocked() {
    return memory.locked();
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * A copy of the key's bytes on the Java heap, for storing or exporting it. The copy is no longer
   * protected: zero it ({@link Crypto#zero}) when done.
   *
   * @throws IllegalStateException if the key is closed
   */
  public byte[] toByteArray() {
    return segment().toArray(ValueLayout.JAVA_BYTE);
  }

  /** Whether this key holds the same bytes as {@code other}, compared in constant time. */
  public boolean contentEquals(SecretKey other) {
    Objects.requireNonNull(other, "other");
    byte[] a = toByteArray();
    byte[] b = other.toByteArray();
    try {
      return Crypto.constantTimeEquals(a, b);
    } finally {
      Crypto.zero(a);
      Crypto.zero(b);
    }
  }

  /** The off-heap bytes, read-only for everything but the primitives that fill a new key. */
  MemorySegment segment() {
    if (closed) {
      throw new IllegalStateException("secret key is closed");
    }
    return memory.segment();
  }

  /** Zeroes, unlocks and releases the key; later calls do nothing. */
  @Override
  public void close() {
    closed = true;
    cleanable.clean();
  }

  /** {@code SecretKey[32 bytes, locked]}: the length and state, never the bytes. */
  @Override
  public String toString() {
    return "SecretKey[" + memory.segment().byteSize() + " bytes, "
        + (closed ? "closed" : memory.locked() ? "locked" : "not locked") + "]";
  }
}
