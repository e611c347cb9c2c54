package dev.architect.crypto;

import static dev.architect.crypto.PasetoTestSupport.hex;
import static dev.architect.crypto.PasetoTestSupport.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The PASERK k4 vectors (paseto-standard/test-vectors), every form, on every backend. */
class PaserkVectorsTest {
  private static final List<String> FILES = List.of("k4.local", "k4.public", "k4.secret", "k4.lid", "k4.pid", "k4.sid",
      "k4.local-wrap.pie", "k4.secret-wrap.pie", "k4.seal", "k4.local-pw", "k4.secret-pw");

  /** Unit tests run Argon2id up to this memlimit; all the vectors are within it (64 and 256 MiB). */
  private static final long MAX_TEST_MEMLIMIT = 256L << 20;

  @Test
  void theFilesHoldFiftyOneVectorsOfWhichTwentyOneMustFail() {
    List<Map<String, Object>> all = FILES.stream().flatMap(f -> PasetoTestSupport.vectors("PASERK/" + f + ".json").stream())
        .toList();
    assertThat(all).hasSize(51);
    assertThat(all.stream().filter(v -> Boolean.TRUE.equals(v.get("expect-fail")))).hasSize(21);
  }

  @TestFactory
  Stream<DynamicNode> everyVectorOnEveryBackend() {
    return PasetoTestSupport.backends().stream().map(backend -> dynamicContainer("on " + backend,
        FILES.stream().map(file -> dynamicContainer(file,
            PasetoTestSupport.vectors("PASERK/" + file + ".json").stream().map(vector ->
                dynamicTest((String) vector.get("name"), () -> on(backend, () -> check(file, vector))))))));
  }

  private static void check(String file, Map<String, Object> vector) {
    boolean fails = Boolean.TRUE.equals(vector.get("expect-fail"));
    String paserk = (String) vector.get("paserk");
    switch (file) {
      case "k4.local", "k4.public", "k4.secret" -> plain(file, vector, fails, paserk);
      case "k4.lid", "k4.pid", "k4.sid" -> id(file, vector, fails, paserk);
      case "k4.local-wrap.pie", "k4.secret-wrap.pie" -> {
        try (PasetoLocalKey wrappingKey = PasetoLocalKey.copyOf(hex(vector.get("wrapping-key")))) {
          if (fails) {
            expectFailure(vector, () -> Paserk.unwrap(paserk, wrappingKey));
            return;
          }
          PasetoKey key = Paserk.unwrap(paserk, wrappingKey);
          assertThat(bytes(key)).isEqualTo(hex(vector.get("unwrapped")));
          // Wrapping again with a fresh nonce gives another string that unwraps to the same key.
          String again = Paserk.wrap(key, wrappingKey);
          assertThat(again).startsWith(file + ".").isNotEqualTo(paserk);
          assertThat(bytes(Paserk.unwrap(again, wrappingKey))).isEqualTo(hex(vector.get("unwrapped")));
        }
      }
      case "k4.seal" -> {
        try (PasetoSecretKey recipient = PasetoSecretKey.copyOf(hex(vector.get("sealing-secret-key")))) {
          assertThat(recipient.publicKey().toByteArray()).isEqualTo(hex(vector.get("sealing-public-key")));
          if (fails) {
            expectFailure(vector, () -> Paserk.unseal(paserk, recipient));
            return;
          }
          try (PasetoLocalKey key = Paserk.unseal(paserk, recipient)) {
            assertThat(key.toByteArray()).isEqualTo(hex(vector.get("unsealed")));
            String again = Paserk.seal(key, recipient.publicKey());
            assertThat(again).startsWith("k4.seal.").isNotEqualTo(paserk);
            assertThat(Paserk.unseal(again, recipient).toByteArray()).isEqualTo(key.toByteArray());
          }
        }
      }
      case "k4.local-pw", "k4.secret-pw" -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) vector.get("options");
        Object memlimit = options.get("memlimit");
        assumeTrue(memlimit == null || ((Long) memlimit) <= MAX_TEST_MEMLIMIT,
            () -> "memlimit " + memlimit + " is above what unit tests run (" + MAX_TEST_MEMLIMIT + " bytes)");
        byte[] password = ((String) vector.get("password")).getBytes(StandardCharsets.UTF_8);
        if (fails) {
          expectFailure(vector, () -> Paserk.unwrapWithPassword(paserk, password));
          return;
        }
        PasetoKey key = Paserk.unwrapWithPassword(paserk, password);
        assertThat(bytes(key)).isEqualTo(hex(vector.get("unwrapped")));
      }
      default -> throw new AssertionError(file);
    }
  }

  /**
   * A must-fail vector fails for the reason its comment gives: the wrong version, or authentication.
   * Some altered vectors changed the last character so that its unused bits are no longer zero: the
   * strict decoder rejects those before authentication is tried.
   */
  private static void expectFailure(Map<String, Object> vector, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    String comment = (String) vector.get("comment");
    if (comment.contains("wrong version")) {
      assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("paserk version 'k3' is not supported (only k4)");
    } else {
      assertThat(comment).containsAnyOf("authentication tag", "Incorrect password");
      assertThatThrownBy(call).satisfiesAnyOf(
          e -> assertThat(e).isInstanceOf(AuthenticationException.class).hasMessageContaining("failed authentication"),
          e -> assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(
              "data is not canonical base64url: base64url text is not canonical"));
    }
  }

  private static void plain(String file, Map<String, Object> vector, boolean fails, String paserk) {
    if (fails) {
      if (paserk != null) {
        assertThatThrownBy(() -> Paserk.decode(paserk)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageFindingMatch("paserk version 'k3' is not supported|data is not canonical base64url");
      }
      if (vector.get("key") != null) {
        assertThatThrownBy(() -> key(file, hex(vector.get("key")))).isInstanceOf(IllegalArgumentException.class);
      }
      return;
    }
    PasetoKey key = key(file, hex(vector.get("key")));
    assertThat(Paserk.encode(key)).isEqualTo(paserk);
    assertThat(bytes(Paserk.decode(paserk))).isEqualTo(hex(vector.get("key")));
    if (key instanceof PasetoSecretKey secret) {
      assertThat(secret.publicKey().toByteArray()).isEqualTo(hex(vector.get("public-key")));
      assertThat(PasetoSecretKey.fromSeed(hex(vector.get("secret-key-seed"))).toByteArray())
          .isEqualTo(hex(vector.get("key")));
    }
  }

  private static void id(String file, Map<String, Object> vector, boolean fails, String paserk) {
    String keyFile = switch (file) {
      case "k4.lid" -> "k4.local";
      case "k4.pid" -> "k4.public";
      default -> "k4.secret";
    };
    if (fails) {
      assertThatThrownBy(() -> Paserk.id(key(keyFile, hex(vector.get("key"))))).isInstanceOf(
          IllegalArgumentException.class);
      return;
    }
    assertThat(Paserk.id(key(keyFile, hex(vector.get("key"))))).isEqualTo(paserk);
  }

  private static PasetoKey key(String file, byte[] bytes) {
    return switch (file) {
      case "k4.local" -> PasetoLocalKey.copyOf(bytes);
      case "k4.public" -> PasetoPublicKey.of(bytes);
      default -> PasetoSecretKey.copyOf(bytes);
    };
  }

  private static byte[] bytes(PasetoKey key) {
    return switch (key) {
      case PasetoLocalKey local -> local.toByteArray();
      case PasetoPublicKey pub -> pub.toByteArray();
      case PasetoSecretKey secret -> secret.toByteArray();
    };
  }
}
