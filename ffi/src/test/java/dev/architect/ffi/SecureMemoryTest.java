package dev.architect.ffi;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Secure memory against what the kernel reports in /proc/self. */
class SecureMemoryTest {
  @Test
  void allocatesZeroedPageAlignedMemoryOfTheSizeAskedFor() {
    try (SecureMemory memory = SecureMemory.allocate(100)) {
      assertThat(memory.segment().byteSize()).isEqualTo(100);
      assertThat(memory.segment().address() % SecureMemory.pageSize()).isZero();
      assertThat(memory.segment().toArray(JAVA_BYTE)).containsOnly((byte) 0);
    }
  }

  @Test
  void zeroClearsWhatWasWritten() {
    try (SecureMemory memory = SecureMemory.allocate(64)) {
      memory.segment().fill((byte) 0xAB);
      assertThat(memory.segment().toArray(JAVA_BYTE)).containsOnly((byte) 0xAB);
      memory.zero();
      assertThat(memory.segment().toArray(JAVA_BYTE)).containsOnly((byte) 0);
    }
  }

  @Test
  void zeroWorksOnAnySegmentIncludingHeapOnes() {
    byte[] secret = {1, 2, 3, 4, 5};
    SecureMemory.zero(MemorySegment.ofArray(secret).asSlice(1, 3));
    assertThat(secret).containsExactly(1, 0, 0, 0, 5);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment segment = arena.allocate(1000);
      segment.fill((byte) -1);
      SecureMemory.zero(segment);
      assertThat(segment.toArray(JAVA_BYTE)).containsOnly((byte) 0);
    }
  }

  @Test
  void zeroingUsesExplicitBzeroOnGlibc() {
    assertThat(SecureMemory.zeroFunction()).isEqualTo("explicit_bzero");
  }

  @Test
  void lockingShowsInTheProcessLockedMemory() throws IOException {
    long before = lockedKilobytes();
    try (SecureMemory memory = SecureMemory.allocate(3 * SecureMemory.pageSize())) {
      LockResult result = memory.lockResult();
      assertThat(memory.locked()).isEqualTo(result.succeeded());
      if (result.succeeded()) {
        assertThat(result.errno()).isZero();
        assertThat(result.description()).isEqualTo("mlock of " + 3 * SecureMemory.pageSize() + " bytes: locked");
        assertThat(lockedKilobytes() - before).isGreaterThanOrEqualTo(3 * SecureMemory.pageSize() / 1024);
      } else {
        // Refused (RLIMIT_MEMLOCK too small without CAP_IPC_LOCK): reported, not thrown, and nothing locked.
        assertThat(result.errno()).isIn(1, 11, 12);
        assertThat(lockedKilobytes()).isEqualTo(before);
      }
    }
    assertThat(lockedKilobytes()).isEqualTo(before);
  }

  @Test
  void aRefusedLockIsReportedNotThrown() {
    // Nothing is mapped at address 0, so mlock refuses with ENOMEM whatever the limits are.
    LockResult result = SecureMemory.lock(unmappedPage());
    assertThat(result.succeeded()).isFalse();
    assertThat(result.errno()).isEqualTo(12);
    OptionalLong limit = SecureMemory.lockLimit();
    assertThat(result.description()).isEqualTo("mlock of 4096 bytes refused: ENOMEM (errno 12); RLIMIT_MEMLOCK is "
        + (limit.isPresent() ? limit.getAsLong() + " bytes" : "unlimited"));
    LockResult unlock = SecureMemory.unlock(unmappedPage());
    assertThat(unlock.succeeded()).isFalse();
    assertThat(unlock.description()).isEqualTo("munlock of 4096 bytes refused: ENOMEM (errno 12)");
  }

  @SuppressWarnings("restricted")
  private static MemorySegment unmappedPage() {
    return MemorySegment.NULL.reinterpret(4096);
  }

  @Test
  void lockAndUnlockAnArenaSegment() throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment segment = arena.allocate(SecureMemory.pageSize(), SecureMemory.pageSize());
      LockResult lock = SecureMemory.lock(segment);
      if (lock.succeeded()) {
        assertThat(SecureMemory.unlock(segment).succeeded()).isTrue();
      } else {
        assertThat(lock.description()).startsWith("mlock of " + SecureMemory.pageSize() + " bytes refused: ");
      }
    }
  }

  @Test
  void lockLimitIsTheOneProcReports() throws IOException {
    String line = Files.readAllLines(Path.of("/proc/self/limits")).stream()
        .filter(l -> l.startsWith("Max locked memory"))
        .findFirst()
        .orElseThrow();
    String soft = line.substring("Max locked memory".length()).strip().split("\\s+")[0];
    OptionalLong limit = SecureMemory.lockLimit();
    if (soft.equals("unlimited")) {
      assertThat(limit).isEmpty();
    } else {
      assertThat(limit).hasValue(Long.parseLong(soft));
    }
  }

  @Test
  void pageSizeIsTheKernelPageSize() throws IOException {
    String line = Files.readAllLines(Path.of("/proc/self/smaps")).stream()
        .filter(l -> l.startsWith("KernelPageSize:"))
        .findFirst()
        .orElseThrow();
    long kilobytes = Long.parseLong(line.replaceAll("[^0-9]", ""));
    assertThat(SecureMemory.pageSize()).isEqualTo(kilobytes * 1024);
  }

  @Test
  void closeZeroesUnlocksAndFreesOnceAndLaterAccessFails() {
    SecureMemory memory = SecureMemory.allocate(16);
    MemorySegment segment = memory.segment();
    segment.fill((byte) 7);
    memory.close();
    memory.close(); // idempotent
    assertThatThrownBy(() -> segment.get(JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(memory::zero).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> SecureMemory.allocate(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("byteSize must be positive, was 0");
    assertThatThrownBy(() -> SecureMemory.allocate(-5)).hasMessage("byteSize must be positive, was -5");
    assertThatThrownBy(() -> SecureMemory.lock(MemorySegment.ofArray(new byte[8])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("segment must be native to mlock, was a heap segment");
    assertThatThrownBy(() -> SecureMemory.unlock(MemorySegment.ofArray(new byte[8])))
        .hasMessage("segment must be native to munlock, was a heap segment");
    assertThatThrownBy(() -> SecureMemory.zero(MemorySegment.ofArray(new byte[8]).asReadOnly()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("segment must be writable, was read-only");
  }

  @Test
  void lockResultChecksItsFields() {
    assertThatThrownBy(() -> new LockResult(true, 12, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("errno must be 0 exactly when succeeded, was 12 with succeeded=true");
    assertThatThrownBy(() -> new LockResult(false, 0, "x"))
        .hasMessage("errno must be 0 exactly when succeeded, was 0 with succeeded=false");
  }

  private static long lockedKilobytes() throws IOException {
    return Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(l -> l.startsWith("VmLck:"))
        .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
        .findFirst()
        .orElseThrow();
  }
}
