package dev.architect.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/** The decoded-key table: a hit is the same key, a collision or a bad encoding never answers for another key. */
class PublicPointsTest {
  private static byte[] encode(Ed25519.PublicPoint point) {
    byte[] out = new byte[32];
    Ed25519.encodePublicPoint(point, out, 0);
    return out;
  }

  @Test
  void eachAnswerIsThePointOfTheKeyAsked() {
    PublicPoints points = new PublicPoints();
    Random random = new Random(64);
    byte[][] keys = new byte[300][];
    for (int i = 0; i < keys.length; i++) {
      byte[] seed = Vectors.random(random, 32);
      keys[i] = new byte[32];
      Ed25519.generatePublicKey(seed, 0, keys[i], 0);
      if (i % 2 == 1) { // every other key shares the bytes the slot is chosen by with the key before it
        keys[i][0] = keys[i - 1][0];
        keys[i][7] = keys[i - 1][7];
        keys[i][13] = keys[i - 1][13];
      }
    }
    for (int round = 0; round < 3; round++) { // first misses, then hits and evictions
      for (byte[] key : keys) {
        Ed25519.PublicPoint point = points.get(key);
        if (point == null) {
          assertThat(Ed25519.validatePublicKeyPartial(key, 0)).isFalse();
        } else {
          assertThat(encode(point)).isEqualTo(key);
        }
      }
    }
  }

  @Test
  void aKeyThatIsNotAPointIsNeverCached() {
    PublicPoints points = new PublicPoints();
    byte[] notOnTheCurve = Vectors.hex("0200000000000000000000000000000000000000000000000000000000000000");
    assertThat(Ed25519.validatePublicKeyPartial(notOnTheCurve, 0)).isFalse();
    assertThat(points.get(notOnTheCurve)).isNull();
    assertThat(points.get(notOnTheCurve)).isNull();
  }
}
