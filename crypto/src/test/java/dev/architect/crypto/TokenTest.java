package dev.architect.crypto;

import static dev.architect.crypto.PasetoTestSupport.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.architect.crypto.InvalidTokenException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** TokenIssuer and TokenVerifier: claims in, claims out, each rejection with its reason. */
class TokenTest {
  private static final Instant T = Instant.parse("2030-06-01T12:00:00.250Z");
  private final AtomicReference<Instant> now = new AtomicReference<>(T);
  private final InstantSource clock = now::get;

  @ParameterizedTest
  @EnumSource(Backend.class)
  void issuesAndVerifiesLocalAndPublicTokens(Backend backend) {
    on(backend, () -> {
      try (PasetoLocalKey local = PasetoLocalKey.generate(); PasetoSecretKey secret = PasetoSecretKey.generate()) {
        Claims claims = Claims.builder().issuer("auth").subject("user-42").claim("roles", List.of("reader")).build();
        for (PasetoKey[] keys : new PasetoKey[][] {{local, local}, {secret, secret.publicKey()}}) {
          TokenIssuer issuer = TokenIssuer.builder(keys[0]).clock(clock).lifetime(Duration.ofMinutes(15)).build();
          String token = issuer.issue(claims, "{\"kid\":\"" + Paserk.id(keys[1]) + "\"}");
          VerifiedToken verified = TokenVerifier.builder(keys[1]).clock(clock).issuer("auth").subject("user-42")
              .build().verify(token);

          assertThat(verified.claims().toJson()).isEqualTo("{\"iss\":\"auth\",\"sub\":\"user-42\",\"roles\":[\"reader\"],"
              + "\"iat\":\"2030-06-01T12:00:00Z\",\"exp\":\"2030-06-01T12:15:00Z\"}");
          assertThat(verified.footer()).isEqualTo("{\"kid\":\"" + Paserk.id(keys[1]) + "\"}");
        }
      }
    });
  }

  @Test
  void lifetimeAddsIatAndExpOnlyWhenAbsent() {
    try (PasetoLocalKey key = PasetoLocalKey.generate()) {
      TokenIssuer issuer = TokenIssuer.builder(key).clock(clock).lifetime(Duration.ofSeconds(60)).build();
      Claims own = Claims.builder().expiration(T.plusSeconds(5)).build();
      TokenVerifier verifier = TokenVerifier.builder(key).clock(clock).build();

      assertThat(verifier.verify(issuer.issue(own)).claims().toJson())
          .isEqualTo("{\"exp\":\"2030-06-01T12:00:05.250Z\",\"iat\":\"2030-06-01T12:00:00Z\"}");
      assertThat(verifier.verify(TokenIssuer.builder(key).clock(clock).build().issue(own)).claims()).isEqualTo(own);
    }
  }

  @Test
  void expiredAndNotYetValidTokensAreRejectedOnTheVerifiersClock() {
    try (PasetoSecretKey secret = PasetoSecretKey.generate()) {
      String token = TokenIssuer.builder(secret).clock(clock).lifetime(Duration.ofMinutes(5)).build()
          .issue(Claims.builder().notBefore(T.plusSeconds(60)).build());
      TokenVerifier verifier = TokenVerifier.builder(secret.publicKey()).clock(clock).clockSkew(Duration.ofSeconds(10)).build();

      now.set(T.plusSeconds(49));
      expect(() -> verifier.verify(token), Reason.NOT_YET_VALID,
          "token is not valid before 2030-06-01T12:01:00.250Z (now 2030-06-01T12:00:49.250Z, clock skew PT10S)");
      now.set(T.plusSeconds(51));
      assertThat(verifier.verify(token).claims().notBefore()).contains(T.plusSeconds(60));
      now.set(Instant.parse("2030-06-01T12:05:10Z"));
      expect(() -> verifier.verify(token), Reason.EXPIRED,
          "token expired at 2030-06-01T12:05:00Z (now 2030-06-01T12:05:10Z, clock skew PT10S)");
    }
  }

  @Test
  void keysOfTheWrongPurposeAreRefusedUpFrontAndTokensOfTheWrongPurposeRejected() {
    try (PasetoLocalKey local = PasetoLocalKey.generate(); PasetoSecretKey secret = PasetoSecretKey.generate()) {
      assertThatThrownBy(() -> TokenIssuer.builder(secret.publicKey())).hasMessage(
          "a public key can only verify tokens; issue them with its secret key");
      assertThatThrownBy(() -> TokenVerifier.builder(secret)).hasMessage(
          "a secret key signs tokens; verify them with its public key (secretKey.publicKey())");
      String signed = TokenIssuer.of(secret).issue(Claims.builder().expiration(T.plusSeconds(60)).build());
      String encrypted = TokenIssuer.of(local).issue(Claims.builder().expiration(T.plusSeconds(60)).build());
      expect(() -> TokenVerifier.builder(local).clock(clock).build().verify(signed), Reason.WRONG_HEADER,
          "token header is \"v4.public.\", expected \"v4.local.\"");
      expect(() -> TokenVerifier.builder(secret.publicKey()).clock(clock).build().verify(encrypted), Reason.WRONG_HEADER,
          "token header is \"v4.local.\", expected \"v4.public.\"");
      expect(() -> TokenVerifier.of(local).verify("not a token"), Reason.MALFORMED,
          "not a paseto token (expected one starting with \"v4.local.\")");
    }
  }

