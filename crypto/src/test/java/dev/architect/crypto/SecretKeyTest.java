package dev.architect.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.architect.ffi.FfiException;
import dev.architect.ffi.SecureMemory;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretKeyTest {
  /** Locking and native zeroing need libc through FFM; without native access keys fall back (tested below). */
  private static void assumeLibc() {
    try {
      SecureMemory.pageSize();
    } catch (FfiException e) {
      assumeTrue(false, "libc is not reachable here, keys are neither locked nor natively zeroed: " + e.getMessage());
    }
  }

  @Test
  void holdsACopyOffHeapAndNeverPrintsIt() {
    byte[] bytes = Vectors.counting(32);
    try (SecretKey key = SecretKey.copyOf(bytes)) {
      bytes[0] = 99;
      assertThat(key.toByteArray()).isEqualTo(Vectors.counting(32));
      assertThat(key.segment().isNative()).isTrue();
      assertThat(key.length()).isEqualTo(32);
      String text = key.toString();
      assertThat(text).matches("SecretKey\\[32 bytes, (locked|not locked)\\]");
      assertThat(text).doesNotContain(HexFormat.of().formatHex(Vectors.counting(32)).substring(2, 10));
    }
  }

  @Test
  void isLockedWhereTheKernelAllows() {
    assumeLibc();
    OptionalLong limit = SecureMemory.lockLimit();
    try (SecretKey key = SecretKey.generate(32)) {
      if (limit.isEmpty() || limit.getAsLong() >= 1 << 20) {
        assertThat(key.isLocked()).isTrue(); // room for far more than one page
      }
      assertThat(key.toString()).isEqualTo("SecretKey[32 bytes, " + (key.isLocked() ? "locked" : "not locked") + "]");
    }
  }

  @Test
  void closingZeroesAndForbidsUse() {
    SecretKey key = SecretKey.generate(32);
    assertThat(key.isClosed()).isFalse();
    key.close();
    key.close(); // twice is fine
    assertThat(key.isClosed()).isTrue();
    assertThat(key.toString()).isEqualTo("SecretKey[32 bytes, closed]");
    assertThatThrownBy(key::toByteArray).isInstanceOf(IllegalStateException.class).hasMessage("secret key is closed");
    assertThatThrownBy(() -> SecretBox.seal(new byte[1], new byte[24], key))
        .isInstanceOf(IllegalStateException.class).hasMessage("secret key is closed");
  }

  @Test
  void closeZeroesThroughSecureMemoryAndFreesThePages() {
    assumeLibc();
    SecretKey key = SecretKey.copyOf(Vectors.counting(32));
    MemorySegment bytes = key.segment();
    assertThat(bytes.isNative()).isTrue();
    key.close();
    // The pages are gone (SecureMemory.close zeroes them with explicit_bzero first; SecureMemoryTest in
    // architect-ffi checks that): the old segment cannot be read, so no copy of the key lingers here.
    assertThat(bytes.scope().isAlive()).isFalse();
    assertThatThrownBy(() -> bytes.get(ValueLayout.JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void withoutLibcTheKeyIsStillOffHeapAndZeroedOnRelease() {
    KeyMemory memory = KeyMemory.unlocked(32);
    memory.segment().fill((byte) 0x5a);
    assertThat(memory.locked()).isFalse();
    assertThat(memory.segment().isNative()).isTrue();
    memory.release();
    // This memory outlives release (the GC frees it): it must hold zeros by then.
    assertThat(memory.segment().toArray(ValueLayout.JAVA_BYTE)).containsOnly(0);
  }

  @Test
  void noTypeHoldingASecretPrintsIt() {
    byte[] seed = Vectors.counting(32);
    String secretHex = HexFormat.of().formatHex(seed).substring(2, 12); // bytes 1..5 of the secret
    try (PasetoLocalKey local = PasetoLocalKey.copyOf(seed);
         PasetoSecretKey secret = PasetoSecretKey.fromSeed(seed);
         KeyPair signing = Sign.keyPair(seed);
         KeyPair box = Box.keyPair()) {
      assertThat(local).hasToString("PasetoLocalKey[v4.local]");
      assertThat(secret).hasToString("PasetoSecretKey[public key " + HexFormat.of().formatHex(signing.publicKey()) + "]");
      assertThat(signing.toString()).endsWith(", secretKey=" + signing.secretKey() + "]");
      assertThat(box.toString()).endsWith(", secretKey=SecretKey[32 bytes, "
          + (box.secretKey().isLocked() ? "locked" : "not locked") + "]]");
      for (Object holder : new Object[] {local, secret, signing, box, signing.secretKey()}) {
        assertThat(holder.toString()).doesNotContain(secretHex);
      }
      byte[] boxSecret = box.secretKey().toByteArray();
      assertThat(box.toString()).doesNotContain(HexFormat.of().formatHex(boxSecret).substring(0, 10));
    }
  }

  @Test
  void generatedKeysDifferAndContentEqualsComparesBytes() {
    try (SecretKey a = SecretKey.generate(32); SecretKey b = SecretKey.generate(32);
         SecretKey c = SecretKey.copyOf(a.toByteArray())) {
      assertThat(a.contentEquals(b)).isFalse();
      assertThat(a.contentEquals(c)).isTrue();
    }
    assertThatThrownBy(() -> SecretKey.generate(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("key length must be positive, was 0");
  }

  @Test
  void constantTimeEqualsAndZero() {
    assertThat(Crypto.constantTimeEquals(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
    assertThat(Crypto.constantTimeEquals(new byte[] {1, 2}, new byte[] {1, 3})).isFalse();
    assertThat(Crypto.constantTimeEquals(new byte[] {1, 2}, new byte[] {1})).isFalse();
    byte[] secret = {1, 2, 3};
    Crypto.zero(secret);
    assertThat(secret).containsOnly(0);
    assertThat(Crypto.randomBytes(32)).isNotEqualTo(Crypto.randomBytes(32));
    assertThatThrownBy(() -> Crypto.randomBytes(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("length must not be negative, was -1");
  }

  @Test
  void backendsAreSelectableAndReported() {
    Set<Backend> available = Crypto.available();
    assertThat(available).contains(Backend.JAVA);
    assertThat(Crypto.withBackend(Backend.JAVA, Crypto::backend)).isEqualTo(Backend.JAVA);
    if (available.contains(Backend.SODIUM)) {
      assertThat(Crypto.withBackend(Backend.SODIUM, Crypto::backend)).isEqualTo(Backend.SODIUM);
      assertThat(Crypto.backend()).isEqualTo(Backend.SODIUM); // auto picks libsodium when it loads
    } else {
      assertThatThrownBy(() -> Crypto.withBackend(Backend.SODIUM, Crypto::backend))
          .isInstanceOf(CryptoException.class).hasMessageStartingWith("the sodium backend is not available: ");
    }
  }
}
