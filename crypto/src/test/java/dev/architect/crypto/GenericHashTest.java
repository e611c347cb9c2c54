package dev.architect.crypto;

import static dev.architect.crypto.Vectors.counting;
import static dev.architect.crypto.Vectors.hex;
import static dev.architect.crypto.Vectors.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GenericHashTest {
  @ParameterizedTest
  @EnumSource(Backend.class)
  void matchesRfc7693(Backend backend) {
    on(backend, () -> {
      // RFC 7693 appendix A: BLAKE2b-512("abc").
      assertThat(hex(GenericHash.hash("abc".getBytes(StandardCharsets.US_ASCII), 64))).isEqualTo(
          "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
              + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void matchesLibsodiumsVectors(Backend backend) {
    on(backend, () -> {
      List<String> lines = Vectors.lines("libsodium-generichash.txt");
      assertThat(lines).hasSize(64);
      int checked = 0;
      for (int i = 0; i < lines.size(); i++) {
        int length = 1 + i;
        if (length < GenericHash.BYTES_MIN) {
          continue; // libsodium's test also covers 1..15-byte outputs and keys, below this API's minimum
        }
        byte[] message = counting(i);
        byte[] key = counting(1 + i);
        assertThat(hex(GenericHash.hash(message, length, key))).as("vector %d", i).isEqualTo(lines.get(i));
        try (SecretKey offHeap = SecretKey.copyOf(key)) {
          assertThat(hex(GenericHash.hash(message, length, offHeap))).isEqualTo(lines.get(i));
        }
        assertThat(hex(GenericHash.hasher(length, key).update(message).finish())).isEqualTo(lines.get(i));
        checked++;
      }
      assertThat(checked).isEqualTo(49);
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void matchesLibsodiumsSaltAndPersonalVectors(Backend backend) {
    on(backend, () -> {
      byte[] salt = "5b6b41ed9b343fe0".getBytes(StandardCharsets.US_ASCII);
      byte[] personal = "5126fb2a37400d2a".getBytes(StandardCharsets.US_ASCII);
      List<String> lines = Vectors.lines("libsodium-generichash3.txt");
      assertThat(lines).hasSize(58);
      for (String line : lines) {
        String[] f = line.split(" ");
        byte[] key = counting(Integer.parseInt(f[0]));
        int length = Integer.parseInt(f[1]);
        byte[] message = counting(Integer.parseInt(f[2]));
        byte[] s = f[3].equals("yes") ? salt : null;
        byte[] p = f[4].equals("yes") ? personal : null;
        assertThat(hex(GenericHash.hash(message, length, key, s, p))).as(line).isEqualTo(f[5]);
        assertThat(hex(GenericHash.hasher(length, key, s, p).update(message).finish())).as(line).isEqualTo(f[5]);
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void streamingEqualsOneShotForAnySplit(Backend backend) {
    on(backend, () -> {
      Random random = new Random(7);
      for (int round = 0; round < 200; round++) {
        byte[] message = Vectors.random(random, random.nextInt(700));
        byte[] key = random.nextBoolean() ? null : Vectors.random(random, 16 + random.nextInt(49));
        int length = 16 + random.nextInt(49);
        GenericHash.Hasher hasher = GenericHash.hasher(length, key);
        int at = 0;
        while (at < message.length) {
          int n = Math.min(message.length - at, random.nextInt(200));
          hasher.update(message, at, n);
          at += n;
        }
        assertThat(hasher.finish()).isEqualTo(GenericHash.hash(message, length, key));
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void saltAndPersonalChangeTheHash(Backend backend) {
    on(backend, () -> {
      byte[] message = counting(10);
      byte[] key = counting(32);
      byte[] salt = counting(16);
      byte[] personal = "architect-tests!".getBytes(StandardCharsets.US_ASCII);
      byte[] plain = GenericHash.hash(message, 32, key);
      assertThat(GenericHash.hash(message, 32, key, null, null)).isEqualTo(plain); // null: zeros, as libsodium
      assertThat(GenericHash.hash(message, 32, key, new byte[16], new byte[16])).isEqualTo(plain);
      byte[] salted = GenericHash.hash(message, 32, key, salt, personal);
      assertThat(salted).isNotEqualTo(plain);
      assertThat(GenericHash.hasher(32, key, salt, personal).update(message).finish()).isEqualTo(salted);
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void namesWhatIsWrongWithBadArguments(Backend backend) {
    on(backend, () -> {
      assertThatThrownBy(() -> GenericHash.hash(new byte[1], 15))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("length must be between 16 and 64, was 15");
      assertThatThrownBy(() -> GenericHash.hash(new byte[1], 65))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("length must be between 16 and 64, was 65");
      assertThatThrownBy(() -> GenericHash.hash(new byte[1], 32, new byte[15]))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("key must be between 16 and 64 bytes, was 15");
      assertThatThrownBy(() -> GenericHash.hash(new byte[1], 32, new byte[65]))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("key must be between 16 and 64 bytes, was 65");
      assertThatThrownBy(() -> GenericHash.hash(new byte[1], 32, null, new byte[8], null))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("salt must be 16 bytes, was 8");
      assertThatThrownBy(() -> GenericHash.hash(new byte[1], 32, null, null, new byte[17]))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("personal must be 16 bytes, was 17");
      GenericHash.Hasher hasher = GenericHash.hasher(32);
      hasher.finish();
      assertThatThrownBy(() -> hasher.update(new byte[1]))
          .isInstanceOf(IllegalStateException.class).hasMessage("hasher is finished");
      assertThatThrownBy(hasher::finish).isInstanceOf(IllegalStateException.class).hasMessage("hasher is finished");
    });
  }
}
