package dev.architect.ffi;

import static dev.architect.ffi.Hex.bytes;
import static dev.architect.ffi.Hex.hex;
import static dev.architect.ffi.Hex.segment;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.engines.XChaCha20Engine;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The libsodium bindings: known answers from the RFCs and NaCl, cross-checks against BouncyCastle,
 * and the argument checks. Skipped, with the reason, only where libsodium is not installed.
 */
class SodiumTest {
  // NaCl's box/secretbox test vector (Bernstein, "Cryptography in NaCl", section 10).
  static final String ALICE_SK = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
  static final String ALICE_PK = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
  static final String BOB_SK = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
  static final String BOB_PK = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
  static final String FIRSTKEY = "1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389";
  static final String NONCE = "69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37";
  static final String MESSAGE = "be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffce5ecbaaf33bd751a"
      + "1ac728d45e6c61296cdc3c01233561f41db66cce314adb310e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21"
      + "af1fde048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f937763848645e0705";
  static final String BOXED = "f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce48332ea7164d96a4476f"
      + "b8c531a1186ac0dfc17c98dce87b4da7f011ec48c97271d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab932164548e526"
      + "ae90224368517acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b37973f622a43d14a6599b1f654cb45a74e355a5";

  // RFC 8032 section 7.1, tests 1 and 2.
  static final String SEED1 = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
  static final String PK1 = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
  static final String SIG1 = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
      + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
  static final String SEED2 = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
  static final String PK2 = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
  static final String SIG2 = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
      + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

  private static Sodium sodium;

  @BeforeAll
  static void load() {
    assumeTrue(Sodium.isAvailable(), () -> "libsodium is not installed here: " + Sodium.unavailableReason().orElse(""));
    sodium = Sodium.load();
  }

  @Test
  void loadsOnceAndReportsItsVersion() {
    assertThat(Sodium.load()).isSameAs(sodium);
    assertThat(Sodium.unavailableReason()).isEmpty();
    assertThat(Sodium.version()).matches("\\d+\\.\\d+\\.\\d+").isEqualTo(sodium.sodiumVersionString());
    assertThat(sodium.loadedAs()).isIn("libsodium.so.23", "libsodium.so");
    assertThat(sodium.sodiumInit()).isEqualTo(1); // already initialized by load()
  }

  @Test
  void theMissingLibraryMessageNamesTheLibraryTheNamesAndThePackage() {
    assertThat(NativeLibraryException.notFound(SodiumLocation.NAME, SodiumLocation.usualNames("Linux"),
        SodiumLocation.installHint()).getMessage())
        .isEqualTo("libsodium not found (tried libsodium.so.23, libsodium.so); install it with: apt-get install "
            + "libsodium23");
  }

  @Test
  void everyConstantEqualsLibsodiumsOwn() throws Throwable {
    NativeLibrary library = SodiumHandles.LIBRARY;
    int checked = 0;
    for (Field field : Sodium.class.getFields()) {
      if (!Modifier.isStatic(field.getModifiers()) || !field.getName().startsWith("CRYPTO_")) {
        continue;
      }
      // libsodium exposes each constant as a function of the same name in lower case.
      String function = field.getName().toLowerCase(java.util.Locale.ROOT);
      long actual;
      if (field.getType() == int.class && function.startsWith("crypto_pwhash_alg_")) {
        actual = (int) library.downcall(function, FunctionDescriptor.of(JAVA_INT)).invokeExact();
      } else {
        actual = (long) library.downcall(function, FunctionDescriptor.of(JAVA_LONG)).invokeExact();
      }
      assertThat(((Number) field.get(null)).longValue()).as(field.getName()).isEqualTo(actual);
      checked++;
    }
    assertThat(checked).isEqualTo(43);
    assertThat(sodium.cryptoGenerichashStatebytes()).isEqualTo(Sodium.CRYPTO_GENERICHASH_STATEBYTES);
  }

