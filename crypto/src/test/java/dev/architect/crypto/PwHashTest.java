package dev.architect.crypto;

import static dev.architect.crypto.Vectors.hex;
import static dev.architect.crypto.Vectors.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PwHashTest {
  private static final PwHash.Limits SMALL = new PwHash.Limits(2, 1 << 20);

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void presetsAreLibsodiums() {
    assertThat(PwHash.INTERACTIVE).isEqualTo(new PwHash.Limits(2, 67108864L));
    assertThat(PwHash.MODERATE).isEqualTo(new PwHash.Limits(3, 268435456L));
    assertThat(PwHash.SENSITIVE).isEqualTo(new PwHash.Limits(4, 1073741824L));
    assertThat(PwHash.STR_PREFIX).isEqualTo("$argon2id$");
    assertThat(PwHash.SALT_BYTES).isEqualTo(16);
    assertThat(PwHash.STR_BYTES).isEqualTo(128);
  }

  @Test
  void matchesRfc9106() {
    // RFC 9106 section 5.3: Argon2id, t=3, m=32 KiB, p=4, with secret and associated data (Java backend
    // only: libsodium's API has neither).
    byte[] tag = new byte[32];
    JavaBackend.argon2(Argon2Parameters.ARGON2_id, tag, filled(32, 1), filled(16, 2), filled(8, 3), filled(12, 4),
        3, 32, 4);
    assertThat(hex(tag)).isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void matchesLibsodiumsRawVectors(Backend backend) {
    on(backend, () -> {
      List<String> lines = Vectors.lines("libsodium-pwhash-argon2id.txt");
      assertThat(lines).hasSize(8);
      for (String line : lines) {
        String[] f = line.split(" ");
        byte[] password = Arrays.copyOf(hex(f[0]), Integer.parseInt(f[1]));
        byte[] salt = Arrays.copyOf(hex(f[2]), 16);
        int length = Integer.parseInt(f[3]);
        PwHash.Limits limits = new PwHash.Limits(Long.parseLong(f[4]), Long.parseLong(f[5]));
        if (f[6].equals("FAIL")) {
          assertThatThrownBy(() -> PwHash.hash(length, password, salt, limits))
              .isInstanceOf(IllegalArgumentException.class).hasMessage("length must be at least 16, was " + length);
        } else {
          assertThat(hex(PwHash.hash(length, password, salt, limits))).isEqualTo(f[6]);
        }
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void verifiesLibsodiumsStringsAsLibsodiumDoes(Backend backend) {
    on(backend, () -> {
      List<String> lines = Vectors.lines("libsodium-pwhash-strings.tsv");
      assertThat(lines).hasSize(16);
      for (String line : lines) {
        String[] f = line.split("\t", -1);
        assertThat(PwHash.verify(f[2], utf8(f[1]))).as(f[2]).isEqualTo(f[0].equals("ok"));
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void writesTheStringFormLibsodiumWrites(Backend backend) {
    on(backend, () -> {
      String hash = PwHash.str(utf8("Correct Horse Battery Staple"), SMALL);
      assertThat(hash).matches("\\$argon2id\\$v=19\\$m=1024,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
      assertThat(hash.length()).isLessThan(PwHash.STR_BYTES);
      assertThat(PwHash.str(utf8("Correct Horse Battery Staple"), SMALL)).isNotEqualTo(hash); // fresh salt
      assertThat(PwHash.verify(hash, utf8("Correct Horse Battery Staple"))).isTrue();
      assertThat(PwHash.verify(hash, utf8("Correct Horse Battery Staplf"))).isFalse();
      char[] chars = hash.toCharArray();
      chars[14]++;
      assertThat(PwHash.verify(new String(chars), utf8("Correct Horse Battery Staple"))).isFalse();
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void interactiveHashesVerify(Backend backend) {
    on(backend, () -> {
      String hash = PwHash.str(utf8("hunter2"), PwHash.INTERACTIVE);
      assertThat(hash).startsWith("$argon2id$v=19$m=65536,t=2,p=1$");
      assertThat(PwHash.verify(hash, utf8("hunter2"))).isTrue();
      assertThat(PwHash.needsRehash(hash, PwHash.INTERACTIVE)).isFalse();
      assertThat(PwHash.needsRehash(hash, PwHash.MODERATE)).isTrue();
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void needsRehashComparesPassesAndMemory(Backend backend) {
    on(backend, () -> {
      PwHash.Limits limits = new PwHash.Limits(3, 5000000);
      String hash = PwHash.str(utf8("test"), limits);
      assertThat(PwHash.needsRehash(hash, limits)).isFalse();
      assertThat(PwHash.needsRehash(hash, new PwHash.Limits(3, 5000000 / 2))).isTrue();
      assertThat(PwHash.needsRehash(hash, new PwHash.Limits(2, 5000000))).isTrue();
      assertThat(PwHash.needsRehash(hash, new PwHash.Limits(4, 5000000))).isTrue();
      assertThat(PwHash.needsRehash(hash, new PwHash.Limits(3, 5000000 + 100))).isFalse(); // same KiB
      assertThatThrownBy(() -> PwHash.needsRehash(hash.substring(1), limits))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("hash is not a valid argon2id string: \"argon2id$v=19$m=4882,t=3...\"");
      assertThatThrownBy(() -> PwHash.needsRehash("", limits)).isInstanceOf(IllegalArgumentException.class);
    });
  }

  @Test
  void limitsNameTheBadValue() {
    assertThatThrownBy(() -> new PwHash.Limits(0, 1 << 20))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("opslimit must be between 1 and 4294967295, was 0");
    assertThatThrownBy(() -> new PwHash.Limits(1, 8191))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("memlimit must be between 8192 and 4398046510080 bytes, was 8191");
    assertThatThrownBy(() -> PwHash.hash(32, new byte[1], new byte[15], SMALL))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("salt must be 16 bytes, was 15");
  }
}
