package dev.architect.crypto;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Issues PASETO v4 tokens carrying {@link Claims}: encrypted ({@code v4.local}) with a
 * {@link PasetoLocalKey}, or signed ({@code v4.public}) with a {@link PasetoSecretKey}.
 *
 * <pre>{@code
 * TokenIssuer issuer = TokenIssuer.builder(secretKey).lifetime(Duration.ofMinutes(15)).build();
 * String token = issuer.issue(Claims.builder().subject("user-42").build());
 * }</pre>
 *
 * <p>With a {@linkplain Builder#lifetime lifetime}, each token gets {@code iat} (now, in whole
 * seconds) and {@code exp} (now plus the lifetime) unless its claims already have them. Without one,
 * the claims are issued as they are.
 *
 * <p>Immutable and thread-safe. It uses the key, not a copy: closing the key makes
 * {@link #issue} throw {@link IllegalStateException}.
 */
public final class TokenIssuer {
  private final PasetoKey key;
  private final InstantSource clock;
  private final Duration lifetime;
  private final byte[] implicitAssertion;

  private TokenIssuer(Builder builder) {
    this.key = builder.key;
    this.clock = builder.clock;
    this.lifetime = builder.lifetime;
    this.implicitAssertion = builder.implicitAssertion;
  }

  /**
   * A builder for an issuer using {@code key}: a local key encrypts, a secret key signs.
   *
   * @throws IllegalArgumentException if {@code key} is a public key (it can only verify)
   */
  public static Builder builder(PasetoKey key) {
    Objects.requireNonNull(key, "key");
    if (key instanceof PasetoPublicKey) {
      throw new IllegalArgumentException("a public key can only verify tokens; issue them with its secret key");
    }
    return new Builder(key);
  }

  /** An issuer using {@code key} with the defaults ({@code builder(key).build()}). */
  public static TokenIssuer of(PasetoKey key) {
    return builder(key).build();
  }

  /** A token carrying {@code claims}, without a footer. */
  public String issue(Claims claims) {
    return issue(claims, "");
  }

  /**
   * A token carrying {@code claims} and {@code footer} (authenticated, readable by anyone; put a key
   * id there, never a secret).
   *
   * @throws IllegalStateException if the key is closed
   */
  public String issue(Claims claims, String footer) {
    Objects.requireNonNull(claims, "claims");
    Objects.requireNonNull(footer, "footer");
    Claims complete = claims;
    if (lifetime != null && (!claims.contains(Claims.ISSUED_AT) || !claims.contains(Claims.EXPIRATION))) {
      Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      Claims.Builder builder = claims.toBuilder();
      if (!claims.contains(Claims.ISSUED_AT)) {
        builder.issuedAt(now);
      }
      if (!claims.contains(Claims.EXPIRATION)) {
        builder.expiration(now.plus(lifetime));
      }
      complete = builder.build();
    }
    byte[] payload = complete.toJson().getBytes(StandardCharsets.UTF_8);
    byte[] footerBytes = footer.getBytes(StandardCharsets.UTF_8);
    return switch (key) {
      case PasetoLocalKey local -> PasetoV4.encrypt(local, payload, footerBytes, implicitAssertion);
      case PasetoSecretKey secret -> PasetoV4.sign(secret, payload, footerBytes, implicitAssertion);
      case PasetoPublicKey pub -> throw new AssertionError("checked by builder");
    };
  }

  @Override
  public String toString() {
    return "TokenIssuer[" + (key instanceof PasetoLocalKey ? "v4.local" : "v4.public")
        + (lifetime == null ? "" : ", lifetime " + lifetime) + "]";
  }

  /** Builds a {@link TokenIssuer}; not thread-safe. */
  public static final class Builder {
    private final PasetoKey key;
    private InstantSource clock = InstantSource.system();
    private Duration lifetime;
    private byte[] implicitAssertion = new byte[0];

    private Builder(PasetoKey key) {
      this.key = key;
    }

    /**
     * Gives each token {@code iat} and {@code exp = iat + lifetime} unless its claims have them.
     *
     * @throws IllegalArgumentException if {@code lifetime} is not positive
     */
    public Builder lifetime(Duration lifetime) {
      Objects.requireNonNull(lifetime, "lifetime");
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("lifetime must be positive, was " + lifetime);
      }
      this.lifetime = lifetime;
      return this;
    }

    /** Reads the time for {@code iat} and {@code exp} from {@code clock} (default the system clock). */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Binds every token to {@code implicitAssertion} (copied): authenticated but not written into
     * the token, so the verifier must be given the same bytes (a user id, a request context, ...).
     */
    public Builder implicitAssertion(byte[] implicitAssertion) {
      this.implicitAssertion = Objects.requireNonNull(implicitAssertion, "implicitAssertion").clone();
      return this;
    }

    /** The issuer. */
    public TokenIssuer build() {
      return new TokenIssuer(this);
    }
  }
}
