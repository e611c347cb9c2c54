package dev.architect.ffi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/** The examples of ffi/README.md, compiled and run. */
class ReadmeExampleTest {
  @Test
  void smallestUsefulExample() {
    assumeTrue(Sodium.isAvailable(), () -> "libsodium is not installed here: " + Sodium.unavailableReason().orElse(""));
    long bytes = LibC.strlen("héllo");
    int pid = LibC.getpid();
    Timespec now = LibC.clockGettime(Clock.REALTIME);
    Utsname system = LibC.uname();

    int[] values = {3, 1, 2};
    LibC.qsort(values, Comparator.naturalOrder());

    MemorySegment kept;
    try (SecureMemory key = SecureMemory.allocate(32)) {
      Sodium.load().randombytesBuf(key.segment(), 32);
      boolean inRam = key.locked();
      assertThat(inRam).isEqualTo(key.lockResult().succeeded());
      assertThat(key.segment().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE)).isNotEqualTo(new byte[32]);
      kept = key.segment();
    }

    assertThat(bytes).isEqualTo(6);
    assertThat((long) pid).isEqualTo(ProcessHandle.current().pid());
    assertThat(now.seconds()).isPositive();
    assertThat(system.sysname()).isEqualTo("Linux");
    assertThat(values).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> kept.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aThrowingComparator() {
    int[] values = {3, 1, 2};
    IllegalStateException thrown = null;
    try {
      LibC.qsort(values, (a, b) -> {
        throw new IllegalStateException("no comparing today");
      });
    } catch (IllegalStateException e) {
      thrown = e;
    }
    assertThat(thrown).hasMessage("no comparing today");
    assertThat(values).containsExactly(3, 1, 2);
  }

  @Test
  void secretbox() {
    assumeTrue(Sodium.isAvailable(), () -> "libsodium is not installed here: " + Sodium.unavailableReason().orElse(""));
    Sodium sodium = Sodium.load();
    byte[] key = new byte[Sodium.CRYPTO_SECRETBOX_KEYBYTES];
    byte[] nonce = new byte[Sodium.CRYPTO_SECRETBOX_NONCEBYTES];
    sodium.randombytesBuf(MemorySegment.ofArray(key), key.length);
    sodium.randombytesBuf(MemorySegment.ofArray(nonce), nonce.length);
    byte[] message = "attack at dawn".getBytes(StandardCharsets.UTF_8);
    byte[] box = new byte[message.length + Sodium.CRYPTO_SECRETBOX_MACBYTES];
    int sealed = sodium.cryptoSecretboxEasy(MemorySegment.ofArray(box), MemorySegment.ofArray(message),
        message.length, MemorySegment.ofArray(nonce), MemorySegment.ofArray(key));
    byte[] opened = new byte[message.length];
    int ok = sodium.cryptoSecretboxOpenEasy(MemorySegment.ofArray(opened), MemorySegment.ofArray(box), box.length,
        MemorySegment.ofArray(nonce), MemorySegment.ofArray(key));

    assertThat(sealed).isZero();
    assertThat(ok).isZero();
    assertThat(opened).isEqualTo(message);
    box[0] ^= 1;
    assertThat(sodium.cryptoSecretboxOpenEasy(MemorySegment.ofArray(opened), MemorySegment.ofArray(box), box.length,
        MemorySegment.ofArray(nonce), MemorySegment.ofArray(key))).isEqualTo(-1);
  }

  @Test
  void theMissingLibraryMessage() {
    assertThatThrownBy(() -> NativeLibrary.load("libsodium", java.util.List.of("libsodium.so.99"),
        "apt-get install libsodium23"))
        .hasMessage("libsodium not found (tried libsodium.so.99); install it with: apt-get install libsodium23");
  }
}
