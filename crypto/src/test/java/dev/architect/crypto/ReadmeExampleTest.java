package dev.architect.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The examples of crypto/README.md (before "Tokens"), compiled and run as written there. */
class ReadmeExampleTest {
  private final byte[] message = "hello, sodium".getBytes(StandardCharsets.UTF_8);
  private final byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
  private final byte[] attempt = password.clone();
  private final byte[] part1 = "hello, ".getBytes(StandardCharsets.UTF_8);
  private final byte[] part2 = "sodium".getBytes(StandardCharsets.UTF_8);

  @Test
  void secretBox() {
    try (SecretKey key = SecretBox.keygen()) {
      byte[] nonce = SecretBox.nonce();                       // 24 random bytes; never reuse one with a key
      byte[] box = SecretBox.seal(message, nonce, key);       // 16-byte tag + ciphertext
      byte[] back = SecretBox.open(box, nonce, key);          // AuthenticationException if tampered with

      assertThat(back).isEqualTo(message);
      box[20] ^= 1;
      assertThatThrownBy(() -> SecretBox.open(box, nonce, key)).isInstanceOf(AuthenticationException.class);
    }
  }

  @Test
  void sign() {
    try (KeyPair pair = Sign.keyPair()) {
      byte[] signature = Sign.detached(message, pair.secretKey());
      boolean valid = Sign.verify(signature, message, pair.publicKey());

      assertThat(valid).isTrue();
    }
  }

  @Test
  void pwhash() {
    String stored = PwHash.str(password, PwHash.INTERACTIVE);  // $argon2id$v=19$m=65536,t=2,p=1$...$...
    boolean matches = PwHash.verify(stored, attempt);
    if (matches && PwHash.needsRehash(stored, PwHash.MODERATE)) {
      stored = PwHash.str(attempt, PwHash.MODERATE);            // costs raised: rehash at the next login
    }

    assertThat(matches).isTrue();
    assertThat(stored).startsWith("$argon2id$v=19$m=262144,t=3,p=1$");
    assertThat(PwHash.verify(stored, attempt)).isTrue();
  }

  @Test
  void box() {
    try (KeyPair alice = Box.keyPair(); KeyPair bob = Box.keyPair()) {
      byte[] nonce = Box.nonce();
      byte[] box = Box.seal(message, nonce, bob.publicKey(), alice.secretKey());
      byte[] back = Box.open(box, nonce, alice.publicKey(), bob.secretKey());

      byte[] sealed = Box.sealAnonymous(message, bob.publicKey());     // 48 bytes longer, no sender key
      byte[] opened = Box.openAnonymous(sealed, bob.publicKey(), bob.secretKey());

      assertThat(back).isEqualTo(message);
      assertThat(sealed).hasSize(message.length + 48);
      assertThat(opened).isEqualTo(message);
    }
  }

  @Test
  void genericHash() {
    byte[] digest = GenericHash.hash(message, 32);
    byte[] mac;
    try (SecretKey macKey = GenericHash.keygen()) {
      mac = GenericHash.hash(message, 32, macKey);
    }
    byte[] streamed = GenericHash.hasher(32).update(part1).update(part2).finish();

    assertThat(streamed).isEqualTo(digest);
    assertThat(mac).hasSize(32).isNotEqualTo(digest);
  }

  @Test
  void kdf() {
    try (SecretKey master = Kdf.keygen();
         SecretKey encryption = Kdf.derive(32, 1, "sessions", master);
         SecretKey signing = Kdf.derive(32, 2, "sessions", master)) {
      assertThat(encryption.contentEquals(signing)).isFalse();
      try (SecretKey again = Kdf.derive(32, 1, "sessions", master)) {
        assertThat(again.contentEquals(encryption)).isTrue();
      }
    }
  }

  @Test
  void backends() {
    byte[] nonce = SecretBox.nonce();
    byte[] keyBytes = Crypto.randomBytes(32);

    Backend inUse = Crypto.backend();                                            // SODIUM where libsodium23 is installed
    byte[] javaBox = Crypto.withBackend(Backend.JAVA, () -> SecretBox.seal(message, nonce, keyBytes));

    assertThat(inUse).isEqualTo(Crypto.available().contains(Backend.SODIUM) ? Backend.SODIUM : Backend.JAVA);
    assertThat(javaBox).isEqualTo(SecretBox.seal(message, nonce, keyBytes));
  }
}