  @Test
  void generichashKnownAnswers() {
    MemorySegment out = MemorySegment.ofArray(new byte[32]);
    assertThat(sodium.cryptoGenerichash(out, 32, MemorySegment.NULL, 0, MemorySegment.NULL, 0)).isZero();
    assertThat(hex(out)).isEqualTo("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
    // RFC 7693 appendix A: BLAKE2b-512("abc").
    MemorySegment out64 = MemorySegment.ofArray(new byte[64]);
    assertThat(sodium.cryptoGenerichash(out64, 64, MemorySegment.ofArray("abc".getBytes(StandardCharsets.US_ASCII)),
        3, MemorySegment.NULL, 0)).isZero();
    assertThat(hex(out64)).isEqualTo("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
        + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
  }

  @Test
  void generichashAgreesWithBouncyCastleAndIncrementalAgreesWithOneShot() {
    Random random = new Random(11);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(Sodium.CRYPTO_GENERICHASH_STATEBYTES, 64);
      for (int round = 0; round < 50; round++) {
        byte[] message = new byte[random.nextInt(600)];
        random.nextBytes(message);
        byte[] key = new byte[round % 3 == 0 ? 0 : 16 + random.nextInt(49)];
        random.nextBytes(key);
        int outlen = 16 + random.nextInt(49);
        Blake2bDigest reference = new Blake2bDigest(key.length == 0 ? null : key, outlen, null, null);
        reference.update(message, 0, message.length);
        byte[] expected = new byte[outlen];
        reference.doFinal(expected, 0);

        byte[] oneShot = new byte[outlen];
        MemorySegment keySegment = key.length == 0 ? MemorySegment.NULL : MemorySegment.ofArray(key);
        assertThat(sodium.cryptoGenerichash(MemorySegment.ofArray(oneShot), outlen, MemorySegment.ofArray(message),
            message.length, keySegment, key.length)).isZero();
        assertThat(oneShot).isEqualTo(expected);

        assertThat(sodium.cryptoGenerichashInit(state, keySegment, key.length, outlen)).isZero();
        int split = message.length == 0 ? 0 : random.nextInt(message.length);
        MemorySegment in = MemorySegment.ofArray(message);
        assertThat(sodium.cryptoGenerichashUpdate(state, in, split)).isZero();
        assertThat(sodium.cryptoGenerichashUpdate(state, in.asSlice(split), message.length - split)).isZero();
        byte[] incremental = new byte[outlen];
        assertThat(sodium.cryptoGenerichashFinal(state, MemorySegment.ofArray(incremental), outlen)).isZero();
        assertThat(incremental).isEqualTo(expected);
      }
    }
  }

  @Test
  void generichashRefusesOutOfRangeLengths() {
    MemorySegment out = MemorySegment.ofArray(new byte[65]);
    assertThat(sodium.cryptoGenerichash(out, 65, MemorySegment.NULL, 0, MemorySegment.NULL, 0)).isEqualTo(-1);
    assertThat(sodium.cryptoGenerichash(out, 32, MemorySegment.NULL, 0, out, 65)).isEqualTo(-1);
  }

  @Test
  void saltedPersonalizedBlake2bAgreesWithBouncyCastle() {
    Random random = new Random(5);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(Sodium.CRYPTO_GENERICHASH_STATEBYTES, 64);
      for (int round = 0; round < 30; round++) {
        byte[] message = new byte[random.nextInt(300)];
        byte[] key = new byte[32];
        byte[] salt = new byte[16];
        byte[] personal = new byte[16];
        random.nextBytes(message);
        random.nextBytes(key);
        random.nextBytes(salt);
        random.nextBytes(personal);
        Blake2bDigest reference = new Blake2bDigest(key, 32, salt, personal);
        reference.update(message, 0, message.length);
        byte[] expected = new byte[32];
        reference.doFinal(expected, 0);

        byte[] actual = new byte[32];
        assertThat(sodium.cryptoGenerichashBlake2bSaltPersonal(MemorySegment.ofArray(actual), 32,
            MemorySegment.ofArray(message), message.length, MemorySegment.ofArray(key), 32,
            MemorySegment.ofArray(salt), MemorySegment.ofArray(personal))).isZero();
        assertThat(actual).isEqualTo(expected);

        assertThat(sodium.cryptoGenerichashBlake2bInitSaltPersonal(state, MemorySegment.ofArray(key), 32, 32,
            MemorySegment.ofArray(salt), MemorySegment.ofArray(personal))).isZero();
        sodium.cryptoGenerichashUpdate(state, MemorySegment.ofArray(message), message.length);
        byte[] incremental = new byte[32];
        assertThat(sodium.cryptoGenerichashFinal(state, MemorySegment.ofArray(incremental), 32)).isZero();
        assertThat(incremental).isEqualTo(expected);
      }
    }
    // NULL salt and personalization mean all zeros.
    byte[] withNull = new byte[32];
    byte[] withZeros = new byte[32];
    sodium.cryptoGenerichashBlake2bSaltPersonal(MemorySegment.ofArray(withNull), 32, MemorySegment.NULL, 0,
        MemorySegment.NULL, 0, MemorySegment.NULL, MemorySegment.NULL);
    sodium.cryptoGenerichashBlake2bSaltPersonal(MemorySegment.ofArray(withZeros), 32, MemorySegment.NULL, 0,
        MemorySegment.NULL, 0, MemorySegment.ofArray(new byte[16]), MemorySegment.ofArray(new byte[16]));
    assertThat(withNull).isEqualTo(withZeros);
  }

