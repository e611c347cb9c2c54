package dev.architect.crypto;

import dev.architect.crypto.InvalidTokenException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * PASETO version 4 over bytes: {@code v4.local} (XChaCha20 encryption, BLAKE2b-MAC) and
 * {@code v4.public} (Ed25519 signatures), exactly as the PASETO specification defines them, with
 * an optional footer and an optional implicit assertion.
 *
 * <pre>{@code
 * String token = PasetoV4.encrypt(key, payload, footer, implicit);   // v4.local.…
 * PasetoMessage message = PasetoV4.decrypt(key, token, implicit);    // authenticated, then decrypted
 * String signed = PasetoV4.sign(secretKey, payload, footer, implicit);   // v4.public.…
 * PasetoMessage verified = PasetoV4.verify(publicKey, signed, implicit);
 * }</pre>
 *
 * <p>This is the layer the PASETO test vectors run on: the payload is any bytes. Most code wants
 * {@link TokenIssuer} and {@link TokenVerifier}, which carry {@link Claims} and check them.
 *
 * <p>The footer is authenticated but not encrypted (anyone can read it, see {@link #footer});
 * the implicit assertion is authenticated and never written into the token: the verifier must supply
 * the same bytes. {@code null} for either means empty. Decoding is strict: canonical unpadded
 * base64url only ({@link Base64Url}), one footer at most, no empty footer after a dot.
 *
 * <p>The primitives run on the current {@link Crypto#backend() backend}. Stateless and thread-safe.
 */
public final class PasetoV4 {
  static final String LOCAL_HEADER = "v4.local.";
  static final String PUBLIC_HEADER = "v4.public.";
  static final int NONCE_BYTES = 32;
  static final int MAC_BYTES = 32;
  static final int SIGNATURE_BYTES = Sign.BYTES;

  private static final byte[] LOCAL_HEADER_BYTES = LOCAL_HEADER.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PUBLIC_HEADER_BYTES = PUBLIC_HEADER.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ENCRYPTION_KEY_DOMAIN = "paseto-encryption-key".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] AUTH_KEY_DOMAIN = "paseto-auth-key-for-aead".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EMPTY = new byte[0];

  private PasetoV4() {}

  /**
   * A {@code v4.local} token: {@code message} encrypted under {@code key} with a fresh random nonce.
   *
   * @param footer authenticated, readable by anyone; {@code null} or empty for none
   * @param implicitAssertion authenticated, not written into the token; {@code null} for none
   * @throws IllegalStateException if the key is closed
   */
  public static String encrypt(PasetoLocalKey key, byte[] message, byte[] footer, byte[] implicitAssertion) {
    byte[] nonce = Crypto.randomBytes(NONCE_BYTES);
    return encrypt(key, nonce, message, footer, implicitAssertion);
  }

  /** {@link #encrypt(PasetoLocalKey, byte[], byte[], byte[])} with the nonce given (test vectors fix it). */
  static String encrypt(PasetoLocalKey key, byte[] nonce, byte[] message, byte[] footer, byte[] implicitAssertion) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
    Check.length("nonce", nonce, NONCE_BYTES);
    byte[] f = orEmpty(footer);
    byte[] i = orEmpty(implicitAssertion);
    byte[] keys = splitKey(key, nonce);
    byte[] authKey = authKey(key, nonce);
    try {
      byte[] ciphertext = Stream.xchacha20Xor(message, Arrays.copyOfRange(keys, 32, 56), Arrays.copyOf(keys, 32));
      byte[] tag = mac(authKey, nonce, ciphertext, f, i);
      byte[] body = concat(nonce, ciphertext, tag);
      return LOCAL_HEADER + Base64Url.encode(body) + footerPart(f);
    } finally {
      Crypto.zero(keys);
      Crypto.zero(authKey);
    }
  }

  /**
   * The message inside a {@code v4.local} token, once its tag is verified.
   *
   * @param implicitAssertion the bytes the token was made with; {@code null} for none
   * @throws InvalidTokenException if the token is malformed, of another version or purpose, not
   *     canonical base64url, or fails authentication (forged, corrupted, another key or implicit
   *     assertion)
   * @throws IllegalStateException if the key is closed
   */
  public static PasetoMessage decrypt(PasetoLocalKey key, String token, byte[] implicitAssertion) {
    Objects.requireNonNull(key, "key");
    Parts parts = Parts.of(token, LOCAL_HEADER, NONCE_BYTES + MAC_BYTES, "a nonce and a tag");
    byte[] i = orEmpty(implicitAssertion);
    byte[] body = parts.body;
    byte[] nonce = Arrays.copyOf(body, NONCE_BYTES);
    byte[] ciphertext = Arrays.copyOfRange(body, NONCE_BYTES, body.length - MAC_BYTES);
    byte[] tag = Arrays.copyOfRange(body, body.length - MAC_BYTES, body.length);
    byte[] authKey = authKey(key, nonce);
    try {
      byte[] expected = mac(authKey, nonce, ciphertext, parts.footer, i);
      if (!Crypto.constantTimeEquals(expected, tag)) {
        throw new InvalidTokenException(Reason.AUTHENTICATION_FAILED,
            "token failed authentication (forged or corrupted, or another key or implicit assertion)");
      }
    } finally {
      Crypto.zero(authKey);
    }
    byte[] keys = splitKey(key, nonce);
    try {
      byte[] message = Stream.xchacha20Xor(ciphertext, Arrays.copyOfRange(keys, 32, 56), Arrays.copyOf(keys, 32));
      return new PasetoMessage(message, parts.footer);
    } finally {
      Crypto.zero(keys);
    }
  }

  /**
   * A {@code v4.public} token: {@code message} signed with {@code key} (readable by anyone).
   *
   * @param footer authenticated, readable by anyone; {@code null} or empty for none
   * @param implicitAssertion authenticated, not written into the token; {@code null} for none
   * @throws IllegalStateException if the key is closed
   */
  public static String sign(PasetoSecretKey key, byte[] message, byte[] footer, byte[] implicitAssertion) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
    byte[] f = orEmpty(footer);
    byte[] signed = pae(PUBLIC_HEADER_BYTES, message, f, orEmpty(implicitAssertion));
    byte[] signature = Sign.detached(signed, key.secretKey());
    return PUBLIC_HEADER + Base64Url.encode(concat(message, signature, EMPTY)) + footerPart(f);
  }

  /**
   * The message inside a {@code v4.public} token, once its signature is verified.
   *
   * @param implicitAssertion the bytes the token was made with; {@code null} for none
   * @throws InvalidTokenException if the token is malformed, of another version or purpose, not
   *     canonical base64url, or its signature is invalid (forged, corrupted, another key or implicit
   *     assertion)
   */
  public static PasetoMessage verify(PasetoPublicKey key, String token, byte[] implicitAssertion) {
    Objects.requireNonNull(key, "key");
    Parts parts = Parts.of(token, PUBLIC_HEADER, SIGNATURE_BYTES, "a signature");
    byte[] body = parts.body;
    byte[] message = Arrays.copyOf(body, body.length - SIGNATURE_BYTES);
    byte[] signature = Arrays.copyOfRange(body, body.length - SIGNATURE_BYTES, body.length);
    byte[] signed = pae(PUBLIC_HEADER_BYTES, message, parts.footer, orEmpty(implicitAssertion));
    if (!Sign.verify(signature, signed, key.bytes())) {
      throw new InvalidTokenException(Reason.AUTHENTICATION_FAILED,
          "token signature is invalid (forged or corrupted, or another key or implicit assertion)");
    }
    return new PasetoMessage(message, parts.footer);
  }

  /**
   * The footer of a v4 token, read without verifying anything: to pick a key by its id before
   * verifying, never to trust. Empty when the token has none.
   *
   * @throws InvalidTokenException if the token is not a well-formed {@code v4.local} or
   *     {@code v4.public} token
   */
  public static byte[] footer(String token) {
    Objects.requireNonNull(token, "token");
    String header = token.startsWith(PUBLIC_HEADER) ? PUBLIC_HEADER : LOCAL_HEADER;
    return Parts.of(token, header, 0, "").footer.clone();
  }

  /** Pre-authentication encoding: the count, then each piece prefixed by its length (LE64). */
  static byte[] pae(byte[]... pieces) {
    int length = 8;
    for (byte[] piece : pieces) {
      length = Check.plus("token", length, 8 + piece.length);
    }
    byte[] out = new byte[length];
    int at = le64(out, 0, pieces.length);
    for (byte[] piece : pieces) {
      at = le64(out, at, piece.length);
      System.arraycopy(piece, 0, out, at, piece.length);
      at += piece.length;
    }
    return out;
  }

  private static int le64(byte[] out, int at, long value) {
    // The top bit is cleared, as PAE requires; lengths of Java arrays never reach it anyway.
    long v = value & Long.MAX_VALUE;
    for (int k = 0; k < 8; k++) {
      out[at + k] = (byte) (v >>> (8 * k));
    }
    return at + 8;
  }

  /** Ek || n2: BLAKE2b-448 of the domain and nonce, keyed with the key. */
  private static byte[] splitKey(PasetoLocalKey key, byte[] nonce) {
    return GenericHash.hasher(56, key.secretKey()).update(ENCRYPTION_KEY_DOMAIN).update(nonce).finish();
  }

  /** Ak: BLAKE2b-256 of the domain and nonce, keyed with the key. */
  private static byte[] authKey(PasetoLocalKey key, byte[] nonce) {
    return GenericHash.hasher(32, key.secretKey()).update(AUTH_KEY_DOMAIN).update(nonce).finish();
  }

  /** BLAKE2b-MAC of PAE(h, n, c, f, i), streamed (no copy of the ciphertext). */
  private static byte[] mac(byte[] authKey, byte[] nonce, byte[] ciphertext, byte[] footer, byte[] implicit) {
    byte[][] pieces = {LOCAL_HEADER_BYTES, nonce, ciphertext, footer, implicit};
    byte[] length = new byte[8];
    GenericHash.Hasher hasher = GenericHash.hasher(MAC_BYTES, authKey);
    le64(length, 0, pieces.length);
    hasher.update(length);
    for (byte[] piece : pieces) {
      le64(length, 0, piece.length);
      hasher.update(length).update(piece);
    }
    return hasher.finish();
  }

  private static String footerPart(byte[] footer) {
    return footer.length == 0 ? "" : "." + Base64Url.encode(footer);
  }

  private static byte[] orEmpty(byte[] bytes) {
    return bytes == null ? EMPTY : bytes;
  }

  private static byte[] concat(byte[] a, byte[] b, byte[] c) {
    byte[] out = new byte[Check.plus("token", Check.plus("token", a.length, b.length), c.length)];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    System.arraycopy(c, 0, out, a.length + b.length, c.length);
    return out;
  }

  /** A token taken apart: header checked, body and footer decoded. */
  private record Parts(byte[] body, byte[] footer) {
    static Parts of(String token, String header, int minimum, String minimumWhat) {
      Objects.requireNonNull(token, "token");
      if (!token.startsWith(header)) {
        throw wrongHeader(token, header);
      }
      int dot = token.indexOf('.', header.length());
      String body = dot < 0 ? token.substring(header.length()) : token.substring(header.length(), dot);
      String footer = dot < 0 ? null : token.substring(dot + 1);
      if (footer != null && footer.indexOf('.') >= 0) {
        throw new InvalidTokenException(Reason.MALFORMED, "token has more than four parts (a "
            + header.substring(0, header.length() - 1) + " token is header.payload or header.payload.footer)");
      }
      if (footer != null && footer.isEmpty()) {
        throw new InvalidTokenException(Reason.MALFORMED,
            "token ends with '.' and an empty footer (a token without a footer has no trailing dot)");
      }
      byte[] decodedBody = decode("payload", body);
      if (decodedBody.length < minimum) {
        throw new InvalidTokenException(Reason.MALFORMED, "token payload is " + decodedBody.length
            + " bytes, too short to hold " + minimumWhat + " (" + minimum + " bytes)");
      }
      return new Parts(decodedBody, footer == null ? EMPTY : decode("footer", footer));
    }

    private static byte[] decode(String part, String text) {
      try {
        return Base64Url.decodePublic(text); // a token's parts are public: no need for constant time
      } catch (IllegalArgumentException e) {
        throw new InvalidTokenException(Reason.BAD_ENCODING, "token " + part + " is not canonical base64url: "
            + e.getMessage());
      }
    }

    private static InvalidTokenException wrongHeader(String token, String expected) {
      int first = token.indexOf('.');
      int second = first < 0 ? -1 : token.indexOf('.', first + 1);
      if (second < 0 || second > 16) {
        return new InvalidTokenException(Reason.MALFORMED, "not a paseto token (expected one starting with \""
            + expected + "\")");
      }
      String header = token.substring(0, second + 1);
      return new InvalidTokenException(Reason.WRONG_HEADER, "token header is \"" + printable(header)
          + "\", expected \"" + expected + "\"");
    }

    private static String printable(String text) {
      StringBuilder out = new StringBuilder();
      for (char c : text.toCharArray()) {
        out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? String.valueOf(c) : String.format("\\u%04x", (int) c));
      }
      return out.toString();
    }
  }
}
