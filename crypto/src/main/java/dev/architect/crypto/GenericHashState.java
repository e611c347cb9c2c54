package dev.architect.crypto;

/** A backend's streaming BLAKE2b state ({@code crypto_generichash_state}). Not thread-safe. */
interface GenericHashState {
  void update(byte[] in, int offset, int length);

  /** Writes the hash into {@code out} (of the length given at init) and wipes the state. */
  void finish(byte[] out);
}
