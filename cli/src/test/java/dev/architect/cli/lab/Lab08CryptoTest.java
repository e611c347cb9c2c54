package dev.architect.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.architect.crypto.Backend;
import dev.architect.crypto.Claims;
import dev.architect.crypto.Crypto;
import dev.architect.crypto.Paserk;
import dev.architect.crypto.PwHash;
import dev.architect.crypto.Sign;
import dev.architect.crypto.TokenVerifier;
import dev.architect.crypto.VerifiedToken;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lab 08's output is computed: these check what it computed (re-verifying its keys, hashes and tokens). */
class Lab08CryptoTest {
  private static String run(Backend backend) {
    org.junit.jupiter.api.Assumptions.assumeTrue(Crypto.available().contains(backend),
        () -> "backend " + backend + " cannot run here: libsodium is not installed");
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      Crypto.withBackend(backend, () -> {
        new Lab08Crypto(false).run(out);
        return null;
      });
    }
    return text.toString();
  }

  private static String find(String output, String regex) {
    Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(output);
    assertThat(matcher.find()).as("output matching %s", regex).isTrue();
    return matcher.group(1);
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void theLabsResultsHold(Backend backend) {
    String output = run(backend);
    assertThat(output).contains("  backend: " + backend);

    // 1. The box opened to the message; the flipped bit and the other key were refused.
    assertThat(output).contains("opened:      \"meet me at the usual place at 10\"");
    assertThat(find(output, "one bit of the ciphertext flipped: (.*)$")).startsWith("rejected, AuthenticationException");
    assertThat(find(output, "opened with another key: +(.*)$")).startsWith("rejected, AuthenticationException");

    // 2. The printed signature verifies under the printed public key, and only for the original message.
    byte[] publicKey = HexFormat.of().parseHex(find(output, "public key:  ([0-9a-f]{64})$"));
    byte[] signature = HexFormat.of().parseHex(find(output, "signature:   ([0-9a-f]{128})$"));
    assertThat(Sign.verify(signature, "transfer 100 EUR to account 42".getBytes(StandardCharsets.UTF_8), publicKey)).isTrue();
    assertThat(output).contains("verify(original message):  true", "verify(\"transfer 900 ...\"): false",
        "verify(another public key): false");

    // 3. Each printed Argon2id string has its preset's parameters and verifies the password.
    byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    String interactive = find(output, "^  INTERACTIVE .* ms  (\\$argon2id\\$\\S+)$");
    String moderate = find(output, "^  MODERATE .* ms  (\\$argon2id\\$\\S+)$");
    assertThat(interactive).startsWith("$argon2id$v=19$m=65536,t=2,p=1$");
    assertThat(moderate).startsWith("$argon2id$v=19$m=262144,t=3,p=1$");
    assertThat(PwHash.verify(interactive, password)).isTrue();
    assertThat(PwHash.verify(moderate, password)).isTrue();
    assertThat(output).contains("verify(right password): true, verify(wrong password): false, needs rehash for SENSITIVE: true");
    assertThat(output).containsPattern("SENSITIVE +4 +1024 MiB +- +\\(not run: switched off for this run\\)");

    // 4. BLAKE2b of "abc" (RFC 7693 appendix A for 512 bits), and streaming equals one shot.
    String blake256 = find(output, "BLAKE2b-256\\(\"abc\"\\): +([0-9a-f]+)$");
    assertThat(blake256).isEqualTo("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
    assertThat(find(output, "BLAKE2b-512\\(\"abc\"\\): +([0-9a-f]+)$")).isEqualTo(
        "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
            + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
    assertThat(find(output, "streamed \"a\" \\+ \"bc\": +([0-9a-f]+)$")).isEqualTo(blake256);

    // 5. The printed signed token verifies under the printed public key and carries the printed claims.
    String publicPaserk = find(output, "public key: +(k4\\.public\\.\\S+)$");
    String signed = find(output, "signed token: +(v4\\.public\\.\\S+)$");
    assertThat(find(output, "encrypted token: (v4\\.local\\.\\S+)$")).isNotEmpty();
    VerifiedToken verified = TokenVerifier.builder(Paserk.decode(publicPaserk)).build().verify(signed);
    Claims claims = verified.claims();
    assertThat(claims.issuer()).contains("lab08");
    assertThat(claims.subject()).contains("user-42");
    assertThat(claims.expiration().orElseThrow()).isEqualTo(claims.issuedAt().orElseThrow().plusSeconds(900));
    assertThat(verified.footer()).isEqualTo("{\"kid\":\"" + Paserk.id(Paserk.decode(publicPaserk)) + "\"}");
    assertThat(find(output, "verified signed: +claims (\\{.*\\}), footer")).isEqualTo(claims.toJson());
    assertThat(find(output, "verified encrypted: claims (\\{.*\\})$")).isEqualTo(claims.toJson());

    for (String[] expected : List.of(
        new String[] {"tampered signed token: +(.*)$", "rejected (AUTHENTICATION_FAILED)"},
        new String[] {"tampered encrypted token: (.*)$", "rejected (AUTHENTICATION_FAILED)"},
        new String[] {"signed token 16 min later: (.*)$", "rejected (EXPIRED): token expired at "},
        new String[] {"same, with 2 min of clock skew allowed: (.*)$", "accepted"},
        new String[] {"encrypted token, with the signing key's public half: (.*)$", "rejected (WRONG_HEADER)"})) {
      assertThat(find(output, expected[0])).startsWith(expected[1]);
    }
  }
}
