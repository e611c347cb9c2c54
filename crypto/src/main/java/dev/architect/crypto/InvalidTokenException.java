package dev.architect.crypto;

import java.io.Serial;
import java.util.Objects;

/**
 * A token was rejected: it is malformed, failed authentication, or its claims do not pass
 * validation. {@link #reason()} says which; the message says it in words and names the offending
 * value (never key material, and never the claims of a token that failed authentication).
 *
 * <p>Nothing of a token that fails authentication is released: its payload is neither decrypted nor
 * parsed.
 */
public final class InvalidTokenException extends CryptoException {
  @Serial private static final long serialVersionUID = 1L;

  /** Why a token was rejected. */
  public enum Reason {
    /** Not a PASETO token at all: missing or extra parts, or too short to hold its tag or signature. */
    MALFORMED("malformed"),
    /** A PASETO token of another version or purpose than the key expects ({@code v3.local.}, say). */
    WRONG_HEADER("wrong header"),
    /** A part is not canonical unpadded base64url. */
    BAD_ENCODING("bad base64url"),
    /** The tag or signature does not match: forged, corrupted, or the wrong key or implicit assertion. */
    AUTHENTICATION_FAILED("authentication failed"),
    /** The footer differs from the one the verifier expects. */
    WRONG_FOOTER("wrong footer"),
    /** Authentic, but the payload is not a UTF-8 JSON object with well-typed registered claims. */
    INVALID_CLAIMS("invalid claims"),
    /** The {@code exp} claim is in the past (beyond the allowed clock skew). */
    EXPIRED("expired"),
    /** The {@code nbf} claim is in the future (beyond the allowed clock skew). */
    NOT_YET_VALID("not yet valid"),
    /** The {@code iat} claim is in the future (beyond the allowed clock skew). */
    ISSUED_IN_THE_FUTURE("issued in the future"),
    /** A claim the verifier requires is absent. */
    MISSING_CLAIM("missing claim"),
    /** The {@code iss} claim is not the expected issuer. */
    WRONG_ISSUER("wrong issuer"),
    /** The {@code aud} claim is not the expected audience. */
    WRONG_AUDIENCE("wrong audience"),
    /** The {@code sub} claim is not the expected subject. */
    WRONG_SUBJECT("wrong subject");

    private final String label;

    Reason(String label) {
      this.label = label;
    }

    /** The reason in a few lowercase words ({@code "authentication failed"}). */
    public String label() {
      return label;
    }
  }

  private final Reason reason;

  /**
   * A rejection for {@code reason}.
   *
   * @param reason why the token was rejected
   * @param message the details, lowercase, naming the offending value
   */
  public InvalidTokenException(Reason reason, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the token was rejected. */
  public Reason reason() {
    return reason;
  }
}
