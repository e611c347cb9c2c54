package dev.architect.crypto;

import dev.architect.crypto.InvalidTokenException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the claims of an authenticated token against the time and the expected parties.
 *
 * <p>With {@code now} read from the clock and {@code skew} the allowed clock skew (default zero):
 * <ul>
 *   <li>{@code exp}: the token is expired from {@code exp + skew} on (still valid one nanosecond
 *       before). A token without {@code exp} is rejected unless {@link Builder#expirationRequired
 *       expirationRequired(false)}.
 *   <li>{@code nbf}: the token is not yet valid before {@code nbf - skew} (valid from that instant).
 *   <li>{@code iat}: the token is rejected when issued after {@code now + skew}.
 *   <li>{@code iss}, {@code aud}, {@code sub}: equal to the expected value, when one was set (the
 *       claim is then required).
 *   <li>{@linkplain Builder#require required claims}: present.
 * </ul>
 * Date-times are compared as instants: their offsets carry no other meaning.
 *
 * <p>Immutable and thread-safe.
 */
public final class ClaimsValidator {
  private final InstantSource clock;
  private final Duration clockSkew;
  private final boolean expirationRequired;
  private final String issuer;
  private final String audience;
  private final String subject;
  private final Set<String> required;

  private ClaimsValidator(Builder builder) {
    this.clock = builder.clock;
    this.clockSkew = builder.clockSkew;
    this.expirationRequired = builder.expirationRequired;
    this.issuer = builder.issuer;
    this.audience = builder.audience;
    this.subject = builder.subject;
    this.required = Set.copyOf(builder.required);
  }

  /** A builder: system clock, no clock skew, {@code exp} required, nothing else expected. */
  public static Builder builder() {
    return new Builder();
  }

  /** The validator {@code builder().build()} returns. */
  public static ClaimsValidator defaults() {
    return builder().build();
  }

  /**
   * Passes when {@code claims} are valid now, else throws.
   *
   * @throws InvalidTokenException with reason {@code EXPIRED}, {@code NOT_YET_VALID},
   *     {@code ISSUED_IN_THE_FUTURE}, {@code MISSING_CLAIM}, {@code WRONG_ISSUER},
   *     {@code WRONG_AUDIENCE} or {@code WRONG_SUBJECT}; the first failed check in that order
   */
  public void validate(Claims claims) {
    Objects.requireNonNull(claims, "claims");
    Instant now = clock.instant();
    Optional<Instant> expiration = claims.expiration();
    if (expiration.isPresent()) {
      if (!now.isBefore(expiration.get().plus(clockSkew))) {
        throw new InvalidTokenException(Reason.EXPIRED, "token expired at " + expiration.get()
            + " (now " + now + skewNote() + ")");
      }
    } else if (expirationRequired) {
      throw new InvalidTokenException(Reason.MISSING_CLAIM, "token has no exp claim (an expiration is required)");
    }
    Optional<Instant> notBefore = claims.notBefore();
    if (notBefore.isPresent() && now.isBefore(notBefore.get().minus(clockSkew))) {
      throw new InvalidTokenException(Reason.NOT_YET_VALID, "token is not valid before " + notBefore.get()
          + " (now " + now + skewNote() + ")");
    }
    Optional<Instant> issuedAt = claims.issuedAt();
    if (issuedAt.isPresent() && issuedAt.get().isAfter(now.plus(clockSkew))) {
      throw new InvalidTokenException(Reason.ISSUED_IN_THE_FUTURE, "token was issued in the future, at "
          + issuedAt.get() + " (now " + now + skewNote() + ")");
    }
    for (String name : required) {
      if (!claims.contains(name)) {
        throw new InvalidTokenException(Reason.MISSING_CLAIM, "token has no " + name + " claim (it is required)");
      }
    }
    expect(Claims.ISSUER, issuer, claims.issuer(), Reason.WRONG_ISSUER);
    expect(Claims.AUDIENCE, audience, claims.audience(), Reason.WRONG_AUDIENCE);
    expect(Claims.SUBJECT, subject, claims.subject(), Reason.WRONG_SUBJECT);
  }

  private static void expect(String name, String expected, Optional<String> actual, Reason reason) {
    if (expected == null) {
      return;
    }
    if (actual.isEmpty()) {
      throw new InvalidTokenException(Reason.MISSING_CLAIM, "token has no " + name + " claim (expected \""
          + expected + "\")");
    }
    if (!expected.equals(actual.get())) {
      throw new InvalidTokenException(reason, reason.label() + ": expected " + name + " \"" + expected
          + "\", was \"" + actual.get() + "\"");
    }
  }

  private String skewNote() {
    return clockSkew.isZero() ? "" : ", clock skew " + clockSkew;
  }

  /** Builds a {@link ClaimsValidator}; not thread-safe. */
  public static final class Builder {
    private static final Duration MAX_SKEW = Duration.ofDays(1);

    private InstantSource clock = InstantSource.system();
    private Duration clockSkew = Duration.ZERO;
    private boolean expirationRequired = true;
    private String issuer;
    private String audience;
    private String subject;
    private final Set<String> required = new LinkedHashSet<>();

    private Builder() {}

    /** Requires {@code iss} to equal {@code issuer}. */
    public Builder issuer(String issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /** Requires {@code aud} to equal {@code audience}. */
    public Builder audience(String audience) {
      this.audience = Objects.requireNonNull(audience, "audience");
      return this;
    }

    /** Requires {@code sub} to equal {@code subject}. */
    public Builder subject(String subject) {
      this.subject = Objects.requireNonNull(subject, "subject");
      return this;
    }

    /**
     * Allows clocks to differ by up to {@code clockSkew} in the time checks (default zero).
     *
     * @throws IllegalArgumentException if {@code clockSkew} is negative or longer than a day
     */
    public Builder clockSkew(Duration clockSkew) {
      Objects.requireNonNull(clockSkew, "clockSkew");
      if (clockSkew.isNegative() || clockSkew.compareTo(MAX_SKEW) > 0) {
        throw new IllegalArgumentException("clockSkew must be between PT0S and " + MAX_SKEW + ", was " + clockSkew);
      }
      this.clockSkew = clockSkew;
      return this;
    }

    /** Reads the time from {@code clock} (default {@link InstantSource#system()}). */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Whether a token must have an {@code exp} claim (default true). */
    public Builder expirationRequired(boolean expirationRequired) {
      this.expirationRequired = expirationRequired;
      return this;
    }

    /**
     * Requires the claims {@code names} to be present (in addition to earlier calls).
     *
     * @throws IllegalArgumentException if a name is empty
     */
    public Builder require(String... names) {
      for (String name : names) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
          throw new IllegalArgumentException("required claim name must not be empty");
        }
        required.add(name);
      }
      return this;
    }

    /** The validator. */
    public ClaimsValidator build() {
      return new ClaimsValidator(this);
    }
  }
}
