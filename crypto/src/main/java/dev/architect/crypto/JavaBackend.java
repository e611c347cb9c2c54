package dev.architect.crypto;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.engines.XChaCha20Engine;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The pure-Java backend: BouncyCastle's XSalsa20, Poly1305, X25519, Ed25519, BLAKE2b, XChaCha20 and
 * Argon2, composed exactly as libsodium composes them. Key bytes are copied from their segment
 * only for the call and zeroed afterwards.
 */
final class JavaBackend implements CryptoBackend {
  private static final byte[] ZERO_16 = new byte[16];

  private final SecureRandom random = new SecureRandom();
  private final PublicPoints publicPoints = new PublicPoints();

  @Override
  public Backend kind() {
    return Backend.JAVA;
  }

  @Override
  public void randomBytes(byte[] out) {
    random.nextBytes(out);
  }

  private static byte[] bytes(MemorySegment key) {
    return key.toArray(ValueLayout.JAVA_BYTE);
  }

  // ---- secretbox ----

  @Override
  public void secretboxEasy(byte[] c, byte[] m, byte[] n, MemorySegment k) {
    byte[] key = bytes(k);
    try {
      secretboxSeal(c, 16, c, 0, m, n, key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  @Override
  public boolean secretboxOpenEasy(byte[] m, byte[] c, byte[] n, MemorySegment k) {
    byte[] key = bytes(k);
    try {
      return secretboxOpen(m, c, 16, c.length - 16, c, 0, n, key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  @Override
  public void secretboxDetached(byte[] c, byte[] mac, byte[] m, byte[] n, MemorySegment k) {
    byte[] key = bytes(k);
    try {
      secretboxSeal(c, 0, mac, 0, m, n, key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  @Override
  public boolean secretboxOpenDetached(byte[] m, byte[] c, byte[] mac, byte[] n, MemorySegment k) {
    byte[] key = bytes(k);
    try {
      return secretboxOpen(m, c, 0, c.length, mac, 0, n, key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * XSalsa20-Poly1305 as crypto_secretbox: the first 32 bytes of the key stream are the one-time
   * Poly1305 key, the message is encrypted with the stream from byte 32 on, and the tag covers the
   * ciphertext.
   */
  static void secretboxSeal(byte[] out, int outOff, byte[] mac, int macOff, byte[] m, byte[] n, byte[] key) {
    XSalsa20Engine salsa = new XSalsa20Engine();
    salsa.init(true, new ParametersWithIV(new KeyParameter(key), n));
    byte[] polyKey = new byte[32];
    salsa.processBytes(polyKey, 0, 32, polyKey, 0);
    salsa.processBytes(m, 0, m.length, out, outOff);
    Poly1305 poly = new Poly1305();
    poly.init(new KeyParameter(polyKey));
    poly.update(out, outOff, m.length);
    poly.doFinal(mac, macOff);
    Arrays.fill(polyKey, (byte) 0);
  }

  static boolean secretboxOpen(byte[] m, byte[] c, int cOff, int cLen, byte[] mac, int macOff, byte[] n, byte[] key) {
    XSalsa20Engine salsa = new XSalsa20Engine();
    salsa.init(false, new ParametersWithIV(new KeyParameter(key), n));
    byte[] polyKey = new byte[32];
    salsa.processBytes(polyKey, 0, 32, polyKey, 0);
    Poly1305 poly = new Poly1305();
    poly.init(new KeyParameter(polyKey));
    poly.update(c, cOff, cLen);
    byte[] expected = new byte[16];
    poly.doFinal(expected, 0);
    Arrays.fill(polyKey, (byte) 0);
    int difference = 0;
    for (int i = 0; i < 16; i++) {
      difference |= expected[i] ^ mac[macOff + i];
    }
    if (difference != 0) {
      return false;
    }
    salsa.processBytes(c, cOff, cLen, m, 0);
    return true;
  }

  // ---- box ----

  @Override
  public void boxKeypair(byte[] pk, MemorySegment sk) {
    byte[] secret = new byte[32];
    try {
      randomBytes(secret);
      X25519.scalarMultBase(secret, 0, pk, 0);
      MemorySegment.copy(secret, 0, sk, ValueLayout.JAVA_BYTE, 0, 32);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  @Override
  public void scalarmultBase(byte[] q, MemorySegment n) {
    byte[] secret = bytes(n);
    try {
      X25519.scalarMultBase(secret, 0, q, 0);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /** crypto_box_beforenm: HSalsa20 of the X25519 shared secret; null when that secret is all zeros. */
  private static byte[] beforenm(byte[] pk, byte[] sk) {
    byte[] shared = new byte[32];
    try {
      if (!X25519.calculateAgreement(sk, 0, pk, 0, shared, 0)) {
        return null;
      }
      byte[] k = new byte[32];
      HSalsa20.hsalsa20(k, ZERO_16, shared);
      return k;
    } finally {
      Arrays.fill(shared, (byte) 0);
    }
  }

  @Override
  public boolean boxEasy(byte[] c, byte[] m, byte[] n, byte[] pk, MemorySegment sk) {
    byte[] secret = bytes(sk);
    try {
      return boxEasy(c, 0, m, n, pk, secret);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static boolean boxEasy(byte[] c, int cOff, byte[] m, byte[] n, byte[] pk, byte[] sk) {
    byte[] k = beforenm(pk, sk);
    if (k == null) {
      return false;
    }
    try {
      secretboxSeal(c, cOff + 16, c, cOff, m, n, k);
      return true;
    } finally {
      Arrays.fill(k, (byte) 0);
    }
  }

  @Override
  public boolean boxOpenEasy(byte[] m, byte[] c, byte[] n, byte[] pk, MemorySegment sk) {
    byte[] secret = bytes(sk);
    try {
      return boxOpen(m, c, 0, c.length, n, pk, secret);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static boolean boxOpen(byte[] m, byte[] c, int cOff, int cLen, byte[] n, byte[] pk, byte[] sk) {
    byte[] k = beforenm(pk, sk);
    if (k == null) {
      return false;
    }
    try {
      return secretboxOpen(m, c, cOff + 16, cLen - 16, c, cOff, n, k);
    } finally {
      Arrays.fill(k, (byte) 0);
    }
  }

  /** crypto_box_seal's nonce: BLAKE2b-192 of the ephemeral public key and the recipient's. */
  private static byte[] sealNonce(byte[] epk, int epkOff, byte[] pk) {
    Blake2bDigest digest = new Blake2bDigest(null, 24, null, null);
    digest.update(epk, epkOff, 32);
    digest.update(pk, 0, 32);
    byte[] nonce = new byte[24];
    digest.doFinal(nonce, 0);
    return nonce;
  }

  @Override
  public boolean boxSeal(byte[] c, byte[] m, byte[] pk) {
    byte[] esk = new byte[32];
    try {
      randomBytes(esk);
      X25519.scalarMultBase(esk, 0, c, 0);
      return boxEasy(c, 32, m, sealNonce(c, 0, pk), pk, esk);
    } finally {
      Arrays.fill(esk, (byte) 0);
    }
  }

  @Override
  public boolean boxSealOpen(byte[] m, byte[] c, byte[] pk, MemorySegment sk) {
    byte[] secret = bytes(sk);
    try {
      byte[] epk = Arrays.copyOf(c, 32);
      return boxOpen(m, c, 32, c.length - 32, sealNonce(c, 0, pk), epk, secret);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  // ---- sign ----

  @Override
  public void signSeedKeypair(byte[] pk, MemorySegment sk, MemorySegment seed) {
    byte[] s = bytes(seed);
    try {
      Ed25519.generatePublicKey(s, 0, pk, 0);
      MemorySegment.copy(s, 0, sk, ValueLayout.JAVA_BYTE, 0, 32);
      MemorySegment.copy(pk, 0, sk, ValueLayout.JAVA_BYTE, 32, 32);
    } finally {
      Arrays.fill(s, (byte) 0);
    }
  }

  @Override
  public void signDetached(byte[] sig, byte[] m, MemorySegment sk) {
    byte[] secret = bytes(sk);
    try {
      // libsodium signs with the public key stored in the secret key, as given.
      Ed25519.sign(secret, 0, secret, 32, m, 0, m.length, sig, 0);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  @Override
  public boolean signVerifyDetached(byte[] sig, byte[] m, byte[] pk) {
    return verify(sig, 0, m, 0, m.length, pk);
  }

  private boolean verify(byte[] sig, int sigOff, byte[] m, int mOff, int mLen, byte[] pk) {
    // libsodium's checks before the equation: R not of small order, A canonical and not of small
    // order (S < L is checked by BouncyCastle as by libsodium).
    if (Ed25519Checks.hasSmallOrder(sig, sigOff) || !Ed25519Checks.isCanonical(pk, 0)
        || Ed25519Checks.hasSmallOrder(pk, 0)) {
      return false;
    }
    Ed25519.PublicPoint point = publicPoints.get(pk);
    return point != null && Ed25519.verify(sig, sigOff, point, m, mOff, mLen);
  }

  @Override
  public void sign(byte[] sm, byte[] m, MemorySegment sk) {
    byte[] secret = bytes(sk);
    try {
      Ed25519.sign(secret, 0, secret, 32, m, 0, m.length, sm, 0);
      System.arraycopy(m, 0, sm, 64, m.length);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  @Override
  public boolean signOpen(byte[] m, byte[] sm, byte[] pk) {
    if (!verify(sm, 0, sm, 64, sm.length - 64, pk)) {
      return false;
    }
    System.arraycopy(sm, 64, m, 0, m.length);
    return true;
  }

  // ---- pwhash ----

  @Override
  public void pwhash(byte[] out, byte[] passwd, byte[] salt, long opslimit, long memlimit) {
    argon2(Argon2Parameters.ARGON2_id, out, passwd, salt, opslimit, memlimit / 1024, 1);
  }

  private static void argon2(int type, byte[] out, byte[] passwd, byte[] salt, long passes, long memoryKiB,
      long lanes) {
    argon2(type, out, passwd, salt, null, null, passes, memoryKiB, lanes);
  }

  /**
   * Argon2 version 1.3, the only version libsodium computes.
   * The secret and associated data, which libsodium's API does not expose, are here for RFC 9106's
   * known answers.
   */
  static void argon2(int type, byte[] out, byte[] passwd, byte[] salt, byte[] secret, byte[] ad, long passes,
      long memoryKiB, long lanes) {
    Argon2Parameters.Builder builder = new Argon2Parameters.Builder(type)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withIterations((int) passes)
        .withMemoryAsKB((int) memoryKiB)
        .withParallelism((int) lanes)
        .withSalt(salt);
    if (secret != null) {
      builder.withSecret(secret);
    }
    if (ad != null) {
      builder.withAdditional(ad);
    }
    Argon2Parameters parameters = builder.build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    generator.generateBytes(passwd, out);
  }

  @Override
  public String pwhashStr(byte[] passwd, long opslimit, long memlimit) {
    byte[] salt = new byte[16];
    randomBytes(salt);
    byte[] hash = new byte[32];
    argon2(Argon2Parameters.ARGON2_id, hash, passwd, salt, opslimit, memlimit / 1024, 1);
    return Argon2Strings.encode(Argon2Strings.Type.ARGON2ID, memlimit / 1024, opslimit, 1, salt, hash);
  }

  @Override
  public boolean pwhashStrVerify(String str, byte[] passwd) {
    Argon2Strings.Type type = Argon2Strings.typeOf(str);
    if (type == null) {
      return false;
    }
    Argon2Strings.Decoded decoded = Argon2Strings.decode(str, type);
    if (decoded == null) {
      return false;
    }
    byte[] computed = new byte[decoded.hash().length];
    argon2(type == Argon2Strings.Type.ARGON2ID ? Argon2Parameters.ARGON2_id : Argon2Parameters.ARGON2_i, computed,
        passwd, decoded.salt(), decoded.passes(), decoded.memoryKiB(), decoded.lanes());
    return Crypto.constantTimeEquals(computed, decoded.hash());
  }

  @Override
  public int pwhashStrNeedsRehash(String str, long opslimit, long memlimit) {
    Argon2Strings.Type type = Argon2Strings.typeOf(str);
    if (type == null || Argon2Strings.cString(str).length() >= PwHash.STR_BYTES) {
      return -1;
    }
    Argon2Strings.Decoded decoded = Argon2Strings.decode(str, type);
    if (decoded == null) {
      return -1;
    }
    return decoded.passes() != opslimit || decoded.memoryKiB() != memlimit / 1024 ? 1 : 0;
  }

  // ---- generichash, kdf ----

  private static Blake2bDigest blake2b(MemorySegment key, int outlen, byte[] salt, byte[] personal) {
    byte[] k = key == null ? null : bytes(key);
    try {
      return new Blake2bDigest(k, outlen, salt, personal);
    } finally {
      if (k != null) {
        Arrays.fill(k, (byte) 0);
      }
    }
  }

  @Override
  public void generichash(byte[] out, byte[] in, int offset, int length, MemorySegment key) {
    Blake2bDigest digest = blake2b(key, out.length, null, null);
    digest.update(in, offset, length);
    digest.doFinal(out, 0);
  }

  @Override
  public GenericHashState generichashInit(MemorySegment key, int outlen, byte[] salt, byte[] personal) {
    Blake2bDigest digest = blake2b(key, outlen, salt, personal);
    return new GenericHashState() {
      @Override
      public void update(byte[] in, int offset, int length) {
        digest.update(in, offset, length);
      }

      @Override
      public void finish(byte[] out) {
        digest.doFinal(out, 0);
      }
    };
  }

  @Override
  public void kdfDeriveFromKey(MemorySegment subkey, long subkeyId, byte[] ctx, MemorySegment key) {
    byte[] salt = new byte[16];
    for (int i = 0; i < 8; i++) {
      salt[i] = (byte) (subkeyId >>> (8 * i));
    }
    byte[] personal = Arrays.copyOf(ctx, 16);
    Blake2bDigest digest = blake2b(key, (int) subkey.byteSize(), salt, personal);
    byte[] out = new byte[(int) subkey.byteSize()];
    try {
      digest.doFinal(out, 0);
      MemorySegment.copy(out, 0, subkey, ValueLayout.JAVA_BYTE, 0, out.length);
    } finally {
      Arrays.fill(out, (byte) 0);
    }
  }

  // ---- stream ----

  @Override
  public void streamXchacha20Xor(byte[] c, byte[] m, byte[] n, MemorySegment k) {
    byte[] key = bytes(k);
    try {
      XChaCha20Engine chacha = new XChaCha20Engine();
      chacha.init(true, new ParametersWithIV(new KeyParameter(key), n));
      chacha.processBytes(m, 0, m.length, c, 0);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }
}
