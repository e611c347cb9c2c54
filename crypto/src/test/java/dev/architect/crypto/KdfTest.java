package dev.architect.crypto;

import static dev.architect.crypto.Vectors.counting;
import static dev.architect.crypto.Vectors.hex;
import static dev.architect.crypto.Vectors.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KdfTest {
  @ParameterizedTest
  @EnumSource(Backend.class)
  void matchesLibsodiumsVectors(Backend backend) {
    on(backend, () -> {
      List<String> lines = Vectors.lines("libsodium-kdf.txt");
      assertThat(lines).hasSize(19);
      try (SecretKey master = SecretKey.copyOf(counting(32))) {
        for (String line : lines) {
          String[] f = line.split(" ");
          long id = Long.parseLong(f[0]);
          int length = Integer.parseInt(f[1]);
          try (SecretKey subkey = Kdf.derive(length, id, "KDF test", master)) {
            assertThat(subkey.length()).isEqualTo(length);
            assertThat(hex(subkey.toByteArray())).as("subkey %d", id).isEqualTo(f[2]);
          }
          try (SecretKey subkey = Kdf.derive(length, id, "KDF test", counting(32))) {
            assertThat(hex(subkey.toByteArray())).isEqualTo(f[2]);
          }
        }
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void subkeyIdsAreUnsigned64BitAndContextsSeparate(Backend backend) {
    on(backend, () -> {
      try (SecretKey master = Kdf.keygen();
           SecretKey a = Kdf.derive(32, -1L, "context1", master);
           SecretKey b = Kdf.derive(32, Long.MAX_VALUE, "context1", master);
           SecretKey c = Kdf.derive(32, -1L, "context2", master)) {
        assertThat(a.contentEquals(b)).isFalse();
        assertThat(a.contentEquals(c)).isFalse();
        assertThat(a.contentEquals(Kdf.derive(32, -1L, "context1", master))).isTrue();
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void namesWhatIsWrongWithBadArguments(Backend backend) {
    on(backend, () -> {
      byte[] master = counting(32);
      assertThatThrownBy(() -> Kdf.derive(15, 0, "KDF test", master))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("length must be between 16 and 64, was 15");
      assertThatThrownBy(() -> Kdf.derive(65, 0, "KDF test", master))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("length must be between 16 and 64, was 65");
      assertThatThrownBy(() -> Kdf.derive(32, 0, "short", master))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("context must be 8 ascii characters, was \"short\"");
      assertThatThrownBy(() -> Kdf.derive(32, 0, "contéxt!", master))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("context must be 8 ascii characters, was \"contéxt!\"");
      assertThatThrownBy(() -> Kdf.derive(32, 0, "KDF test", new byte[16]))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("master key must be 32 bytes, was 16");
    });
  }
}
