package dev.architect.crypto;

import static dev.architect.crypto.PasetoTestSupport.hex;
import static dev.architect.crypto.PasetoTestSupport.on;
import static dev.architect.crypto.PasetoTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.architect.crypto.InvalidTokenException.Reason;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The 17 official PASETO v4 vectors (paseto-standard/test-vectors), on every backend. */
class PasetoV4VectorsTest {
  private static final List<Map<String, Object>> VECTORS = PasetoTestSupport.vectors("v4.json");

  /** Why each must-fail vector must fail. */
  private static final Map<String, Reason> FAILURES = Map.of(
      "4-F-1", Reason.WRONG_HEADER,     // a v4.local token given to a public key
      "4-F-2", Reason.WRONG_HEADER,     // a v4.public token given to a local key
      "4-F-3", Reason.WRONG_HEADER,     // a v3.local token
      "4-F-4", Reason.BAD_ENCODING,     // the last character has non-zero unused bits
      "4-F-5", Reason.BAD_ENCODING);    // padded with '='

  @Test
  void theFileHoldsNineLocalThreePublicAndFiveFailingVectors() {
    assertThat(VECTORS).hasSize(17);
    assertThat(VECTORS.stream().filter(v -> ((String) v.get("name")).startsWith("4-E-"))).hasSize(9);
    assertThat(VECTORS.stream().filter(v -> ((String) v.get("name")).startsWith("4-S-"))).hasSize(3);
    assertThat(VECTORS.stream().filter(v -> Boolean.TRUE.equals(v.get("expect-fail")))
        .map(v -> v.get("name"))).containsExactlyInAnyOrderElementsOf(FAILURES.keySet());
  }

  @TestFactory
  Stream<DynamicTest> everyVectorOnEveryBackend() {
    return PasetoTestSupport.backends().stream().flatMap(backend -> VECTORS.stream().map(vector ->
        dynamicTest(vector.get("name") + " on " + backend, () -> on(backend, () -> check(vector)))));
  }

  private static void check(Map<String, Object> vector) {
    String name = (String) vector.get("name");
    String token = (String) vector.get("token");
    byte[] footer = utf8(vector.get("footer"));
    byte[] implicit = utf8(vector.get("implicit-assertion"));
    if (Boolean.TRUE.equals(vector.get("expect-fail"))) {
      assertThatThrownBy(() -> {
        if (vector.containsKey("public-key")) {
          PasetoV4.verify(PasetoPublicKey.of(hex(vector.get("public-key"))), token, implicit);
        } else {
          try (PasetoLocalKey key = PasetoLocalKey.copyOf(hex(vector.get("key")))) {
            PasetoV4.decrypt(key, token, implicit);
          }
        }
      }).isInstanceOfSatisfying(InvalidTokenException.class,
          e -> assertThat(e.reason()).as(name).isEqualTo(FAILURES.get(name)));
      return;
    }
    byte[] payload = utf8(vector.get("payload"));
    if (name.startsWith("4-E-")) {
      try (PasetoLocalKey key = PasetoLocalKey.copyOf(hex(vector.get("key")))) {
        assertThat(PasetoV4.encrypt(key, hex(vector.get("nonce")), payload, footer, implicit)).isEqualTo(token);
        PasetoMessage message = PasetoV4.decrypt(key, token, implicit);
        assertThat(message.payload()).isEqualTo(payload);
        assertThat(message.footer()).isEqualTo(footer);
        assertThat(PasetoV4.footer(token)).isEqualTo(footer);
      }
    } else {
      try (PasetoSecretKey secret = PasetoSecretKey.copyOf(hex(vector.get("secret-key")))) {
        assertThat(secret.publicKey()).isEqualTo(PasetoPublicKey.of(hex(vector.get("public-key"))));
        try (PasetoSecretKey fromSeed = PasetoSecretKey.fromSeed(hex(vector.get("secret-key-seed")))) {
          assertThat(fromSeed.toByteArray()).isEqualTo(secret.toByteArray());
        }
        assertThat(PasetoV4.sign(secret, payload, footer, implicit)).isEqualTo(token);
        PasetoMessage message = PasetoV4.verify(secret.publicKey(), token, implicit);
        assertThat(message.payload()).isEqualTo(payload);
        assertThat(message.footer()).isEqualTo(footer);
      }
    }
  }
}
