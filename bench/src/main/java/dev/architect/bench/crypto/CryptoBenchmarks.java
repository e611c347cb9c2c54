package dev.architect.bench.crypto;

import dev.architect.crypto.Backend;
import dev.architect.crypto.Crypto;

/** What every crypto benchmark needs before it measures anything. */
final class CryptoBenchmarks {
  private CryptoBenchmarks() {}

  /**
   * Fails the setup (and, with {@code -foe true}, the run) when libsodium cannot be loaded: a suite
   * without its libsodium contender would report ratios that do not answer the question.
   */
  static void requireSodium() {
    if (!Crypto.available().contains(Backend.SODIUM)) {
      throw new IllegalStateException("libsodium is not available: the architectSodium contenders cannot run"
          + " (Debian: apt-get install libsodium23)");
    }
  }
}
