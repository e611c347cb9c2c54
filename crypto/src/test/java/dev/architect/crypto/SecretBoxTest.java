package dev.architect.crypto;

import static dev.architect.crypto.Vectors.flip;
import static dev.architect.crypto.Vectors.hex;
import static dev.architect.crypto.Vectors.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SecretBoxTest {
  // libsodium test/default/secretbox.c and secretbox_easy.exp (the NaCl secretbox vector).
  static final byte[] KEY = hex("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389");
  static final byte[] NONCE = hex("69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37");
  static final byte[] MESSAGE = hex("be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffce5ecbaaf33bd751a"
      + "1ac728d45e6c61296cdc3c01233561f41db66cce314adb310e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde"
      + "048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f937763848645e0705");
  static final byte[] BOX = hex("f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce48332ea7164d96a4476f"
      + "b8c531a1186ac0dfc17c98dce87b4da7f011ec48c97271d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab932164548e526ae902"
      + "24368517acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b37973f622a43d14a6599b1f654cb45a74e355a5");

  @ParameterizedTest
  @EnumSource(Backend.class)
  void sealsLibsodiumsKnownAnswer(Backend backend) {
    on(backend, () -> {
      assertThat(hex(SecretBox.seal(MESSAGE, NONCE, KEY))).isEqualTo(hex(BOX));
      assertThat(SecretBox.open(BOX, NONCE, KEY)).isEqualTo(MESSAGE);
      try (SecretKey key = SecretKey.copyOf(KEY)) {
        assertThat(SecretBox.seal(MESSAGE, NONCE, key)).isEqualTo(BOX);
        SecretBox.Detached detached = SecretBox.sealDetached(MESSAGE, NONCE, key);
        assertThat(detached.mac()).isEqualTo(Arrays.copyOf(BOX, 16));
        assertThat(detached.ciphertext()).isEqualTo(Arrays.copyOfRange(BOX, 16, BOX.length));
        assertThat(SecretBox.openDetached(detached.ciphertext(), detached.mac(), NONCE, key)).isEqualTo(MESSAGE);
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void roundTripsEveryLength(Backend backend) {
    on(backend, () -> {
      Random random = new Random(1);
      try (SecretKey key = SecretBox.keygen()) {
        for (int length = 0; length < 300; length++) {
          byte[] message = Vectors.random(random, length);
          byte[] nonce = SecretBox.nonce();
          byte[] box = SecretBox.seal(message, nonce, key);
          assertThat(box).hasSize(length + SecretBox.MAC_BYTES);
          assertThat(SecretBox.open(box, nonce, key)).isEqualTo(message);
        }
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void rejectsEveryFlippedBitOfKeyNonceTagAndCiphertext(Backend backend) {
    on(backend, () -> {
      for (int bit = 0; bit < KEY.length * 8; bit++) {
        byte[] key = flip(KEY, bit);
        assertThatThrownBy(() -> SecretBox.open(BOX, NONCE, key)).isInstanceOf(AuthenticationException.class);
      }
      for (int bit = 0; bit < NONCE.length * 8; bit++) {
        byte[] nonce = flip(NONCE, bit);
        assertThatThrownBy(() -> SecretBox.open(BOX, nonce, KEY)).isInstanceOf(AuthenticationException.class);
      }
      for (int bit = 0; bit < BOX.length * 8; bit++) { // tag (first 16 bytes) and ciphertext
        byte[] box = flip(BOX, bit);
        assertThatThrownBy(() -> SecretBox.open(box, NONCE, KEY))
            .isInstanceOf(AuthenticationException.class)
            .hasMessage("authentication failed");
      }
      byte[] truncated = Arrays.copyOf(BOX, BOX.length - 1);
      assertThatThrownBy(() -> SecretBox.open(truncated, NONCE, KEY)).isInstanceOf(AuthenticationException.class);
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void namesWhatIsWrongWithBadArguments(Backend backend) {
    on(backend, () -> {
      assertThatThrownBy(() -> SecretBox.seal(MESSAGE, NONCE, new byte[31]))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("key must be 32 bytes, was 31");
      assertThatThrownBy(() -> SecretBox.seal(MESSAGE, new byte[23], KEY))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("nonce must be 24 bytes, was 23");
      assertThatThrownBy(() -> SecretBox.open(new byte[15], NONCE, KEY))
          .isInstanceOf(AuthenticationException.class)
          .hasMessage("authentication failed: ciphertext is shorter than a tag (15 bytes, at least 16 needed)");
      try (SecretKey key = SecretKey.copyOf(new byte[33])) {
        assertThatThrownBy(() -> SecretBox.seal(MESSAGE, NONCE, key))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("key must be 32 bytes, was 33");
        assertThatThrownBy(() -> SecretBox.openDetached(MESSAGE, new byte[15], NONCE, SecretBox.keygen()))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("mac must be 16 bytes, was 15");
      }
    });
  }
}
