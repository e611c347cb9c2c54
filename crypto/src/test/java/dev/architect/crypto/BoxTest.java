package dev.architect.crypto;

import static dev.architect.crypto.Vectors.flip;
import static dev.architect.crypto.Vectors.hex;
import static dev.architect.crypto.Vectors.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BoxTest {
  // libsodium test/default/box.c and box.exp; the keys are RFC 7748 section 6.1's Alice and Bob.
  static final byte[] ALICE_SK = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
  static final byte[] ALICE_PK = hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
  static final byte[] BOB_SK = hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
  static final byte[] BOB_PK = hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
  static final byte[] SMALL_ORDER = hex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800");

  @ParameterizedTest
  @EnumSource(Backend.class)
  void boxesLibsodiumsKnownAnswer(Backend backend) {
    on(backend, () -> {
      try (SecretKey alice = SecretKey.copyOf(ALICE_SK); SecretKey bob = SecretKey.copyOf(BOB_SK)) {
        assertThat(Box.publicKey(alice)).isEqualTo(ALICE_PK);
        assertThat(Box.publicKey(bob)).isEqualTo(BOB_PK);
        byte[] box = Box.seal(SecretBoxTest.MESSAGE, SecretBoxTest.NONCE, BOB_PK, alice);
        assertThat(hex(box)).isEqualTo(hex(SecretBoxTest.BOX));
        assertThat(Box.open(box, SecretBoxTest.NONCE, ALICE_PK, bob)).isEqualTo(SecretBoxTest.MESSAGE);
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void refusesAPublicKeyOfSmallOrder(Backend backend) {
    on(backend, () -> {
      try (SecretKey alice = SecretKey.copyOf(ALICE_SK)) {
        assertThatThrownBy(() -> Box.seal(new byte[1], SecretBoxTest.NONCE, SMALL_ORDER, alice))
            .isInstanceOf(CryptoException.class)
            .hasMessage("recipient public key is unusable (a point of small order)");
        assertThatThrownBy(() -> Box.open(new byte[40], SecretBoxTest.NONCE, SMALL_ORDER, alice))
            .isInstanceOf(AuthenticationException.class);
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void roundTripsAndRejectsFlippedBits(Backend backend) {
    on(backend, () -> {
      byte[] message = "attack at dawn".getBytes(StandardCharsets.UTF_8);
      try (KeyPair alice = Box.keyPair(); KeyPair bob = Box.keyPair()) {
        assertThat(Box.publicKey(alice.secretKey())).isEqualTo(alice.publicKey());
        byte[] nonce = Box.nonce();
        byte[] box = Box.seal(message, nonce, bob.publicKey(), alice.secretKey());
        assertThat(Box.open(box, nonce, alice.publicKey(), bob.secretKey())).isEqualTo(message);
        for (int bit = 0; bit < box.length * 8; bit++) {
          byte[] forged = flip(box, bit);
          assertThatThrownBy(() -> Box.open(forged, nonce, alice.publicKey(), bob.secretKey()))
              .isInstanceOf(AuthenticationException.class);
        }
        for (int bit = 0; bit < nonce.length * 8; bit++) {
          byte[] other = flip(nonce, bit);
          assertThatThrownBy(() -> Box.open(box, other, alice.publicKey(), bob.secretKey()))
              .isInstanceOf(AuthenticationException.class);
        }
        for (int bit = 0; bit < 255; bit++) { // bit 255 of an X25519 key is ignored (RFC 7748)
          byte[] otherSender = flip(alice.publicKey(), bit);
          assertThatThrownBy(() -> Box.open(box, nonce, otherSender, bob.secretKey()))
              .isInstanceOf(AuthenticationException.class);
        }
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void sealedBoxesRoundTripAnonymously(Backend backend) {
    on(backend, () -> {
      byte[] message = "anonymous tip".getBytes(StandardCharsets.UTF_8);
      try (KeyPair bob = Box.keyPair()) {
        byte[] sealed = Box.sealAnonymous(message, bob.publicKey());
        assertThat(sealed).hasSize(message.length + Box.SEAL_BYTES);
        assertThat(Box.sealAnonymous(message, bob.publicKey())).isNotEqualTo(sealed); // fresh ephemeral key
        assertThat(Box.openAnonymous(sealed, bob.publicKey(), bob.secretKey())).isEqualTo(message);
        for (int bit = 0; bit < sealed.length * 8; bit++) {
          byte[] forged = flip(sealed, bit); // even bit 255, which X25519 ignores: the nonce hashes it
          assertThatThrownBy(() -> Box.openAnonymous(forged, bob.publicKey(), bob.secretKey()))
              .isInstanceOf(AuthenticationException.class);
        }
        try (KeyPair eve = Box.keyPair()) {
          assertThatThrownBy(() -> Box.openAnonymous(sealed, eve.publicKey(), eve.secretKey()))
              .isInstanceOf(AuthenticationException.class).hasMessage("authentication failed");
        }
        assertThatThrownBy(() -> Box.openAnonymous(new byte[47], bob.publicKey(), bob.secretKey()))
            .isInstanceOf(AuthenticationException.class)
            .hasMessage("authentication failed: sealed box is shorter than its overhead (47 bytes, at least 48 needed)");
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void namesWhatIsWrongWithBadArguments(Backend backend) {
    on(backend, () -> {
      try (SecretKey alice = SecretKey.copyOf(ALICE_SK)) {
        assertThatThrownBy(() -> Box.seal(new byte[1], SecretBoxTest.NONCE, new byte[31], alice))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("recipient public key must be 32 bytes, was 31");
        assertThatThrownBy(() -> Box.sealAnonymous(new byte[1], new byte[33]))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("recipient public key must be 32 bytes, was 33");
      }
      try (SecretKey wrong = SecretKey.copyOf(new byte[64])) {
        assertThatThrownBy(() -> Box.publicKey(wrong))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("secret key must be 32 bytes, was 64");
      }
    });
  }
}
