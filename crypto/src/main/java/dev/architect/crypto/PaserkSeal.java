package dev.architect.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * {@code k4.seal}: PASERK's public-key encryption of a local key (PKE, versions 2 and 4).
 *
 * <p>The Ed25519 keys are converted to X25519 as libsodium's {@code crypto_sign_ed25519_*_to_curve25519}
 * do: the secret scalar is the clamped first half of SHA-512 of the seed; the public point's
 * Montgomery {@code u} is {@code (1 + y) / (1 - y)}. The X25519 scalar multiplications use
 * BouncyCastle on either backend (the public API of this module has no raw {@code crypto_scalarmult});
 * the BLAKE2b and XChaCha20 steps run on the current backend.
 */
final class PaserkSeal {
  /** tag (32) || ephemeral public key (32) || encrypted key (32). */
  static final int BYTES = 96;

  private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
  private static final BigInteger D = BigInteger.valueOf(-121665)
      .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);

  private PaserkSeal() {}

  static String seal(PasetoLocalKey key, PasetoPublicKey recipient) {
    byte[] header = Paserk.sealHeader().getBytes(StandardCharsets.US_ASCII);
    byte[] xpk = toX25519(recipient.bytes());
    byte[] esk = Crypto.randomBytes(32);
    byte[] epk = new byte[32];
    byte[] shared = new byte[32];
    byte[] plain = key.toByteArray();
    byte[] encryptionKey = null;
    byte[] authKey = null;
    try {
      X25519.scalarMultBase(esk, 0, epk, 0);
      if (!X25519.calculateAgreement(esk, 0, xpk, 0, shared, 0)) {
        throw new IllegalArgumentException("recipient public key is unusable (a point of small order)");
      }
      encryptionKey = derive((byte) 0x01, header, shared, epk, xpk);
      authKey = derive((byte) 0x02, header, shared, epk, xpk);
      byte[] nonce = GenericHash.hasher(24).update(epk).update(xpk).finish();
      byte[] sealed = Stream.xchacha20Xor(plain, nonce, encryptionKey);
      byte[] tag = GenericHash.hasher(32, authKey).update(header).update(epk).update(sealed).finish();
      return Paserk.sealHeader() + Base64Url.encode(Paserk.concat(tag, epk, sealed));
    } finally {
      Crypto.zero(esk);
      Crypto.zero(shared);
      Crypto.zero(plain);
      Crypto.zero(encryptionKey);
      Crypto.zero(authKey);
    }
  }

  static PasetoLocalKey unseal(byte[] data, PasetoSecretKey recipient) {
    byte[] header = Paserk.sealHeader().getBytes(StandardCharsets.US_ASCII);
    byte[] tag = Arrays.copyOfRange(data, 0, 32);
    byte[] epk = Arrays.copyOfRange(data, 32, 64);
    byte[] sealed = Arrays.copyOfRange(data, 64, 96);
    byte[] xsk = secretToX25519(recipient);
    byte[] xpk = new byte[32];
    byte[] shared = new byte[32];
    byte[] authKey = null;
    byte[] encryptionKey = null;
    byte[] plain = null;
    try {
      X25519.scalarMultBase(xsk, 0, xpk, 0);
      if (!X25519.calculateAgreement(xsk, 0, epk, 0, shared, 0)) {
        throw new AuthenticationException("paserk k4.seal. failed authentication (its ephemeral key is of small order)");
      }
      authKey = derive((byte) 0x02, header, shared, epk, xpk);
      byte[] expected = GenericHash.hasher(32, authKey).update(header).update(epk).update(sealed).finish();
      if (!Crypto.constantTimeEquals(expected, tag)) {
        throw new AuthenticationException(
            "paserk k4.seal. failed authentication (sealed to another key, or the data was altered)");
      }
      encryptionKey = derive((byte) 0x01, header, shared, epk, xpk);
      byte[] nonce = GenericHash.hasher(24).update(epk).update(xpk).finish();
      plain = Stream.xchacha20Xor(sealed, nonce, encryptionKey);
      return PasetoLocalKey.copyOf(plain);
    } finally {
      Crypto.zero(xsk);
      Crypto.zero(shared);
      Crypto.zero(authKey);
      Crypto.zero(encryptionKey);
      Crypto.zero(plain);
    }
  }

  /** Unkeyed BLAKE2b-256 of {@code domain || h || xk || epk || xpk}. */
  private static byte[] derive(byte domain, byte[] header, byte[] shared, byte[] epk, byte[] xpk) {
    return GenericHash.hasher(32).update(new byte[] {domain}).update(header).update(shared).update(epk).update(xpk)
        .finish();
  }

  /** The X25519 secret scalar of an Ed25519 secret key: SHA-512 of the seed, first half, clamped. */
  private static byte[] secretToX25519(PasetoSecretKey key) {
    byte[] secret = key.toByteArray();
    byte[] hash = null;
    try {
      MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
      sha512.update(secret, 0, 32);
      hash = sha512.digest();
      byte[] scalar = Arrays.copyOf(hash, 32);
      scalar[0] &= (byte) 248;
      scalar[31] &= 127;
      scalar[31] |= 64;
      return scalar;
    } catch (NoSuchAlgorithmException e) {
      throw new CryptoException("SHA-512 is not available in this JDK", e);
    } finally {
      Crypto.zero(secret);
      Crypto.zero(hash);
    }
  }

  /**
   * The X25519 public key ({@code u}) of an Ed25519 public key ({@code y} with the sign of {@code x}
   * in the top bit), refusing encodings that are not canonical or not on the curve.
   */
  static byte[] toX25519(byte[] edPublicKey) {
    byte[] bigEndian = new byte[32];
    for (int i = 0; i < 32; i++) {
      bigEndian[i] = edPublicKey[31 - i];
    }
    bigEndian[0] &= 0x7f;
    BigInteger y = new BigInteger(1, bigEndian);
    if (y.compareTo(P) >= 0) {
      throw new IllegalArgumentException("recipient public key is not a canonical ed25519 point encoding");
    }
    BigInteger ySquared = y.multiply(y).mod(P);
    BigInteger xSquared = ySquared.subtract(BigInteger.ONE)
        .multiply(D.multiply(ySquared).add(BigInteger.ONE).modInverse(P)).mod(P);
    if (xSquared.signum() != 0 && !xSquared.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE)) {
      throw new IllegalArgumentException("recipient public key is not a point on the ed25519 curve");
    }
    BigInteger oneMinusY = BigInteger.ONE.subtract(y).mod(P);
    if (oneMinusY.signum() == 0) {
      throw new IllegalArgumentException("recipient public key is unusable (the identity point)");
    }
    BigInteger u = BigInteger.ONE.add(y).multiply(oneMinusY.modInverse(P)).mod(P);
    byte[] magnitude = u.toByteArray();
    byte[] out = new byte[32];
    for (int i = 0; i < 32 && i < magnitude.length; i++) {
      out[i] = magnitude[magnitude.length - 1 - i];
    }
    return out;
  }
}
