package dev.architect.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The examples of the README's "Tokens" section, as written there. */
class TokenReadmeExampleTest {
  @Test
  void smallestUsefulExample() {
    try (PasetoSecretKey secretKey = PasetoSecretKey.generate()) {
      PasetoPublicKey publicKey = secretKey.publicKey();

      String token = TokenIssuer.builder(secretKey).lifetime(Duration.ofMinutes(15)).build()
          .issue(Claims.builder().issuer("auth.example.com").subject("user-42").build());   // v4.public.eyJ...

      Claims claims = TokenVerifier.builder(publicKey).issuer("auth.example.com").build()
          .verify(token).claims();
      claims.subject();   // Optional[user-42]

      assertThat(token).startsWith("v4.public.eyJ");
      assertThat(claims.subject()).hasToString("Optional[user-42]");
      assertThat(claims.expiration().orElseThrow()).isEqualTo(claims.issuedAt().orElseThrow().plus(Duration.ofMinutes(15)));
    }
  }

  @Test
  void keysAsStrings() {
    try (PasetoLocalKey localKey = PasetoLocalKey.copyOf(java.util.HexFormat.of().parseHex(
            "707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f"));
         PasetoLocalKey wrappingKey = PasetoLocalKey.generate();
         PasetoSecretKey secretKey = PasetoSecretKey.generate();
         PasetoSecretKey recipient = PasetoSecretKey.generate()) {
      PasetoPublicKey publicKey = PasetoPublicKey.of(java.util.HexFormat.of().parseHex(
          "707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f"));
      PasetoPublicKey recipientPublicKey = recipient.publicKey();
      byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);

      String text = Paserk.encode(localKey);                             // k4.local.cHFyc3R1dnd4...
      PasetoLocalKey same = Paserk.decode(text, PasetoLocalKey.class);
      String kid = Paserk.id(publicKey);                                 // k4.pid.9ShR3xc8-qVJ_di0...
      String wrapped = Paserk.wrap(localKey, wrappingKey);               // k4.local-wrap.pie.
      String sealed = Paserk.seal(localKey, recipientPublicKey);         // k4.seal.
      String locked = Paserk.wrapWithPassword(secretKey, password, PwHash.MODERATE);   // k4.secret-pw.

      assertThat(text).startsWith("k4.local.cHFyc3R1dnd4");
      assertThat(same.toByteArray()).isEqualTo(localKey.toByteArray());
      assertThat(kid).startsWith("k4.pid.9ShR3xc8-qVJ_di0");
      assertThat(wrapped).startsWith("k4.local-wrap.pie.");
      assertThat(sealed).startsWith("k4.seal.");
      assertThat(locked).startsWith("k4.secret-pw.");
      assertThat(Paserk.unseal(sealed, recipient).toByteArray()).isEqualTo(localKey.toByteArray());
    }
  }
}