  @Test
  void signSeedKeypairAndSignaturesMatchRfc8032() {
    for (String[] vector : new String[][] {{SEED1, PK1, "", SIG1}, {SEED2, PK2, "72", SIG2}}) {
      MemorySegment pk = MemorySegment.ofArray(new byte[32]);
      MemorySegment sk = MemorySegment.ofArray(new byte[64]);
      assertThat(sodium.cryptoSignSeedKeypair(pk, sk, segment(vector[0]))).isZero();
      assertThat(hex(pk)).isEqualTo(vector[1]);
      assertThat(hex(sk)).isEqualTo(vector[0] + vector[1]);

      MemorySegment message = segment(vector[2]);
      long mlen = message.byteSize();
      MemorySegment sig = MemorySegment.ofArray(new byte[64]);
      MemorySegment siglen = MemorySegment.ofArray(new long[1]);
      assertThat(sodium.cryptoSignDetached(sig, siglen, message, mlen, sk)).isZero();
      assertThat(hex(sig)).isEqualTo(vector[3]);
      assertThat(siglen.get(JAVA_LONG, 0)).isEqualTo(64);
      assertThat(sodium.cryptoSignVerifyDetached(sig, message, mlen, pk)).isZero();

      MemorySegment sm = MemorySegment.ofArray(new byte[(int) mlen + 64]);
      assertThat(sodium.cryptoSign(sm, MemorySegment.NULL, message, mlen, sk)).isZero();
      assertThat(hex(sm)).isEqualTo(vector[3] + vector[2]);
      MemorySegment opened = MemorySegment.ofArray(new byte[(int) mlen]);
      MemorySegment openedLength = MemorySegment.ofArray(new long[1]);
      assertThat(sodium.cryptoSignOpen(opened, openedLength, sm, sm.byteSize(), pk)).isZero();
      assertThat(hex(opened)).isEqualTo(vector[2]);
      assertThat(openedLength.get(JAVA_LONG, 0)).isEqualTo(mlen);

      MemorySegment extracted = MemorySegment.ofArray(new byte[32]);
      assertThat(sodium.cryptoSignEd25519SkToPk(extracted, sk)).isZero();
      assertThat(hex(extracted)).isEqualTo(vector[1]);
    }
  }

