package dev.architect.crypto;

import dev.architect.ffi.SecureMemory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The off-heap bytes of one {@link SecretKey}. Normally a {@link SecureMemory}: whole pages of its
 * own (so unlocking one key never unlocks another's page), locked with {@code mlock} where the
 * kernel allows, zeroed by a native call and unlocked on {@link #release()}. Where native calls are
 * impossible (no libc binding), an automatic arena, zeroed from Java on release. The key's cleaner
 * runs {@link #release()} exactly once.
 */
final class KeyMemory {
  private final SecureMemory secure;
  private final MemorySegment segment;

  private KeyMemory(SecureMemory secure, MemorySegment segment) {
    this.secure = secure;
    this.segment = segment;
  }

  static KeyMemory allocate(int length) {
    SecureMemory secure;
    try {
      secure = SecureMemory.allocate(length);
    } catch (RuntimeException | LinkageError e) {
      // No native access to libc here: keep the key off-heap all the same, unlocked.
      return unlocked(length);
    }
    return new KeyMemory(secure, secure.segment());
  }

  /** Off-heap memory without libc: not locked, zeroed from Java on release, freed by the GC. */
  static KeyMemory unlocked(int length) {
    return new KeyMemory(null, Arena.ofAuto().allocate(length, 16));
  }

  MemorySegment segment() {
    return segment;
  }

  boolean locked() {
    return secure != null && secure.locked();
  }

  /** Zeroes the bytes, unlocks and frees them. */
  void release() {
    if (secure != null) {
      secure.close();
    } else {
      segment.fill((byte) 0);
    }
  }
}