  @Test
  void footerAndImplicitAssertionMustMatch() {
    try (PasetoLocalKey key = PasetoLocalKey.generate()) {
      byte[] implicit = "tenant-1".getBytes(StandardCharsets.UTF_8);
      String token = TokenIssuer.builder(key).implicitAssertion(implicit).clock(clock).lifetime(Duration.ofMinutes(1))
          .build().issue(Claims.empty(), "kid-1");
      TokenVerifier.Builder verifier = TokenVerifier.builder(key).clock(clock);

      expect(() -> verifier.build().verify(token), Reason.AUTHENTICATION_FAILED,
          "token failed authentication (forged or corrupted, or another key or implicit assertion)");
      assertThat(verifier.implicitAssertion(implicit).build().verify(token).footer()).isEqualTo("kid-1");
      assertThat(verifier.footer("kid-1").build().verify(token).footer()).isEqualTo("kid-1");
      expect(() -> verifier.footer("kid-2").build().verify(token), Reason.WRONG_FOOTER,
          "token footer is not the expected one");
    }
  }

  @Test
  void authenticPayloadsThatAreNotClaimsAreRejected() {
    try (PasetoLocalKey key = PasetoLocalKey.generate()) {
      TokenVerifier verifier = TokenVerifier.builder(key).clock(clock).expirationRequired(false).build();
      expect(() -> verifier.verify(PasetoV4.encrypt(key, "[]".getBytes(StandardCharsets.UTF_8), null, null)),
          Reason.INVALID_CLAIMS, "token payload is not valid claims: claims must be a json object, was an array");
      expect(() -> verifier.verify(PasetoV4.encrypt(key, "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8), null, null)),
          Reason.INVALID_CLAIMS, "token payload is not valid claims: invalid json at offset 7: duplicate member name \"a\"");
      expect(() -> verifier.verify(PasetoV4.encrypt(key, "{\"exp\":1}".getBytes(StandardCharsets.UTF_8), null, null)),
          Reason.INVALID_CLAIMS, "token payload is not valid claims: claim exp must be an RFC 3339 date-time string, was a number");
      expect(() -> verifier.verify(PasetoV4.encrypt(key, new byte[] {'{', (byte) 0xc3, '}'}, null, null)),
          Reason.INVALID_CLAIMS, "token payload is not valid utf-8");
      expect(() -> verifier.verify(PasetoV4.encrypt(key, "{}".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff}, null)),
          Reason.INVALID_CLAIMS, "token footer is not valid utf-8");
      expect(() -> verifier.verify(PasetoV4.encrypt(key, "{} ".getBytes(StandardCharsets.UTF_8), null, null)), null, null);
    }
  }

  @Test
  void malformedTokensNameWhatIsWrong() {
    try (PasetoLocalKey key = PasetoLocalKey.generate()) {
      String token = PasetoV4.encrypt(key, "{}".getBytes(StandardCharsets.UTF_8), "f".getBytes(StandardCharsets.UTF_8), null);
      expect(() -> PasetoV4.decrypt(key, token + ".Zg", null), Reason.MALFORMED,
          "token has more than four parts (a v4.local token is header.payload or header.payload.footer)");
      expect(() -> PasetoV4.decrypt(key, token.substring(0, token.lastIndexOf('.') + 1), null), Reason.MALFORMED,
          "token ends with '.' and an empty footer (a token without a footer has no trailing dot)");
      expect(() -> PasetoV4.decrypt(key, "v4.local.AAAA", null), Reason.MALFORMED,
          "token payload is 3 bytes, too short to hold a nonce and a tag (64 bytes)");
      expect(() -> PasetoV4.verify(PasetoPublicKey.of(new byte[32]), "v4.public.AAAA", null), Reason.MALFORMED,
          "token payload is 3 bytes, too short to hold a signature (64 bytes)");
      expect(() -> PasetoV4.decrypt(key, "v4.local.AA=A", null), Reason.BAD_ENCODING,
          "token payload is not canonical base64url: base64url text has '=' (padding is not allowed) at index 2,"
              + " which is not in the alphabet A-Z a-z 0-9 - _");
      expect(() -> PasetoV4.decrypt(key, "v3.local.AAAA", null), Reason.WRONG_HEADER,
          "token header is \"v3.local.\", expected \"v4.local.\"");
    }
  }

  @Test
  void aClosedKeyCannotBeUsed() {
    PasetoLocalKey key = PasetoLocalKey.generate();
    TokenIssuer issuer = TokenIssuer.of(key);
    key.close();
    assertThatThrownBy(() -> issuer.issue(Claims.empty())).isInstanceOf(IllegalStateException.class)
        .hasMessage("secret key is closed");
    assertThat(key).hasToString("PasetoLocalKey[v4.local, closed]");
  }

  private static void expect(Runnable call, Reason reason, String message) {
    if (reason == null) {
      call.run();
      return;
    }
    assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidTokenException.class,
        e -> assertThat(e.reason()).isEqualTo(reason)).hasMessage(message);
  }
}
