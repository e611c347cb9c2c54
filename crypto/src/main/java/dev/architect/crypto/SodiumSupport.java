package dev.architect.crypto;

import dev.architect.ffi.Sodium;

/** Loads the libsodium backend when architect-ffi can bind libsodium. */
final class SodiumSupport {
  private SodiumSupport() {}

  /**
   * The libsodium backend.
   *
   * @throws RuntimeException saying why libsodium cannot be loaded
   */
  static CryptoBackend load() {
    return new SodiumBackend(Sodium.load());
  }
}