  @Test
  void aTamperedSignatureOrMessageDoesNotVerify() {
    MemorySegment pk = MemorySegment.ofArray(new byte[32]);
    MemorySegment sk = MemorySegment.ofArray(new byte[64]);
    assertThat(sodium.cryptoSignKeypair(pk, sk)).isZero();
    byte[] message = "pay 10 to bob".getBytes(StandardCharsets.UTF_8);
    MemorySegment sig = MemorySegment.ofArray(new byte[64]);
    sodium.cryptoSignDetached(sig, MemorySegment.NULL, MemorySegment.ofArray(message), message.length, sk);
    assertThat(sodium.cryptoSignVerifyDetached(sig, MemorySegment.ofArray(message), message.length, pk)).isZero();
    byte[] forged = message.clone();
    forged[4] = '9';
    assertThat(sodium.cryptoSignVerifyDetached(sig, MemorySegment.ofArray(forged), forged.length, pk)).isEqualTo(-1);
    sig.set(JAVA_BYTE, 10, (byte) (sig.get(JAVA_BYTE, 10) ^ 1));
    assertThat(sodium.cryptoSignVerifyDetached(sig, MemorySegment.ofArray(message), message.length, pk)).isEqualTo(-1);
    MemorySegment sm = MemorySegment.ofArray(new byte[64 + message.length]);
    sodium.cryptoSign(sm, MemorySegment.NULL, MemorySegment.ofArray(message), message.length, sk);
    sm.set(JAVA_BYTE, 70, (byte) 0);
    assertThat(sodium.cryptoSignOpen(MemorySegment.NULL, MemorySegment.NULL, sm, sm.byteSize(), pk)).isEqualTo(-1);
  }

  @Test
  void scalarmultBaseMatchesRfc7748AndBoxSeedKeypair() {
    MemorySegment q = MemorySegment.ofArray(new byte[32]);
    assertThat(sodium.cryptoScalarmultBase(q, segment(ALICE_SK))).isZero();
    assertThat(hex(q)).isEqualTo(ALICE_PK);
    assertThat(sodium.cryptoScalarmultBase(q, segment(BOB_SK))).isZero();
    assertThat(hex(q)).isEqualTo(BOB_PK);

    MemorySegment pk = MemorySegment.ofArray(new byte[32]);
    MemorySegment sk = MemorySegment.ofArray(new byte[32]);
    assertThat(sodium.cryptoBoxSeedKeypair(pk, sk, segment(SEED1))).isZero();
    assertThat(sodium.cryptoScalarmultBase(q, sk)).isZero();
    assertThat(hex(q)).isEqualTo(hex(pk));
  }

  @Test
  void secretboxMatchesNacl() {
    MemorySegment m = segment(MESSAGE);
    MemorySegment c = MemorySegment.ofArray(new byte[(int) m.byteSize() + 16]);
    assertThat(sodium.cryptoSecretboxEasy(c, m, m.byteSize(), segment(NONCE), segment(FIRSTKEY))).isZero();
    assertThat(hex(c)).isEqualTo(BOXED);

    MemorySegment opened = MemorySegment.ofArray(new byte[(int) m.byteSize()]);
    assertThat(sodium.cryptoSecretboxOpenEasy(opened, c, c.byteSize(), segment(NONCE), segment(FIRSTKEY))).isZero();
    assertThat(hex(opened)).isEqualTo(MESSAGE);

    MemorySegment detached = MemorySegment.ofArray(new byte[(int) m.byteSize()]);
    MemorySegment mac = MemorySegment.ofArray(new byte[16]);
    assertThat(sodium.cryptoSecretboxDetached(detached, mac, m, m.byteSize(), segment(NONCE), segment(FIRSTKEY)))
        .isZero();
    assertThat(hex(mac) + hex(detached)).isEqualTo(BOXED);
    assertThat(sodium.cryptoSecretboxOpenDetached(opened, detached, mac, detached.byteSize(), segment(NONCE),
        segment(FIRSTKEY))).isZero();
    assertThat(hex(opened)).isEqualTo(MESSAGE);

    c.set(JAVA_BYTE, 40, (byte) (c.get(JAVA_BYTE, 40) ^ 0x80));
    assertThat(sodium.cryptoSecretboxOpenEasy(opened, c, c.byteSize(), segment(NONCE), segment(FIRSTKEY)))
        .isEqualTo(-1);
    assertThat(sodium.cryptoSecretboxOpenEasy(opened, c, 15, segment(NONCE), segment(FIRSTKEY))).isEqualTo(-1);
  }

