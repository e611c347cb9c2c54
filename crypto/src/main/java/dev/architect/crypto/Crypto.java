package dev.architect.crypto;

import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Backend selection and the small helpers every primitive needs: random bytes, constant-time
 * comparison and zeroing.
 *
 * <p>The primitives ({@link SecretBox}, {@link Box}, {@link Sign}, {@link PwHash},
 * {@link GenericHash}, {@link Kdf}, {@link Stream}) run on {@link #backend()}: the backend named by
 * the system property {@code architect.crypto.backend} ({@code java}, {@code sodium} or
 * {@code auto}, the default), decided once at first use, unless {@link #withBackend} binds another
 * for the code it runs.
 *
 * <p>All methods are thread-safe.
 */
public final class Crypto {
  /** The system property naming the default backend: {@code java}, {@code sodium} or {@code auto}. */
  public static final String BACKEND_PROPERTY = "architect.crypto.backend";

  private Crypto() {}

  /** The backend the primitives use in this thread at this point. */
  public static Backend backend() {
    return Backends.current().kind();
  }

  /** The backends that can run here: always {@link Backend#JAVA}, and {@link Backend#SODIUM} when libsodium loads. */
  public static Set<Backend> available() {
    return Backends.available();
  }

  /**
   * Runs {@code action} with every primitive it calls, in this thread (and in structured subtasks it
   * forks), on {@code backend}; returns what it returned.
   *
   * @throws CryptoException if {@code backend} is not {@linkplain #available() available}, saying why
   */
  public static <T> T withBackend(Backend backend, Supplier<T> action) {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(action, "action");
    return Backends.with(Backends.get(backend), action);
  }

  /** {@code length} bytes from a cryptographically secure random generator. */
  public static byte[] randomBytes(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("length must not be negative, was " + length);
    }
    byte[] bytes = new byte[length];
    Backends.current().randomBytes(bytes);
    return bytes;
  }

  /**
   * Whether {@code a} and {@code b} hold the same bytes, in time that depends only on their lengths
   * (as {@code sodium_memcmp}); arrays of different lengths are unequal.
   */
  public static boolean constantTimeEquals(byte[] a, byte[] b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.length != b.length) {
      return false;
    }
    int difference = 0;
    for (int i = 0; i < a.length; i++) {
      difference |= a[i] ^ b[i];
    }
    return difference == 0;
  }

  /** Overwrites {@code bytes} with zeros (as {@code sodium_memzero}); {@code null} is ignored. */
  public static void zero(byte[] bytes) {
    if (bytes != null) {
      java.util.Arrays.fill(bytes, (byte) 0);
    }
  }
}
