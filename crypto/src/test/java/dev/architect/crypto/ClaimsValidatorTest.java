package dev.architect.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.architect.crypto.InvalidTokenException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each time check at, just before and just after its boundary, with and without clock skew, on a fake clock. */
class ClaimsValidatorTest {
  private static final Instant T = Instant.parse("2030-06-01T12:00:00Z");
  private static final Duration NS = Duration.ofNanos(1);

  private final AtomicReference<Instant> now = new AtomicReference<>(T);
  private final InstantSource clock = now::get;

  private Reason outcome(ClaimsValidator validator, Claims claims, Instant at) {
    now.set(at);
    try {
      validator.validate(claims);
      return null;
    } catch (InvalidTokenException e) {
      return e.reason();
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 30, 300})
  void expirationIsExclusiveAndShiftedByTheSkew(long skewSeconds) {
    Duration skew = Duration.ofSeconds(skewSeconds);
    ClaimsValidator validator = ClaimsValidator.builder().clock(clock).clockSkew(skew).build();
    Claims claims = Claims.builder().expiration(T).build();
    Instant boundary = T.plus(skew);

    assertThat(outcome(validator, claims, boundary.minus(Duration.ofDays(1)))).isNull();
    assertThat(outcome(validator, claims, boundary.minus(NS))).isNull();
    assertThat(outcome(validator, claims, boundary)).isEqualTo(Reason.EXPIRED);
    assertThat(outcome(validator, claims, boundary.plus(NS))).isEqualTo(Reason.EXPIRED);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 30, 300})
  void notBeforeIsInclusiveAndShiftedByTheSkew(long skewSeconds) {
    Duration skew = Duration.ofSeconds(skewSeconds);
    ClaimsValidator validator = ClaimsValidator.builder().clock(clock).clockSkew(skew).expirationRequired(false).build();
    Claims claims = Claims.builder().notBefore(T).build();
    Instant boundary = T.minus(skew);

    assertThat(outcome(validator, claims, boundary.minus(NS))).isEqualTo(Reason.NOT_YET_VALID);
    assertThat(outcome(validator, claims, boundary)).isNull();
    assertThat(outcome(validator, claims, boundary.plus(NS))).isNull();
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 30, 300})
  void issuedAtMayNotBeInTheFutureBeyondTheSkew(long skewSeconds) {
    Duration skew = Duration.ofSeconds(skewSeconds);
    ClaimsValidator validator = ClaimsValidator.builder().clock(clock).clockSkew(skew).expirationRequired(false).build();
    Claims claims = Claims.builder().issuedAt(T).build();
    Instant boundary = T.minus(skew);   // the earliest "now" at which iat = T is acceptable

    assertThat(outcome(validator, claims, boundary.minus(NS))).isEqualTo(Reason.ISSUED_IN_THE_FUTURE);
    assertThat(outcome(validator, claims, boundary)).isNull();
    assertThat(outcome(validator, claims, boundary.plus(Duration.ofDays(365)))).isNull();
  }

  @Test
  void aTokenValidFromNbfUntilExp() {
    ClaimsValidator validator = ClaimsValidator.builder().clock(clock).build();
    Claims claims = Claims.builder().notBefore(T).issuedAt(T).expiration(T.plusSeconds(60)).build();

    assertThat(outcome(validator, claims, T.minus(NS))).isEqualTo(Reason.NOT_YET_VALID);
    assertThat(outcome(validator, claims, T)).isNull();
    assertThat(outcome(validator, claims, T.plusSeconds(60).minus(NS))).isNull();
    assertThat(outcome(validator, claims, T.plusSeconds(60))).isEqualTo(Reason.EXPIRED);
  }

  @Test
  void offsetsOnlyLocateTheInstant() {
    ClaimsValidator validator = ClaimsValidator.builder().clock(clock).build();
    Claims claims = Claims.fromJson("{\"exp\":\"2030-06-01T14:00:00+02:00\"}");   // = T

    assertThat(outcome(validator, claims, T.minus(NS))).isNull();
    assertThat(outcome(validator, claims, T)).isEqualTo(Reason.EXPIRED);
  }

  @Test
  void messagesNameTheTimes() {
    ClaimsValidator validator = ClaimsValidator.builder().clock(clock).clockSkew(Duration.ofSeconds(30)).build();
    now.set(T);
    assertThatThrownBy(() -> validator.validate(Claims.builder().expiration(T.minusSeconds(60)).build()))
        .hasMessage("token expired at 2030-06-01T11:59:00Z (now 2030-06-01T12:00:00Z, clock skew PT30S)");
    assertThatThrownBy(() -> validator.validate(Claims.builder().expiration(T.plusSeconds(60)).notBefore(T.plusSeconds(60)).build()))
        .hasMessage("token is not valid before 2030-06-01T12:01:00Z (now 2030-06-01T12:00:00Z, clock skew PT30S)");
    assertThatThrownBy(() -> validator.validate(Claims.builder().expiration(T.plusSeconds(60)).issuedAt(T.plusSeconds(60)).build()))
        .hasMessage("token was issued in the future, at 2030-06-01T12:01:00Z (now 2030-06-01T12:00:00Z, clock skew PT30S)");
  }

  @Test
  void expirationIsRequiredUnlessSwitchedOff() {
    assertThatThrownBy(() -> ClaimsValidator.builder().clock(clock).build().validate(Claims.empty()))
        .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_CLAIM))
        .hasMessage("token has no exp claim (an expiration is required)");
    assertThatCode(() -> ClaimsValidator.builder().expirationRequired(false).build().validate(Claims.empty()))
        .doesNotThrowAnyException();
  }

  @Test
  void partiesAndRequiredClaims() {
    ClaimsValidator validator = ClaimsValidator.builder().clock(clock).expirationRequired(false)
        .issuer("auth").audience("api").subject("user-1").require("jti", "role").build();
    Claims good = Claims.builder().issuer("auth").audience("api").subject("user-1").tokenId("1").claim("role", "x").build();

    assertThat(outcome(validator, good, T)).isNull();
    assertThatThrownBy(() -> validator.validate(good.toBuilder().issuer("evil").build()))
        .hasMessage("wrong issuer: expected iss \"auth\", was \"evil\"");
    assertThat(outcome(validator, good.toBuilder().issuer("evil").build(), T)).isEqualTo(Reason.WRONG_ISSUER);
    assertThat(outcome(validator, good.toBuilder().audience("web").build(), T)).isEqualTo(Reason.WRONG_AUDIENCE);
    assertThat(outcome(validator, good.toBuilder().subject("user-2").build(), T)).isEqualTo(Reason.WRONG_SUBJECT);
    assertThatThrownBy(() -> validator.validate(good.toBuilder().remove("iss").build()))
        .hasMessage("token has no iss claim (expected \"auth\")");
    assertThatThrownBy(() -> validator.validate(good.toBuilder().remove("role").build()))
        .hasMessage("token has no role claim (it is required)");
    assertThat(outcome(validator, good.toBuilder().claim("role", null).build(), T)).isNull();
  }

  @Test
  void builderChecksItsArguments() {
    assertThatThrownBy(() -> ClaimsValidator.builder().clockSkew(Duration.ofSeconds(-1)))
        .hasMessage("clockSkew must be between PT0S and PT24H, was PT-1S");
    assertThatThrownBy(() -> ClaimsValidator.builder().clockSkew(Duration.ofDays(2)))
        .hasMessage("clockSkew must be between PT0S and PT24H, was PT48H");
    assertThatThrownBy(() -> ClaimsValidator.builder().require("")).hasMessage("required claim name must not be empty");
  }
}