  @Test
  void secretboxEncryptsInPlace() {
    byte[] buffer = new byte[16 + 131];
    System.arraycopy(bytes(MESSAGE), 0, buffer, 16, 131);
    MemorySegment whole = MemorySegment.ofArray(buffer);
    assertThat(sodium.cryptoSecretboxEasy(whole, whole.asSlice(16), 131, segment(NONCE), segment(FIRSTKEY))).isZero();
    assertThat(hex(buffer)).isEqualTo(BOXED);
  }

  @Test
  void boxMatchesNaclBetweenAliceAndBob() {
    MemorySegment m = segment(MESSAGE);
    MemorySegment c = MemorySegment.ofArray(new byte[(int) m.byteSize() + 16]);
    assertThat(sodium.cryptoBoxEasy(c, m, m.byteSize(), segment(NONCE), segment(BOB_PK), segment(ALICE_SK)))
        .isZero();
    assertThat(hex(c)).isEqualTo(BOXED);
    MemorySegment opened = MemorySegment.ofArray(new byte[(int) m.byteSize()]);
    assertThat(sodium.cryptoBoxOpenEasy(opened, c, c.byteSize(), segment(NONCE), segment(ALICE_PK), segment(BOB_SK)))
        .isZero();
    assertThat(hex(opened)).isEqualTo(MESSAGE);
    c.set(JAVA_BYTE, 0, (byte) (c.get(JAVA_BYTE, 0) ^ 1));
    assertThat(sodium.cryptoBoxOpenEasy(opened, c, c.byteSize(), segment(NONCE), segment(ALICE_PK), segment(BOB_SK)))
        .isEqualTo(-1);
  }

  @Test
  void sealedBoxesOpenOnlyWithTheRecipientsKey() {
    MemorySegment pk = MemorySegment.ofArray(new byte[32]);
    MemorySegment sk = MemorySegment.ofArray(new byte[32]);
    assertThat(sodium.cryptoBoxKeypair(pk, sk)).isZero();
    byte[] message = "anonymous tip".getBytes(StandardCharsets.UTF_8);
    MemorySegment c = MemorySegment.ofArray(new byte[message.length + Sodium.CRYPTO_BOX_SEALBYTES]);
    assertThat(sodium.cryptoBoxSeal(c, MemorySegment.ofArray(message), message.length, pk)).isZero();
    byte[] opened = new byte[message.length];
    assertThat(sodium.cryptoBoxSealOpen(MemorySegment.ofArray(opened), c, c.byteSize(), pk, sk)).isZero();
    assertThat(opened).isEqualTo(message);

    MemorySegment otherPk = MemorySegment.ofArray(new byte[32]);
    MemorySegment otherSk = MemorySegment.ofArray(new byte[32]);
    sodium.cryptoBoxKeypair(otherPk, otherSk);
    assertThat(sodium.cryptoBoxSealOpen(MemorySegment.ofArray(opened), c, c.byteSize(), otherPk, otherSk))
        .isEqualTo(-1);
  }

