package dev.architect.crypto;

import java.lang.foreign.MemorySegment;

/**
 * The operations a backend provides, one per libsodium function, so that the libsodium backend maps
 * one to one. Callers (the public classes) have checked every length already; outputs are arrays
 * of the exact size. Keys are segments, on or off heap. Methods returning {@code boolean} return
 * {@code false} where libsodium returns -1 (failed authentication, unusable key).
 */
interface CryptoBackend {
  Backend kind();

  void randomBytes(byte[] out);

  // crypto_secretbox (XSalsa20-Poly1305)
  void secretboxEasy(byte[] c, byte[] m, byte[] n, MemorySegment k);

  boolean secretboxOpenEasy(byte[] m, byte[] c, byte[] n, MemorySegment k);

  void secretboxDetached(byte[] c, byte[] mac, byte[] m, byte[] n, MemorySegment k);

  boolean secretboxOpenDetached(byte[] m, byte[] c, byte[] mac, byte[] n, MemorySegment k);

  // crypto_box (X25519 + XSalsa20-Poly1305), crypto_scalarmult_base
  void boxKeypair(byte[] pk, MemorySegment sk);

  void scalarmultBase(byte[] q, MemorySegment n);

  boolean boxEasy(byte[] c, byte[] m, byte[] n, byte[] pk, MemorySegment sk);

  boolean boxOpenEasy(byte[] m, byte[] c, byte[] n, byte[] pk, MemorySegment sk);

  boolean boxSeal(byte[] c, byte[] m, byte[] pk);

  boolean boxSealOpen(byte[] m, byte[] c, byte[] pk, MemorySegment sk);

  // crypto_sign (Ed25519)
  void signSeedKeypair(byte[] pk, MemorySegment sk, MemorySegment seed);

  void signDetached(byte[] sig, byte[] m, MemorySegment sk);

  boolean signVerifyDetached(byte[] sig, byte[] m, byte[] pk);

  void sign(byte[] sm, byte[] m, MemorySegment sk);

  boolean signOpen(byte[] m, byte[] sm, byte[] pk);

  // crypto_pwhash (Argon2id13)
  void pwhash(byte[] out, byte[] passwd, byte[] salt, long opslimit, long memlimit);

  String pwhashStr(byte[] passwd, long opslimit, long memlimit);

  boolean pwhashStrVerify(String str, byte[] passwd);

  /** 1 when the parameters differ, 0 when they match, -1 when {@code str} is invalid. */
  int pwhashStrNeedsRehash(String str, long opslimit, long memlimit);

  // crypto_generichash (BLAKE2b); key null for none, salt and personal null for zeros
  void generichash(byte[] out, byte[] in, int offset, int length, MemorySegment key);

  GenericHashState generichashInit(MemorySegment key, int outlen, byte[] salt, byte[] personal);

  // crypto_kdf_derive_from_key
  void kdfDeriveFromKey(MemorySegment subkey, long subkeyId, byte[] ctx, MemorySegment key);

  // crypto_stream_xchacha20_xor
  void streamXchacha20Xor(byte[] c, byte[] m, byte[] n, MemorySegment k);
}
