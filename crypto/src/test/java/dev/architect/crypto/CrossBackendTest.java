package dev.architect.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Both backends give identical bytes on random inputs, and agree on what they accept. */
class CrossBackendTest {
  private final Random random = new Random(2026);

  @BeforeEach
  void needsLibsodium() {
    assumeTrue(Crypto.available().contains(Backend.SODIUM),
        () -> "libsodium is not available here, nothing to compare with: " + Backends.sodiumProblem());
  }

  private static <T> T java(Supplier<T> action) {
    return Crypto.withBackend(Backend.JAVA, action);
  }

  private static <T> T sodium(Supplier<T> action) {
    return Crypto.withBackend(Backend.SODIUM, action);
  }

  private byte[] bytes(int length) {
    return Vectors.random(random, length);
  }

  @Test
  void secretboxBoxAndStreamGiveIdenticalBytes() {
    for (int round = 0; round < 100; round++) {
      byte[] message = bytes(random.nextInt(2000));
      byte[] key = bytes(32);
      byte[] nonce = bytes(24);
      byte[] sk = bytes(32);
      byte[] pk;
      try (SecretKey secret = SecretKey.copyOf(sk)) {
        pk = java(() -> Box.publicKey(secret));
        assertThat(sodium(() -> Box.publicKey(secret))).isEqualTo(pk);
        assertThat(sodium(() -> Box.seal(message, nonce, pk, secret)))
            .isEqualTo(java(() -> Box.seal(message, nonce, pk, secret)));
        byte[] sealed = sodium(() -> Box.sealAnonymous(message, pk));
        assertThat(java(() -> Box.openAnonymous(sealed, pk, secret))).isEqualTo(message);
        byte[] sealedByJava = java(() -> Box.sealAnonymous(message, pk));
        assertThat(sodium(() -> Box.openAnonymous(sealedByJava, pk, secret))).isEqualTo(message);
      }
      assertThat(sodium(() -> SecretBox.seal(message, nonce, key)))
          .isEqualTo(java(() -> SecretBox.seal(message, nonce, key)));
      assertThat(sodium(() -> Stream.xchacha20Xor(message, nonce, key)))
          .isEqualTo(java(() -> Stream.xchacha20Xor(message, nonce, key)));
    }
  }

  @Test
  void signaturesHashesAndSubkeysAreIdentical() {
    for (int round = 0; round < 100; round++) {
      byte[] message = bytes(random.nextInt(2000));
      byte[] seed = bytes(32);
      KeyPair javaPair = java(() -> Sign.keyPair(seed));
      KeyPair sodiumPair = sodium(() -> Sign.keyPair(seed));
      assertThat(sodiumPair.publicKey()).isEqualTo(javaPair.publicKey());
      assertThat(sodiumPair.secretKey().contentEquals(javaPair.secretKey())).isTrue();
      byte[] signature = java(() -> Sign.detached(message, javaPair.secretKey()));
      assertThat(sodium(() -> Sign.detached(message, sodiumPair.secretKey()))).isEqualTo(signature);
      assertThat(sodium(() -> Sign.verify(signature, message, javaPair.publicKey()))).isTrue();
      javaPair.close();
      sodiumPair.close();

      int length = 16 + random.nextInt(49);
      byte[] key = random.nextBoolean() ? null : bytes(16 + random.nextInt(49));
      assertThat(sodium(() -> GenericHash.hash(message, length, key)))
          .isEqualTo(java(() -> GenericHash.hash(message, length, key)));
      byte[] salt = bytes(16);
      byte[] personal = bytes(16);
      assertThat(sodium(() -> GenericHash.hash(message, length, key, salt, personal)))
          .isEqualTo(java(() -> GenericHash.hash(message, length, key, salt, personal)));

      byte[] master = bytes(32);
      long id = random.nextLong();
      int subkeyLength = 16 + random.nextInt(49);
      assertThat(sodium(() -> Kdf.derive(subkeyLength, id, "crossbk!", master).toByteArray()))
          .isEqualTo(java(() -> Kdf.derive(subkeyLength, id, "crossbk!", master).toByteArray()));
    }
  }