  @Test
  void pwhashAgreesWithBouncyCastleArgon2id() {
    try (Arena arena = Arena.ofConfined()) {
      byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
      byte[] salt = bytes("000102030405060708090a0b0c0d0e0f");
      for (long[] limits : new long[][] {{1, 8192}, {2, 65536}, {3, 32768}}) {
        MemorySegment out = arena.allocate(32);
        assertThat(sodium.cryptoPwhash(out, 32, arena.allocateFrom(JAVA_BYTE, password), password.length,
            arena.allocateFrom(JAVA_BYTE, salt), limits[0], limits[1], Sodium.CRYPTO_PWHASH_ALG_ARGON2ID13)).isZero();

        Argon2BytesGenerator reference = new Argon2BytesGenerator();
        reference.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withIterations((int) limits[0])
            .withMemoryAsKB((int) (limits[1] / 1024))
            .withParallelism(1)
            .withSalt(salt)
            .build());
        byte[] expected = new byte[32];
        reference.generateBytes(password, expected);
        assertThat(hex(out)).as("t=%d m=%d", limits[0], limits[1]).isEqualTo(hex(expected));
      }
      // Below the minimum memory, libsodium refuses.
      assertThat(sodium.cryptoPwhash(arena.allocate(32), 32, arena.allocate(1), 1, arena.allocate(16), 1, 1024,
          Sodium.CRYPTO_PWHASH_ALG_ARGON2ID13)).isEqualTo(-1);
    }
  }

  @Test
  void pwhashStringsVerifyAndKnowWhenToRehash() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment password = arena.allocateFrom("hunter2");
      MemorySegment str = arena.allocate(Sodium.CRYPTO_PWHASH_STRBYTES);
      assertThat(sodium.cryptoPwhashStrAlg(str, password, 7, 2, 16384, Sodium.CRYPTO_PWHASH_ALG_ARGON2ID13)).isZero();
      assertThat(str.getString(0)).startsWith("$argon2id$v=19$m=16,t=2,p=1$");
      assertThat(sodium.cryptoPwhashStrVerify(str, password, 7)).isZero();
      assertThat(sodium.cryptoPwhashStrVerify(str, arena.allocateFrom("hunter3"), 7)).isEqualTo(-1);
      assertThat(sodium.cryptoPwhashStrNeedsRehash(str, 2, 16384)).isZero();
      assertThat(sodium.cryptoPwhashStrNeedsRehash(str, 3, 16384)).isEqualTo(1);
      assertThat(sodium.cryptoPwhashStrNeedsRehash(arena.allocateFrom("$argon2id$garbage"), 2, 16384)).isEqualTo(-1);
    }
  }

  @Test
  void kdfIsBlake2bWithTheSubkeyIdAsSaltAndTheContextAsPersonalization() {
    byte[] key = bytes("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    byte[] context = "KDF test".getBytes(StandardCharsets.US_ASCII);
    for (long id : new long[] {0, 1, 7, 0x0123456789abcdefL, -1L}) {
      for (int length : new int[] {16, 32, 64}) {
        byte[] subkey = new byte[length];
        assertThat(sodium.cryptoKdfDeriveFromKey(MemorySegment.ofArray(subkey), length, id,
            MemorySegment.ofArray(context), MemorySegment.ofArray(key))).isZero();
        byte[] salt = new byte[16];
        MemorySegment.ofArray(salt).set(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0, id);
        byte[] personal = Arrays.copyOf(context, 16);
        Blake2bDigest reference = new Blake2bDigest(key, length, salt, personal);
        byte[] expected = new byte[length];
        reference.doFinal(expected, 0);
        assertThat(subkey).as("id %d length %d", id, length).isEqualTo(expected);
      }
    }
    assertThat(sodium.cryptoKdfDeriveFromKey(MemorySegment.ofArray(new byte[65]), 65, 0,
        MemorySegment.ofArray(context), MemorySegment.ofArray(key))).isEqualTo(-1);
  }

  @Test
  void xchacha20AgreesWithBouncyCastleAndIsItsOwnInverse() {
    Random random = new Random(9);
    for (int round = 0; round < 30; round++) {
      byte[] key = new byte[32];
      byte[] nonce = new byte[24];
      byte[] message = new byte[random.nextInt(1000)];
      random.nextBytes(key);
      random.nextBytes(nonce);
      random.nextBytes(message);
      byte[] actual = new byte[message.length];
      assertThat(sodium.cryptoStreamXchacha20Xor(MemorySegment.ofArray(actual), MemorySegment.ofArray(message),
          message.length, MemorySegment.ofArray(nonce), MemorySegment.ofArray(key))).isZero();
      XChaCha20Engine reference = new XChaCha20Engine();
      reference.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
      byte[] expected = new byte[message.length];
      reference.processBytes(message, 0, message.length, expected, 0);
      assertThat(actual).isEqualTo(expected);
      sodium.cryptoStreamXchacha20Xor(MemorySegment.ofArray(actual), MemorySegment.ofArray(actual), actual.length,
          MemorySegment.ofArray(nonce), MemorySegment.ofArray(key));
      assertThat(actual).isEqualTo(message);
    }
  }

  @Test
  void randomBytesMemcmpAndMemzero() {
    byte[] a = new byte[64];
    byte[] b = new byte[64];
    sodium.randombytesBuf(MemorySegment.ofArray(a), 64);
    sodium.randombytesBuf(MemorySegment.ofArray(b), 64);
    assertThat(a).isNotEqualTo(new byte[64]).isNotEqualTo(b); // each fails with probability 2^-512
    assertThat(sodium.sodiumMemcmp(MemorySegment.ofArray(a), MemorySegment.ofArray(a.clone()), 64)).isZero();
    assertThat(sodium.sodiumMemcmp(MemorySegment.ofArray(a), MemorySegment.ofArray(b), 64)).isEqualTo(-1);
    sodium.sodiumMemzero(MemorySegment.ofArray(a), 32);
    assertThat(Arrays.copyOf(a, 32)).isEqualTo(new byte[32]);
    assertThat(Arrays.copyOfRange(a, 32, 64)).isNotEqualTo(new byte[32]);
  }

  @Test
  void concurrentSigningGivesTheSameSignatureEverywhere() throws Exception {
    MemorySegment sk = MemorySegment.ofArray(new byte[64]);
    sodium.cryptoSignSeedKeypair(MemorySegment.ofArray(new byte[32]), sk, segment(SEED2));
    try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
      List<Future<String>> signatures = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        signatures.add(executor.submit(() -> {
          MemorySegment sig = MemorySegment.ofArray(new byte[64]);
          sodium.cryptoSignDetached(sig, MemorySegment.NULL, segment("72"), 1, sk);
          return hex(sig);
        }));
      }
      for (Future<String> signature : signatures) {
        assertThat(signature.get()).isEqualTo(SIG2);
      }
    }
  }

  @Test
  void undersizedSegmentsAreRejectedBeforeLibsodiumRuns() {
    MemorySegment key = MemorySegment.ofArray(new byte[32]);
    MemorySegment nonce = MemorySegment.ofArray(new byte[24]);
    MemorySegment m = MemorySegment.ofArray(new byte[5]);
    assertThatThrownBy(() -> sodium.cryptoSecretboxEasy(MemorySegment.ofArray(new byte[20]), m, 5, nonce, key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("c must hold at least 21 bytes, was 20");
    assertThatThrownBy(() -> sodium.cryptoSecretboxEasy(MemorySegment.ofArray(new byte[21]), m, 6, nonce, key))
        .hasMessage("m must hold at least 6 bytes, was 5");
    assertThatThrownBy(() -> sodium.cryptoSecretboxEasy(MemorySegment.ofArray(new byte[21]), m, -1, nonce, key))
        .hasMessage("mlen must not be negative, was -1");
    assertThatThrownBy(() -> sodium.cryptoSecretboxEasy(MemorySegment.ofArray(new byte[21]), m, 5,
        nonce.asSlice(1), key)).hasMessage("n must hold at least 24 bytes, was 23");
    assertThatThrownBy(() -> sodium.cryptoSecretboxEasy(MemorySegment.ofArray(new byte[21]), m, 5, nonce,
        MemorySegment.NULL)).hasMessage("k must hold at least 32 bytes, was 0");
    assertThatThrownBy(() -> sodium.cryptoSecretboxOpenEasy(MemorySegment.ofArray(new byte[4]),
        MemorySegment.ofArray(new byte[21]), 21, nonce, key))
        .hasMessage("m must hold at least 5 bytes, was 4");
    assertThatThrownBy(() -> sodium.cryptoSignDetached(MemorySegment.ofArray(new byte[64]),
        MemorySegment.ofArray(new byte[4]), m, 5, MemorySegment.ofArray(new byte[64])))
        .hasMessage("siglenP must hold at least 8 bytes, was 4");
    assertThatThrownBy(() -> sodium.cryptoBoxSeal(MemorySegment.ofArray(new byte[52]), m, 5,
        MemorySegment.ofArray(new byte[32]))).hasMessage("c must hold at least 53 bytes, was 52");
    assertThatThrownBy(() -> sodium.cryptoGenerichashBlake2bSaltPersonal(MemorySegment.ofArray(new byte[32]), 32,
        MemorySegment.NULL, 0, MemorySegment.NULL, 0, MemorySegment.ofArray(new byte[8]), MemorySegment.NULL))
        .hasMessage("salt must hold at least 16 bytes, was 8");
    assertThatThrownBy(() -> sodium.cryptoGenerichashInit(MemorySegment.ofArray(new byte[100]), MemorySegment.NULL,
        0, 32)).hasMessage("state must hold at least 384 bytes, was 100");
    assertThatThrownBy(() -> sodium.cryptoKdfDeriveFromKey(MemorySegment.ofArray(new byte[32]), 32, 1,
        MemorySegment.ofArray(new byte[7]), key)).hasMessage("ctx must hold at least 8 bytes, was 7");
    assertThatThrownBy(() -> sodium.randombytesBuf(MemorySegment.ofArray(new byte[8]), 9))
        .hasMessage("buf must hold at least 9 bytes, was 8");
    assertThatThrownBy(() -> sodium.cryptoSecretboxEasy(null, m, 5, nonce, key))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("c");
  }

  @Test
  void readOnlyOutputsAndUnterminatedStringsAreRejected() {
    assertThatThrownBy(() -> sodium.randombytesBuf(MemorySegment.ofArray(new byte[8]).asReadOnly(), 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("buf must be writable, was read-only");
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment unterminated = arena.allocateFrom(JAVA_BYTE, "$argon2id$".getBytes(StandardCharsets.US_ASCII));
      assertThatThrownBy(() -> sodium.cryptoPwhashStrVerify(unterminated, arena.allocate(1), 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("str must be NUL-terminated within its 10 bytes");
      assertThatThrownBy(() -> sodium.cryptoPwhashStrNeedsRehash(unterminated, 2, 16384))
          .hasMessage("str must be NUL-terminated within its 10 bytes");
    }
  }

  @Test
  void passwordHashingNeedsNativeSegments() {
    // crypto_pwhash is linked as an ordinary (non-critical) call: heap memory cannot be passed.
    assertThatThrownBy(() -> sodium.cryptoPwhash(MemorySegment.ofArray(new byte[32]), 32,
        MemorySegment.ofArray(new byte[4]), 4, MemorySegment.ofArray(new byte[16]), 1, 8192,
        Sodium.CRYPTO_PWHASH_ALG_ARGON2ID13)).isInstanceOf(IllegalArgumentException.class);
  }
}
