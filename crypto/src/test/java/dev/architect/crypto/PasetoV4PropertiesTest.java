package dev.architect.crypto;

import static dev.architect.crypto.PasetoTestSupport.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.architect.crypto.InvalidTokenException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Round trips, and tampering of every kind rejected, on every backend. */
class PasetoV4PropertiesTest {
  private static final byte[] FOOTER = "{\"kid\":\"k4.lid.test\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] IMPLICIT = "user-7".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @EnumSource(Backend.class)
  void everyLocalAndPublicTokenRoundTrips(Backend backend) {
    on(backend, () -> {
      Random random = new Random(1);
      try (PasetoLocalKey local = PasetoLocalKey.generate(); PasetoSecretKey secret = PasetoSecretKey.generate()) {
        for (int n = 0; n < 300; n++) {
          byte[] message = bytes(random, random.nextInt(n < 10 ? 2 : 300));
          byte[] footer = random.nextBoolean() ? new byte[0] : bytes(random, 1 + random.nextInt(40));
          byte[] implicit = random.nextBoolean() ? null : bytes(random, random.nextInt(40));

          String encrypted = PasetoV4.encrypt(local, message, footer, implicit);
          assertThat(encrypted).startsWith("v4.local.").doesNotContain("=", "+", "/");
          assertThat(encrypted.contains(".")).isTrue();
          PasetoMessage decrypted = PasetoV4.decrypt(local, encrypted, implicit);
          assertThat(decrypted.payload()).isEqualTo(message);
          assertThat(decrypted.footer()).isEqualTo(footer);
          assertThat(PasetoV4.footer(encrypted)).isEqualTo(footer);

          String signed = PasetoV4.sign(secret, message, footer, implicit);
          assertThat(signed).startsWith("v4.public.");
          PasetoMessage verified = PasetoV4.verify(secret.publicKey(), signed, implicit);
          assertThat(verified.payload()).isEqualTo(message);
          assertThat(verified.footer()).isEqualTo(footer);
        }
        // A fresh nonce each time: the same message never encrypts to the same token.
        assertThat(PasetoV4.encrypt(local, new byte[8], null, null)).isNotEqualTo(PasetoV4.encrypt(local, new byte[8], null, null));
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anyFlippedBitInKeyNonceCiphertextTagFooterOrImplicitAssertionIsRejected(Backend backend) {
    on(backend, () -> {
      byte[] keyBytes = bytes(new Random(2), 32);
      byte[] message = "{\"data\":\"a secret\",\"exp\":\"2039-01-01T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8);
      String token;
      try (PasetoLocalKey key = PasetoLocalKey.copyOf(keyBytes)) {
        token = PasetoV4.encrypt(key, message, FOOTER, IMPLICIT);
        byte[] body = Base64Url.decode(token.substring(9, token.lastIndexOf('.')));
        assertThat(body).hasSize(32 + message.length + 32);
        int flips = 0;
        // nonce (bytes 0-31), ciphertext, tag (last 32): each bit of each
        for (int bit = 0; bit < body.length * 8; bit++) {
          String forged = "v4.local." + Base64Url.encode(flip(body, bit)) + "." + Base64Url.encode(FOOTER);
          expectReason(() -> PasetoV4.decrypt(key, forged, IMPLICIT), Reason.AUTHENTICATION_FAILED);
          flips++;
        }
        for (int bit = 0; bit < FOOTER.length * 8; bit++) {
          String forged = token.substring(0, token.lastIndexOf('.') + 1) + Base64Url.encode(flip(FOOTER, bit));
          expectReason(() -> PasetoV4.decrypt(key, forged, IMPLICIT), Reason.AUTHENTICATION_FAILED);
          flips++;
        }
        for (int bit = 0; bit < IMPLICIT.length * 8; bit++) {
          byte[] implicit = flip(IMPLICIT, bit);
          expectReason(() -> PasetoV4.decrypt(key, token, implicit), Reason.AUTHENTICATION_FAILED);
          flips++;
        }
        assertThat(flips).isEqualTo((body.length + FOOTER.length + IMPLICIT.length) * 8);
      }
      for (int bit = 0; bit < 256; bit++) {
        try (PasetoLocalKey other = PasetoLocalKey.copyOf(flip(keyBytes, bit))) {
          expectReason(() -> PasetoV4.decrypt(other, token, IMPLICIT), Reason.AUTHENTICATION_FAILED);
        }
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void anyFlippedBitInMessageSignatureFooterOrPublicKeyIsRejected(Backend backend) {
    on(backend, () -> {
      byte[] message = "{\"data\":\"signed\",\"exp\":\"2039-01-01T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8);
      try (PasetoSecretKey secret = PasetoSecretKey.fromSeed(bytes(new Random(3), 32))) {
        PasetoPublicKey publicKey = secret.publicKey();
        String token = PasetoV4.sign(secret, message, FOOTER, IMPLICIT);
        byte[] body = Base64Url.decode(token.substring(10, token.lastIndexOf('.')));
        for (int bit = 0; bit < body.length * 8; bit++) {
          String forged = "v4.public." + Base64Url.encode(flip(body, bit)) + "." + Base64Url.encode(FOOTER);
          expectReason(() -> PasetoV4.verify(publicKey, forged, IMPLICIT), Reason.AUTHENTICATION_FAILED);
        }
        for (int bit = 0; bit < FOOTER.length * 8; bit++) {
          String forged = token.substring(0, token.lastIndexOf('.') + 1) + Base64Url.encode(flip(FOOTER, bit));
          expectReason(() -> PasetoV4.verify(publicKey, forged, IMPLICIT), Reason.AUTHENTICATION_FAILED);
        }
        for (int bit = 0; bit < IMPLICIT.length * 8; bit++) {
          byte[] implicit = flip(IMPLICIT, bit);
          expectReason(() -> PasetoV4.verify(publicKey, token, implicit), Reason.AUTHENTICATION_FAILED);
        }
        for (int bit = 0; bit < 256; bit++) {
          PasetoPublicKey other = PasetoPublicKey.of(flip(publicKey.toByteArray(), bit));
          expectReason(() -> PasetoV4.verify(other, token, IMPLICIT), Reason.AUTHENTICATION_FAILED);
        }
      }
    });
  }

  /** Every bit of every character of the token string: whatever the result, it never verifies. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void anyFlippedBitInTheTokenStringIsRejected(Backend backend) {
    on(backend, () -> {
      try (PasetoLocalKey local = PasetoLocalKey.generate(); PasetoSecretKey secret = PasetoSecretKey.generate()) {
        byte[] message = "{\"exp\":\"2039-01-01T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8);
        String encrypted = PasetoV4.encrypt(local, message, FOOTER, IMPLICIT);
        String signed = PasetoV4.sign(secret, message, FOOTER, IMPLICIT);
        for (int i = 0; i < encrypted.length(); i++) {
          for (int bit = 0; bit < 16; bit++) {
            String forged = flipChar(encrypted, i, bit);
            assertThatThrownBy(() -> PasetoV4.decrypt(local, forged, IMPLICIT)).isInstanceOf(InvalidTokenException.class);
          }
        }
        for (int i = 0; i < signed.length(); i++) {
          for (int bit = 0; bit < 16; bit++) {
            String forged = flipChar(signed, i, bit);
            assertThatThrownBy(() -> PasetoV4.verify(secret.publicKey(), forged, IMPLICIT))
                .isInstanceOf(InvalidTokenException.class);
          }
        }
      }
    });
  }

  /** 10,000 random mutations of a local and of a public token (seeded): none verifies, each fails cleanly. */
  @ParameterizedTest
  @EnumSource(Backend.class)
  void tenThousandRandomlyMutatedTokensNeverVerify(Backend backend) {
    on(backend, () -> {
      try (PasetoLocalKey local = PasetoLocalKey.generate(); PasetoSecretKey secret = PasetoSecretKey.generate()) {
        byte[] message = "{\"sub\":\"user-7\",\"exp\":\"2039-01-01T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8);
        String encrypted = PasetoV4.encrypt(local, message, FOOTER, null);
        String signed = PasetoV4.sign(secret, message, FOOTER, null);
        Map<Reason, Integer> localReasons = mutate(encrypted, 10_000, new Random(10),
            forged -> PasetoV4.decrypt(local, forged, null));
        Map<Reason, Integer> publicReasons = mutate(signed, 10_000, new Random(11),
            forged -> PasetoV4.verify(secret.publicKey(), forged, null));
        assertThat(localReasons.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_000);
        assertThat(publicReasons.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_000);
        // The mutations reach every layer: parsing, decoding and authentication.
        assertThat(localReasons).containsKeys(Reason.MALFORMED, Reason.WRONG_HEADER, Reason.BAD_ENCODING,
            Reason.AUTHENTICATION_FAILED);
        assertThat(publicReasons).containsKeys(Reason.MALFORMED, Reason.WRONG_HEADER, Reason.BAD_ENCODING,
            Reason.AUTHENTICATION_FAILED);
      }
    });
  }

  private static Map<Reason, Integer> mutate(String token, int count, Random random, Function<String, PasetoMessage> open) {
    Map<Reason, Integer> reasons = new EnumMap<>(Reason.class);
    int done = 0;
    while (done < count) {
      String forged = mutation(token, random);
      if (forged.equals(token)) {
        continue;
      }
      try {
        open.apply(forged);
        fail("a mutated token verified: " + forged);
      } catch (InvalidTokenException e) {
        reasons.merge(e.reason(), 1, Integer::sum);
      }
      done++;
    }
    return reasons;
  }

  private static String mutation(String token, Random random) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \u00e9";
    int i = random.nextInt(token.length());
    int dot = token.lastIndexOf('.');
    String header = token.startsWith("v4.local.") ? "v4.local." : "v4.public.";
    return switch (random.nextInt(9)) {
      case 0 -> token.substring(0, i) + alphabet.charAt(random.nextInt(alphabet.length())) + token.substring(i + 1);
      case 1 -> token.substring(0, i) + token.substring(i + 1);
      case 2 -> token.substring(0, i) + alphabet.charAt(random.nextInt(alphabet.length())) + token.substring(i);
      case 3 -> i + 1 < token.length()
          ? token.substring(0, i) + token.charAt(i + 1) + token.charAt(i) + token.substring(i + 2) : token + "A";
      case 4 -> token.substring(0, i);
      case 5 -> token + (random.nextBoolean() ? "." : "") + Base64Url.encode(bytes(random, 1 + random.nextInt(8)));
      case 6 -> {
        byte[] body = Base64Url.decode(token.substring(header.length(), dot));
        int flips = 1 + random.nextInt(3);
        for (int k = 0; k < flips; k++) {
          body = flip(body, random.nextInt(body.length * 8));
        }
        yield header + Base64Url.encode(body) + token.substring(dot);
      }
      case 7 -> new String[] {"v4.public.", "v4.local.", "v3.local.", "v2.public.", "v4.", "V4.local.", ""}[random.nextInt(7)]
          + token.substring(header.length());
      default -> {
        // A body from another length: truncated or extended decoded bytes, re-encoded canonically.
        byte[] body = Base64Url.decode(token.substring(header.length(), dot));
        byte[] changed = Arrays.copyOf(body, Math.max(0, body.length + random.nextInt(9) - 6));
        yield header + Base64Url.encode(changed) + token.substring(dot);
      }
    };
  }

  private static void expectReason(Runnable call, Reason reason) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidTokenException.class,
        e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static byte[] flip(byte[] bytes, int bit) {
    byte[] copy = bytes.clone();
    copy[bit / 8] ^= (byte) (1 << (bit % 8));
    return copy;
  }

  private static String flipChar(String text, int index, int bit) {
    char[] chars = text.toCharArray();
    chars[index] ^= (char) (1 << bit);
    return new String(chars);
  }

  private static byte[] bytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }
}
