package dev.architect.crypto;

import static dev.architect.crypto.PasetoTestSupport.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Paserk beyond the vectors: round trips of fresh keys, typed decoding, and each bad input's message. */
class PaserkTest {
  private static final PwHash.Limits CHEAP = new PwHash.Limits(1, 8192);

  @ParameterizedTest
  @EnumSource(Backend.class)
  void freshKeysRoundTripThroughEveryForm(Backend backend) {
    on(backend, () -> {
      try (PasetoLocalKey local = PasetoLocalKey.generate(); PasetoSecretKey secret = PasetoSecretKey.generate();
           PasetoLocalKey wrapping = PasetoLocalKey.generate()) {
        for (PasetoKey key : new PasetoKey[] {local, secret, secret.publicKey()}) {
          assertThat(bytes(Paserk.decode(Paserk.encode(key)))).isEqualTo(bytes(key));
          assertThat(Paserk.id(key)).hasSize(51).matches("k4\\.[lps]id\\.[A-Za-z0-9_-]{44}");
        }
        for (PasetoKey key : new PasetoKey[] {local, secret}) {
          assertThat(bytes(Paserk.unwrap(Paserk.wrap(key, wrapping), wrapping))).isEqualTo(bytes(key));
          byte[] password = "correct horse".getBytes(StandardCharsets.UTF_8);
          String wrapped = Paserk.wrapWithPassword(key, password, CHEAP);
          assertThat(bytes(Paserk.unwrapWithPassword(wrapped, password))).isEqualTo(bytes(key));
          assertThatThrownBy(() -> Paserk.unwrapWithPassword(wrapped, "wrong".getBytes(StandardCharsets.UTF_8)))
              .isInstanceOf(AuthenticationException.class)
              .hasMessage("paserk " + wrapped.substring(0, wrapped.indexOf('.', 3) + 1)
                  + " failed authentication (another password, or the data was altered)");
        }
        assertThat(Paserk.unseal(Paserk.seal(local, secret.publicKey()), secret).toByteArray()).isEqualTo(local.toByteArray());
        try (PasetoLocalKey other = PasetoLocalKey.generate(); PasetoSecretKey stranger = PasetoSecretKey.generate()) {
          assertThatThrownBy(() -> Paserk.unwrap(Paserk.wrap(local, wrapping), other))
              .isInstanceOf(AuthenticationException.class)
              .hasMessage("paserk k4.local-wrap.pie. failed authentication (another wrapping key, or the data was altered)");
          assertThatThrownBy(() -> Paserk.unseal(Paserk.seal(local, secret.publicKey()), stranger))
              .isInstanceOf(AuthenticationException.class)
              .hasMessage("paserk k4.seal. failed authentication (sealed to another key, or the data was altered)");
        }
      }
    });
  }

  @Test
  void typedDecodingRefusesAKeyOfAnotherPurpose() {
    try (PasetoSecretKey secret = PasetoSecretKey.generate()) {
      String paserk = Paserk.encode(secret.publicKey());
      assertThat(Paserk.decode(paserk, PasetoPublicKey.class)).isEqualTo(secret.publicKey());
      assertThatThrownBy(() -> Paserk.decode(paserk, PasetoLocalKey.class))
          .hasMessage("paserk is a k4.public. key, expected a k4.local. key");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "|not a paserk (expected k4.<type>.<data>, like k4.local.…)",
      "k4|not a paserk (expected k4.<type>.<data>, like k4.local.…)",
      "v4.local.AAAA|not a paserk (expected k4.<type>.<data>, like k4.local.…)",
      "k3.local.AAAA|paserk version 'k3' is not supported (only k4)",
      "k4.remote.AAAA|paserk type 'remote' is unknown (k4 types: local, public, secret, lid, pid, sid, local-wrap.pie,"
          + " secret-wrap.pie, seal, local-pw, secret-pw)",
      "k4.local.AAAA|paserk k4.local. data must be 32 bytes, was 3",
      "k4.local.AAA=|paserk k4.local. data is not canonical base64url: base64url text has '=' (padding is not allowed)"
          + " at index 3, which is not in the alphabet A-Z a-z 0-9 - _",
      "k4.lid.AAAA|paserk k4.lid. is a key id, not a key (an id cannot be turned back into its key)",
      "k4.local-wrap.pie.AAAA|paserk k4.local-wrap.pie. is a wrapped key: unwrap it with its wrapping key (Paserk.unwrap)",
      "k4.seal.AAAA|paserk k4.seal. is a sealed key: unseal it with the recipient's secret key (Paserk.unseal)",
      "k4.secret-pw.AAAA|paserk k4.secret-pw. is a password-wrapped key: unwrap it with its password"
          + " (Paserk.unwrapWithPassword)",
  })
  void badStringsAreRejectedWithoutRepeatingTheirData(String line) {
    String[] parts = line.split("\\|", 2);
    assertThatThrownBy(() -> Paserk.decode(parts[0])).isInstanceOf(IllegalArgumentException.class).hasMessage(parts[1]);
  }

  @Test
  void anInconsistentSecretKeyIsRejected() {
    byte[] bytes = new byte[64];
    assertThatThrownBy(() -> Paserk.decode("k4.secret." + Base64Url.encode(bytes)))
        .hasMessage("secret key is inconsistent: its last 32 bytes are not the public key of its seed (its first 32 bytes)");
  }

  @Test
  void passwordWrappedKeysAskingForTooMuchAreRefusedBeforeHashing() {
    try (PasetoLocalKey key = PasetoLocalKey.generate()) {
      byte[] password = "pw".getBytes(StandardCharsets.UTF_8);
      String wrapped = Paserk.wrapWithPassword(key, password, new PwHash.Limits(2, 16384));
      assertThatThrownBy(() -> Paserk.unwrapWithPassword(wrapped, password, new PwHash.Limits(1, 16384)))
          .hasMessage("paserk k4.local-pw. asks for argon2id memlimit 16384 bytes and opslimit 2, above the maximum"
              + " accepted (16384 bytes, 1)");
      assertThat(bytes(Paserk.unwrapWithPassword(wrapped, password, new PwHash.Limits(2, 16384)))).isEqualTo(key.toByteArray());
      assertThatThrownBy(() -> Paserk.wrapWithPassword(PasetoSecretKey.generate().publicKey(), password, CHEAP))
          .hasMessage("a public key is not secret: encode it with Paserk.encode instead of wrapping it");
    }
  }

  @Test
  void aSealToAnImpossiblePublicKeyIsRefused() {
    try (PasetoLocalKey key = PasetoLocalKey.generate()) {
      byte[] identity = new byte[32];
      identity[0] = 1;   // y = 1: the identity point
      assertThatThrownBy(() -> Paserk.seal(key, PasetoPublicKey.of(identity)))
          .hasMessage("recipient public key is unusable (the identity point)");
      byte[] noncanonical = new byte[32];
      java.util.Arrays.fill(noncanonical, (byte) 0xff);
      noncanonical[31] = 0x7f;   // y = 2^255 - 1 >= p
      assertThatThrownBy(() -> Paserk.seal(key, PasetoPublicKey.of(noncanonical)))
          .hasMessage("recipient public key is not a canonical ed25519 point encoding");
    }
  }

  private static byte[] bytes(PasetoKey key) {
    return switch (key) {
      case PasetoLocalKey local -> local.toByteArray();
      case PasetoPublicKey pub -> pub.toByteArray();
      case PasetoSecretKey secret -> secret.toByteArray();
    };
  }
}
