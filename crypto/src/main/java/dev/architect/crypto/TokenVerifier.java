package dev.architect.crypto;

import dev.architect.crypto.InvalidTokenException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Verifies PASETO v4 tokens and their claims: decrypts {@code v4.local} tokens with a
 * {@link PasetoLocalKey}, or checks the signature of {@code v4.public} tokens with a
 * {@link PasetoPublicKey}, then reads the payload as {@link Claims} and validates them.
 *
 * <pre>{@code
 * TokenVerifier verifier = TokenVerifier.builder(publicKey)
 *     .issuer("https://auth.example.com")
 *     .clockSkew(Duration.ofSeconds(30))
 *     .build();
 * Claims claims = verifier.verify(token).claims();   // or InvalidTokenException with a reason
 * }</pre>
 *
 * <p>In order, a token is rejected when: it is not a token of the key's purpose ({@code MALFORMED},
 * {@code WRONG_HEADER}, {@code BAD_ENCODING}); its tag or signature fails, with the implicit
 * assertion given to the builder ({@code AUTHENTICATION_FAILED}); its footer is not the one expected
 * ({@code WRONG_FOOTER}); its payload is not a UTF-8 JSON object (read strictly, see
 * {@link Claims#fromJson}) with well-typed registered claims, or its footer is not UTF-8
 * ({@code INVALID_CLAIMS}); its claims fail the {@link ClaimsValidator} checks. Nothing of a token
 * that fails authentication is decrypted or parsed.
 *
 * <p>Immutable and thread-safe. It uses the key, not a copy: closing a local key makes
 * {@link #verify} throw {@link IllegalStateException}.
 */
public final class TokenVerifier {
  private final PasetoKey key;
  private final ClaimsValidator validator;
  private final byte[] expectedFooter;
  private final byte[] implicitAssertion;

  private TokenVerifier(Builder builder) {
    this.key = builder.key;
    this.validator = builder.validator.build();
    this.expectedFooter = builder.expectedFooter;
    this.implicitAssertion = builder.implicitAssertion;
  }

  /**
   * A builder for a verifier using {@code key}: a local key for {@code v4.local} tokens, a public key
   * for {@code v4.public} tokens.
   *
   * @throws IllegalArgumentException if {@code key} is a secret key (verify with its public key)
   */
  public static Builder builder(PasetoKey key) {
    Objects.requireNonNull(key, "key");
    if (key instanceof PasetoSecretKey) {
      throw new IllegalArgumentException("a secret key signs tokens; verify them with its public key"
          + " (secretKey.publicKey())");
    }
    return new Builder(key);
  }

  /** A verifier using {@code key} with the defaults ({@code builder(key).build()}). */
  public static TokenVerifier of(PasetoKey key) {
    return builder(key).build();
  }

  /**
   * The claims and footer of {@code token}, once it is authentic and its claims are valid.
   *
   * @throws InvalidTokenException if it is not, with the {@linkplain InvalidTokenException#reason()
   *     reason}
   * @throws IllegalStateException if the key is closed
   */
  public VerifiedToken verify(String token) {
    Objects.requireNonNull(token, "token");
    PasetoMessage message = switch (key) {
      case PasetoLocalKey local -> PasetoV4.decrypt(local, token, implicitAssertion);
      case PasetoPublicKey pub -> PasetoV4.verify(pub, token, implicitAssertion);
      case PasetoSecretKey secret -> throw new AssertionError("checked by builder");
    };
    if (expectedFooter != null && !Crypto.constantTimeEquals(expectedFooter, message.footerBytes())) {
      throw new InvalidTokenException(Reason.WRONG_FOOTER, "token footer is not the expected one");
    }
    Claims claims;
    try {
      claims = Claims.fromJson(utf8("payload", message.payloadBytes()));
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException(Reason.INVALID_CLAIMS, "token payload is not valid claims: " + e.getMessage());
    }
    String footer = utf8("footer", message.footerBytes());
    validator.validate(claims);
    return new VerifiedToken(claims, footer);
  }

  private static String utf8(String part, byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidTokenException(Reason.INVALID_CLAIMS, "token " + part + " is not valid utf-8");
    }
  }

  @Override
  public String toString() {
    return "TokenVerifier[" + (key instanceof PasetoLocalKey ? "v4.local" : "v4.public") + "]";
  }

  /**
   * Builds a {@link TokenVerifier}: the {@link ClaimsValidator} settings (system clock, no clock
   * skew, {@code exp} required) plus what the token itself must carry. Not thread-safe.
   */
  public static final class Builder {
    private final PasetoKey key;
    private final ClaimsValidator.Builder validator = ClaimsValidator.builder();
    private byte[] expectedFooter;
    private byte[] implicitAssertion = new byte[0];

    private Builder(PasetoKey key) {
      this.key = key;
    }

    /** Requires {@code iss} to equal {@code issuer}. */
    public Builder issuer(String issuer) {
      validator.issuer(issuer);
      return this;
    }

    /** Requires {@code aud} to equal {@code audience}. */
    public Builder audience(String audience) {
      validator.audience(audience);
      return this;
    }

    /** Requires {@code sub} to equal {@code subject}. */
    public Builder subject(String subject) {
      validator.subject(subject);
      return this;
    }

    /**
     * Allows clocks to differ by up to {@code clockSkew} (default zero).
     *
     * @throws IllegalArgumentException if {@code clockSkew} is negative or longer than a day
     */
    public Builder clockSkew(Duration clockSkew) {
      validator.clockSkew(clockSkew);
      return this;
    }

    /** Reads the time from {@code clock} (default the system clock). */
    public Builder clock(InstantSource clock) {
      validator.clock(clock);
      return this;
    }

    /** Whether tokens must have an {@code exp} claim (default true). */
    public Builder expirationRequired(boolean expirationRequired) {
      validator.expirationRequired(expirationRequired);
      return this;
    }

    /**
     * Requires the claims {@code names} to be present.
     *
     * @throws IllegalArgumentException if a name is empty
     */
    public Builder require(String... names) {
      validator.require(names);
      return this;
    }

    /** Requires the footer to be exactly {@code footer} (compared in constant time). */
    public Builder footer(String footer) {
      this.expectedFooter = Objects.requireNonNull(footer, "footer").getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /** The implicit assertion the tokens were issued with (copied; default none). */
    public Builder implicitAssertion(byte[] implicitAssertion) {
      this.implicitAssertion = Objects.requireNonNull(implicitAssertion, "implicitAssertion").clone();
      return this;
    }

    /** The verifier. */
    public TokenVerifier build() {
      return new TokenVerifier(this);
    }
  }
}
