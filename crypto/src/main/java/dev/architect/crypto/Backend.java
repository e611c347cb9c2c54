package dev.architect.crypto;

/**
 * The implementations behind the primitives of this module. Both produce identical bytes for
 * identical inputs; they differ only in speed and in what they need at run time.
 *
 * <p>The backend in effect is chosen once, at first use, from the system property
 * {@code architect.crypto.backend}: {@code java}, {@code sodium}, or {@code auto} (the default:
 * {@code sodium} when libsodium can be loaded, else {@code java}). {@link Crypto#withBackend} runs
 * code with another one.
 */
public enum Backend {
  /** Pure Java on BouncyCastle: always available. */
  JAVA,
  /** libsodium through the FFM API: available when {@code libsodium.so} can be loaded. */
  SODIUM
}