  @Test
  void verificationAgreesOnForgeriesAndEdgeCases() {
    byte[] message = "edge".getBytes(StandardCharsets.US_ASCII);
    byte[] seed = bytes(32);
    KeyPair pair = java(() -> Sign.keyPair(seed));
    byte[] signature = java(() -> Sign.detached(message, pair.secretKey()));
    List<String> points = List.of(
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "0000000000000000000000000000000000000000000000000000000000000080",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    for (String point : points) {
      byte[] encoded = Vectors.hex(point);
      byte[] withR = signature.clone();
      System.arraycopy(encoded, 0, withR, 0, 32);
      assertThat(java(() -> Sign.verify(withR, message, pair.publicKey())))
          .as("R = %s", point).isEqualTo(sodium(() -> Sign.verify(withR, message, pair.publicKey())));
      assertThat(java(() -> Sign.verify(signature, message, encoded)))
          .as("A = %s", point).isEqualTo(sodium(() -> Sign.verify(signature, message, encoded)));
    }
    for (int round = 0; round < 2000; round++) {
      byte[] forged = Vectors.flip(signature, random.nextInt(512));
      byte[] key = random.nextInt(4) == 0 ? bytes(32) : pair.publicKey();
      assertThat(java(() -> Sign.verify(forged, message, key)))
          .isEqualTo(sodium(() -> Sign.verify(forged, message, key)));
    }
  }

  @Test
  void passwordHashesVerifyAcrossBackendsAndStringsParseAlike() {
    PwHash.Limits limits = new PwHash.Limits(1, 8192);
    byte[] password = "pässword".getBytes(StandardCharsets.UTF_8);
    byte[] salt = bytes(16);
    assertThat(sodium(() -> PwHash.hash(32, password, salt, limits)))
        .isEqualTo(java(() -> PwHash.hash(32, password, salt, limits)));
    String fromJava = java(() -> PwHash.str(password, limits));
    String fromSodium = sodium(() -> PwHash.str(password, limits));
    assertThat(sodium(() -> PwHash.verify(fromJava, password))).isTrue();
    assertThat(java(() -> PwHash.verify(fromSodium, password))).isTrue();

    // One valid string (m=8, t=1, p=1), then variations of it, each accepted or rejected alike.
    String valid = java(() -> PwHash.str(password, new PwHash.Limits(1, 8192)));
    String params = "$m=8,t=1,p=1$";
    String tail = valid.substring(valid.indexOf(params) + params.length());
    List<String> variants = List.of(
        valid,
        valid.replace("$v=19", ""),
        valid.replace("$v=19", "$v=16"),
        valid.replace("$v=19", "$v=019"),
        valid.replace("$v=19", "$v=4294967296"),
        valid.replace("m=8,", "m=08,"),
        valid.replace("m=8,", "m=7,"),
        valid.replace("t=1,", "t=0,"),
        valid.replace("p=1$", "p=2$"),
        valid.replace("$argon2id$", "$argon2i$"),
        valid.replace("$argon2id$", "$argon2d$"),
        valid + "=",
        valid + "A",
        valid + "AA",
        valid + " ",
        valid + "\0garbage",
        valid.substring(0, valid.length() - 1),
        valid.substring(0, valid.length() - 2),
        "$argon2id$v=19" + params + tail.replace("$", "$$"),
        "$argon2id$v=19$m=8,t=1,p=1$" + tail.substring(0, tail.indexOf('$')),
        "$argon2id$v=19$m=8,t=1,p=1$$" + tail.substring(tail.indexOf('$') + 1),
        "",
        "$argon2id$");
    for (String variant : variants) {
      assertThat(java(() -> PwHash.verify(variant, password)))
          .as("verify %s", variant).isEqualTo(sodium(() -> PwHash.verify(variant, password)));
      int javaRehash = Crypto.withBackend(Backend.JAVA, () -> needsRehash(variant));
      int sodiumRehash = Crypto.withBackend(Backend.SODIUM, () -> needsRehash(variant));
      assertThat(javaRehash).as("needsRehash %s", variant).isEqualTo(sodiumRehash);
    }
    // Lanes above 1: libsodium verifies them (p=3 with m=24).
    String threeLanes = "$argon2id$v=19$m=4096,t=1,p=3$PkEgcHJldHR5IGxvbmcgc2FsdA$HUqx5Z1b/ZypnUrvvJ5UC2Q+T6Q1WwASK/Kr9dRbGA0";
    byte[] threeLanesPassword = "K3S=KyH#)36_?]LxeR8QNKw6X=gFbxai$C%29V*".getBytes(StandardCharsets.US_ASCII);
    assertThat(java(() -> PwHash.verify(threeLanes, threeLanesPassword))).isTrue();
    assertThat(sodium(() -> PwHash.verify(threeLanes, threeLanesPassword))).isTrue();
  }

  /** needsRehash as libsodium's -1/0/1. */
  private static int needsRehash(String hash) {
    try {
      return PwHash.needsRehash(hash, new PwHash.Limits(1, 8192)) ? 1 : 0;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }
}
