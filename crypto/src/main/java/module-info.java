/**
 * Architect Crypto: libsodium-compatible primitives (secretbox, box, sign, pwhash, generichash,
 * kdf, stream) on BouncyCastle or libsodium, with secret keys held off-heap, and PASETO v4 tokens.
 *
 * <p>Start at {@link dev.architect.crypto.SecretBox}, {@link dev.architect.crypto.Sign} or
 * {@link dev.architect.crypto.PwHash}; {@link dev.architect.crypto.Crypto} chooses the backend.
 */
module dev.architect.crypto {
  requires dev.architect.ffi;
  requires org.bouncycastle.provider;

  exports dev.architect.crypto;
}
