package dev.architect.crypto;

import static dev.architect.crypto.Vectors.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StreamTest {
  @ParameterizedTest
  @EnumSource(Backend.class)
  void xorsTheSameKeyStreamBothWays(Backend backend) {
    on(backend, () -> {
      Random random = new Random(3);
      byte[] key = Vectors.random(random, 32);
      byte[] nonce = Vectors.random(random, 24);
      byte[] keyStream = Stream.xchacha20Xor(new byte[1000], nonce, key);
      for (int length : new int[] {0, 1, 63, 64, 65, 1000}) {
        byte[] message = Vectors.random(random, length);
        byte[] encrypted = Stream.xchacha20Xor(message, nonce, key);
        for (int i = 0; i < length; i++) {
          assertThat((byte) (encrypted[i] ^ message[i])).isEqualTo(keyStream[i]);
        }
        assertThat(Stream.xchacha20Xor(encrypted, nonce, key)).isEqualTo(message);
        try (SecretKey offHeap = SecretKey.copyOf(key)) {
          assertThat(Stream.xchacha20Xor(message, nonce, offHeap)).isEqualTo(encrypted);
        }
      }
      // Every nonce byte matters, the last 8 (the ChaCha20 nonce) as much as the first 16 (HChaCha20's).
      for (int i = 0; i < 24; i++) {
        byte[] other = Vectors.flip(nonce, i * 8);
        assertThat(Arrays.equals(Stream.xchacha20Xor(new byte[64], other, key), Arrays.copyOf(keyStream, 64)))
            .isFalse();
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void namesWhatIsWrongWithBadArguments(Backend backend) {
    on(backend, () -> {
      assertThatThrownBy(() -> Stream.xchacha20Xor(new byte[1], new byte[12], new byte[32]))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("nonce must be 24 bytes, was 12");
      assertThatThrownBy(() -> Stream.xchacha20Xor(new byte[1], new byte[24], new byte[16]))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("key must be 32 bytes, was 16");
    });
  }
}
