package dev.architect.crypto;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * Public-key authenticated encryption, X25519 + XSalsa20-Poly1305, byte-compatible with libsodium's
 * {@code crypto_box_easy} / {@code crypto_box_open_easy}, and anonymous sealed boxes
 * ({@code crypto_box_seal} / {@code crypto_box_seal_open}).
 *
 * <p>Keys are 32 bytes each, nonces 24 bytes (never reused for one pair of keys). A box is the
 * 16-byte tag followed by the ciphertext; a sealed box is the sender's ephemeral public key (32
 * bytes) followed by a box, 48 bytes longer than the message.
 *
 * <pre>{@code
 * try (KeyPair alice = Box.keyPair(); KeyPair bob = Box.keyPair()) {
 *   byte[] nonce = Box.nonce();
 *   byte[] box = Box.seal(message, nonce, bob.publicKey(), alice.secretKey());
 *   byte[] back = Box.open(box, nonce, alice.publicKey(), bob.secretKey());
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Box {
  /** Public key length: 32. */
  public static final int PUBLIC_KEY_BYTES = 32;
  /** Secret key length: 32. */
  public static final int SECRET_KEY_BYTES = 32;
  /** Nonce length: 24. */
  public static final int NONCE_BYTES = 24;
  /** Authentication tag length: 16. */
  public static final int MAC_BYTES = 16;
  /** What a sealed box adds to the message: ephemeral public key and tag, 48. */
  public static final int SEAL_BYTES = PUBLIC_KEY_BYTES + MAC_BYTES;

  private Box() {}

  /** A new random key pair ({@code crypto_box_keypair}). */
  public static KeyPair keyPair() {
    byte[] publicKey = new byte[PUBLIC_KEY_BYTES];
    SecretKey secretKey = SecretKey.allocate(SECRET_KEY_BYTES);
    try {
      Backends.current().boxKeypair(publicKey, secretKey.segment());
    } catch (RuntimeException e) {
      secretKey.close();
      throw e;
    }
    return new KeyPair(publicKey, secretKey);
  }

  /** The public key of {@code secretKey} ({@code crypto_scalarmult_base}). */
  public static byte[] publicKey(SecretKey secretKey) {
    MemorySegment sk = Check.key("secret key", secretKey, SECRET_KEY_BYTES);
    byte[] publicKey = new byte[PUBLIC_KEY_BYTES];
    Backends.current().scalarmultBase(publicKey, sk);
    return publicKey;
  }

  /** A new random 24-byte nonce. */
  public static byte[] nonce() {
    return Crypto.randomBytes(NONCE_BYTES);
  }

  /**
   * Encrypts and authenticates {@code message} from the sender to the recipient
   * ({@code crypto_box_easy}): tag followed by ciphertext.
   *
   * @throws CryptoException if the recipient's public key is a point of small order (libsodium refuses it)
   * @throws IllegalArgumentException if a key is not 32 bytes or the nonce not 24
   */
  public static byte[] seal(byte[] message, byte[] nonce, byte[] recipientPublicKey, SecretKey senderSecretKey) {
    MemorySegment sk = Check.key("sender secret key", senderSecretKey, SECRET_KEY_BYTES);
    Objects.requireNonNull(message, "message");
    Check.length("nonce", nonce, NONCE_BYTES);
    Check.length("recipient public key", recipientPublicKey, PUBLIC_KEY_BYTES);
    byte[] ciphertext = new byte[Check.plus("message", message.length, MAC_BYTES)];
    if (!Backends.current().boxEasy(ciphertext, message, nonce, recipientPublicKey, sk)) {
      throw new CryptoException("recipient public key is unusable (a point of small order)");
    }
    return ciphertext;
  }

  /**
   * Verifies and decrypts a box made by {@link #seal} ({@code crypto_box_open_easy}).
   *
   * @throws AuthenticationException if the box does not authenticate under these keys and nonce
   * @throws IllegalArgumentException if a key is not 32 bytes or the nonce not 24
   */
  public static byte[] open(byte[] ciphertext, byte[] nonce, byte[] senderPublicKey, SecretKey recipientSecretKey) {
    MemorySegment sk = Check.key("recipient secret key", recipientSecretKey, SECRET_KEY_BYTES);
    Objects.requireNonNull(ciphertext, "ciphertext");
    Check.length("nonce", nonce, NONCE_BYTES);
    Check.length("sender public key", senderPublicKey, PUBLIC_KEY_BYTES);
    if (ciphertext.length < MAC_BYTES) {
      throw new AuthenticationException("authentication failed: ciphertext is shorter than a tag ("
          + ciphertext.length + " bytes, at least " + MAC_BYTES + " needed)");
    }
    byte[] message = new byte[ciphertext.length - MAC_BYTES];
    if (!Backends.current().boxOpenEasy(message, ciphertext, nonce, senderPublicKey, sk)) {
      throw new AuthenticationException("authentication failed");
    }
    return message;
  }

  /**
   * Encrypts {@code message} for the recipient anonymously ({@code crypto_box_seal}): a fresh
   * ephemeral key pair, the nonce derived from both public keys, 48 bytes of overhead.
   *
   * @throws CryptoException if the recipient's public key is a point of small order
   * @throws IllegalArgumentException if the public key is not 32 bytes
   */
  public static byte[] sealAnonymous(byte[] message, byte[] recipientPublicKey) {
    Objects.requireNonNull(message, "message");
    Check.length("recipient public key", recipientPublicKey, PUBLIC_KEY_BYTES);
    byte[] sealed = new byte[Check.plus("message", message.length, SEAL_BYTES)];
    if (!Backends.current().boxSeal(sealed, message, recipientPublicKey)) {
      throw new CryptoException("recipient public key is unusable (a point of small order)");
    }
    return sealed;
  }

  /**
   * Opens a sealed box made by {@link #sealAnonymous} ({@code crypto_box_seal_open}).
   *
   * @throws AuthenticationException if it does not authenticate under the recipient's keys
   * @throws IllegalArgumentException if a key is not 32 bytes
   */
  public static byte[] openAnonymous(byte[] sealed, byte[] recipientPublicKey, SecretKey recipientSecretKey) {
    MemorySegment sk = Check.key("recipient secret key", recipientSecretKey, SECRET_KEY_BYTES);
    Objects.requireNonNull(sealed, "sealed");
    Check.length("recipient public key", recipientPublicKey, PUBLIC_KEY_BYTES);
    if (sealed.length < SEAL_BYTES) {
      throw new AuthenticationException("authentication failed: sealed box is shorter than its overhead ("
          + sealed.length + " bytes, at least " + SEAL_BYTES + " needed)");
    }
    byte[] message = new byte[sealed.length - SEAL_BYTES];
    if (!Backends.current().boxSealOpen(message, sealed, recipientPublicKey, sk)) {
      throw new AuthenticationException("authentication failed");
    }
    return message;
  }
}
