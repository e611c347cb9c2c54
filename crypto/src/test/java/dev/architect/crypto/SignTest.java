package dev.architect.crypto;

import static dev.architect.crypto.Vectors.flip;
import static dev.architect.crypto.Vectors.hex;
import static dev.architect.crypto.Vectors.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignTest {
  record Vector(byte[] seed, byte[] publicKey, byte[] message, byte[] signature) {}

  static List<Vector> rfc8032() {
    return Vectors.lines("rfc8032-ed25519.txt").stream()
        .map(line -> line.split(" "))
        .map(f -> new Vector(hex(f[0]), hex(f[1]), hex(f[2]), hex(f[3])))
        .toList();
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void matchesRfc8032(Backend backend) {
    on(backend, () -> {
      List<Vector> vectors = rfc8032();
      assertThat(vectors).hasSize(3);
      for (Vector v : vectors) {
        try (KeyPair pair = Sign.keyPair(v.seed())) {
          assertThat(hex(pair.publicKey())).isEqualTo(hex(v.publicKey()));
          byte[] secretKey = pair.secretKey().toByteArray();
          assertThat(hex(secretKey)).isEqualTo(hex(v.seed()) + hex(v.publicKey())); // seed || pk
          assertThat(Sign.publicKey(pair.secretKey())).isEqualTo(v.publicKey());
          try (SecretKey seed = Sign.seed(pair.secretKey())) {
            assertThat(seed.toByteArray()).isEqualTo(v.seed());
          }
          assertThat(hex(Sign.detached(v.message(), pair.secretKey()))).isEqualTo(hex(v.signature()));
          assertThat(Sign.detached(v.message(), secretKey)).isEqualTo(v.signature());
          assertThat(Sign.verify(v.signature(), v.message(), v.publicKey())).isTrue();
          byte[] signed = Sign.sign(v.message(), pair.secretKey());
          assertThat(hex(signed)).isEqualTo(hex(v.signature()) + hex(v.message()));
          assertThat(Sign.open(signed, v.publicKey())).isEqualTo(v.message());
        }
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void rejectsEveryFlippedBit(Backend backend) {
    on(backend, () -> {
      Vector v = rfc8032().get(2);
      for (int bit = 0; bit < 512; bit++) {
        assertThat(Sign.verify(flip(v.signature(), bit), v.message(), v.publicKey())).as("signature bit %d", bit)
            .isFalse();
      }
      for (int bit = 0; bit < 256; bit++) {
        assertThat(Sign.verify(v.signature(), v.message(), flip(v.publicKey(), bit))).as("key bit %d", bit).isFalse();
      }
      for (int bit = 0; bit < v.message().length * 8; bit++) {
        assertThat(Sign.verify(v.signature(), flip(v.message(), bit), v.publicKey())).isFalse();
      }
      byte[] signed = flip(Sign.sign(v.message(), Sign.keyPair(v.seed()).secretKey()), 7);
      assertThatThrownBy(() -> Sign.open(signed, v.publicKey()))
          .isInstanceOf(AuthenticationException.class).hasMessage("invalid signature");
      assertThat(Sign.verify(Arrays.copyOf(v.signature(), 63), v.message(), v.publicKey())).isFalse();
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void rejectsWhatLibsodiumRejects(Backend backend) {
    on(backend, () -> {
      Vector v = rfc8032().get(0);
      // S + L: the same signature with a non-canonical S.
      BigInteger order = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
      byte[] s = Arrays.copyOfRange(v.signature(), 32, 64);
      BigInteger sPlusL = new BigInteger(1, reverse(s)).add(order);
      byte[] malleable = v.signature().clone();
      System.arraycopy(reverse(toBytes(sPlusL)), 0, malleable, 32, 32);
      assertThat(Sign.verify(malleable, v.message(), v.publicKey())).isFalse();
      // The identity as public key and as R: a point of small order.
      byte[] identity = hex("0100000000000000000000000000000000000000000000000000000000000000");
      byte[] forged = v.signature().clone();
      System.arraycopy(identity, 0, forged, 0, 32);
      assertThat(Sign.verify(forged, v.message(), v.publicKey())).isFalse();
      assertThat(Sign.verify(v.signature(), v.message(), identity)).isFalse();
      // A public key whose y is not below p.
      byte[] nonCanonical = hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
      assertThat(Sign.verify(v.signature(), v.message(), nonCanonical)).isFalse();
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void randomKeyPairsSignAndVerify(Backend backend) {
    on(backend, () -> {
      try (KeyPair one = Sign.keyPair(); KeyPair two = Sign.keyPair()) {
        assertThat(one.publicKey()).isNotEqualTo(two.publicKey());
        byte[] message = Crypto.randomBytes(100);
        byte[] signature = Sign.detached(message, one.secretKey());
        assertThat(Sign.verify(signature, message, one.publicKey())).isTrue();
        assertThat(Sign.verify(signature, message, two.publicKey())).isFalse();
        assertThat(one.toString()).startsWith("KeyPair[publicKey=" + hex(one.publicKey()) + ", secretKey=SecretKey[64 bytes");
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void namesWhatIsWrongWithBadArguments(Backend backend) {
    on(backend, () -> {
      assertThatThrownBy(() -> Sign.keyPair(new byte[31]))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("seed must be 32 bytes, was 31");
      assertThatThrownBy(() -> Sign.detached(new byte[1], new byte[32]))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("secret key must be 64 bytes, was 32");
      assertThatThrownBy(() -> Sign.verify(new byte[64], new byte[1], new byte[31]))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("public key must be 32 bytes, was 31");
      assertThatThrownBy(() -> Sign.open(new byte[63], new byte[32]))
          .isInstanceOf(AuthenticationException.class)
          .hasMessage("invalid signature: signed message is shorter than a signature (63 bytes, at least 64 needed)");
    });
  }

  private static byte[] reverse(byte[] bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[bytes.length - 1 - i];
    }
    return out;
  }

  /** Big-endian, exactly 32 bytes. */
  private static byte[] toBytes(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }
}
