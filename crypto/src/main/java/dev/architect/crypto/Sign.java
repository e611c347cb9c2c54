package dev.architect.crypto;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Objects;

/**
 * Ed25519 signatures (RFC 8032), byte-compatible with libsodium's {@code crypto_sign_*}.
 *
 * <p>Keys are laid out as libsodium lays them out: a 32-byte public key, and a 64-byte secret key
 * made of the 32-byte seed followed by the public key. Signatures are 64 bytes; the combined form
 * ({@link #sign}) is the signature followed by the message.
 *
 * <pre>{@code
 * try (KeyPair pair = Sign.keyPair()) {
 *   byte[] signature = Sign.detached(message, pair.secretKey());
 *   boolean valid = Sign.verify(signature, message, pair.publicKey());
 * }
 * }</pre>
 *
 * <p>Verification accepts exactly what libsodium accepts: canonical {@code S}, public keys and
 * {@code R} not of small order.
 *
 * <p>Stateless and thread-safe.
 */
public final class Sign {
  /** Public key length: 32. */
  public static final int PUBLIC_KEY_BYTES = 32;
  /** Secret key length: 64 (seed followed by public key). */
  public static final int SECRET_KEY_BYTES = 64;
  /** Seed length: 32. */
  public static final int SEED_BYTES = 32;
  /** Signature length: 64. */
  public static final int BYTES = 64;

  private Sign() {}

  /** A new key pair from a random seed ({@code crypto_sign_keypair}). */
  public static KeyPair keyPair() {
    try (SecretKey seed = SecretKey.generate(SEED_BYTES)) {
      return keyPair(seed);
    }
  }

  /**
   * The key pair of {@code seed} ({@code crypto_sign_seed_keypair}); the same seed always gives the
   * same pair.
   *
   * @throws IllegalArgumentException if the seed is not 32 bytes
   */
  public static KeyPair keyPair(SecretKey seed) {
    return keyPair(Check.key("seed", seed, SEED_BYTES));
  }

  /** {@link #keyPair(SecretKey)} with the seed in a byte array. */
  public static KeyPair keyPair(byte[] seed) {
    return keyPair(Check.key("seed", seed, SEED_BYTES));
  }

  private static KeyPair keyPair(MemorySegment seed) {
    byte[] publicKey = new byte[PUBLIC_KEY_BYTES];
    SecretKey secretKey = SecretKey.allocate(SECRET_KEY_BYTES);
    try {
      Backends.current().signSeedKeypair(publicKey, secretKey.segment(), seed);
    } catch (RuntimeException e) {
      secretKey.close();
      throw e;
    }
    return new KeyPair(publicKey, secretKey);
  }

  /** The public key inside a 64-byte secret key ({@code crypto_sign_ed25519_sk_to_pk}). */
  public static byte[] publicKey(SecretKey secretKey) {
    MemorySegment sk = Check.key("secret key", secretKey, SECRET_KEY_BYTES);
    return sk.asSlice(SEED_BYTES, PUBLIC_KEY_BYTES).toArray(ValueLayout.JAVA_BYTE);
  }

  /** The seed inside a 64-byte secret key ({@code crypto_sign_ed25519_sk_to_seed}), as a new key. */
  public static SecretKey seed(SecretKey secretKey) {
    MemorySegment sk = Check.key("secret key", secretKey, SECRET_KEY_BYTES);
    SecretKey seed = SecretKey.allocate(SEED_BYTES);
    MemorySegment.copy(sk, 0, seed.segment(), 0, SEED_BYTES);
    return seed;
  }

  /**
   * The 64-byte signature of {@code message} ({@code crypto_sign_detached}).
   *
   * @throws IllegalArgumentException if the secret key is not 64 bytes
   */
  public static byte[] detached(byte[] message, SecretKey secretKey) {
    return detached(message, Check.key("secret key", secretKey, SECRET_KEY_BYTES));
  }

  /** {@link #detached(byte[], SecretKey)} with the secret key in a byte array. */
  public static byte[] detached(byte[] message, byte[] secretKey) {
    return detached(message, Check.key("secret key", secretKey, SECRET_KEY_BYTES));
  }

  private static byte[] detached(byte[] message, MemorySegment secretKey) {
    Objects.requireNonNull(message, "message");
    byte[] signature = new byte[BYTES];
    Backends.current().signDetached(signature, message, secretKey);
    return signature;
  }

  /**
   * Whether {@code signature} is a valid signature of {@code message} under {@code publicKey}
   * ({@code crypto_sign_verify_detached}). A signature of another length is invalid.
   *
   * @throws IllegalArgumentException if the public key is not 32 bytes
   */
  public static boolean verify(byte[] signature, byte[] message, byte[] publicKey) {
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(message, "message");
    Check.length("public key", publicKey, PUBLIC_KEY_BYTES);
    return signature.length == BYTES && Backends.current().signVerifyDetached(signature, message, publicKey);
  }

  /**
   * The signed message: signature followed by {@code message} ({@code crypto_sign}).
   *
   * @throws IllegalArgumentException if the secret key is not 64 bytes
   */
  public static byte[] sign(byte[] message, SecretKey secretKey) {
    MemorySegment sk = Check.key("secret key", secretKey, SECRET_KEY_BYTES);
    Objects.requireNonNull(message, "message");
    byte[] signed = new byte[Check.plus("message", message.length, BYTES)];
    Backends.current().sign(signed, message, sk);
    return signed;
  }

  /**
   * The message inside a signed message made by {@link #sign}, once its signature is verified
   * ({@code crypto_sign_open}).
   *
   * @throws AuthenticationException if the signature is invalid or the input shorter than one
   * @throws IllegalArgumentException if the public key is not 32 bytes
   */
  public static byte[] open(byte[] signedMessage, byte[] publicKey) {
    Objects.requireNonNull(signedMessage, "signedMessage");
    Check.length("public key", publicKey, PUBLIC_KEY_BYTES);
    if (signedMessage.length < BYTES) {
      throw new AuthenticationException("invalid signature: signed message is shorter than a signature ("
          + signedMessage.length + " bytes, at least " + BYTES + " needed)");
    }
    byte[] message = new byte[signedMessage.length - BYTES];
    if (!Backends.current().signOpen(message, signedMessage, publicKey)) {
      Arrays.fill(message, (byte) 0);
      throw new AuthenticationException("invalid signature");
    }
    return message;
  }
}
