package dev.architect.ffi;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Each libc binding checked against what Java (or /proc) says independently. */
class LibCTest {
  @Test
  void strlenCountsUtf8BytesNotChars() {
    assertThat(LibC.strlen("")).isZero();
    assertThat(LibC.strlen("hello")).isEqualTo(5);
    assertThat(LibC.strlen("héllo")).isEqualTo(6);
    assertThat(LibC.strlen("日本語")).isEqualTo(9);
    assertThat(LibC.strlen("😀")).isEqualTo(4);
  }

  @Test
  void strlenOfRandomStringsEqualsTheirUtf8Length() {
    Random random = new Random(4);
    for (int i = 0; i < 500; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(40);
      while (s.length() < length) {
        int codePoint = 1 + random.nextInt(Character.MAX_CODE_POINT);
        if (codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE) {
          s.appendCodePoint(codePoint);
        }
      }
      String string = s.toString();
      assertThat(LibC.strlen(string)).as(string).isEqualTo(string.getBytes(StandardCharsets.UTF_8).length);
    }
  }

  @Test
  void strlenStopsAtTheFirstNul() {
    assertThat(LibC.strlen("a\0b")).isEqualTo(1);
  }

  @Test
  void strlenOfASegmentReadsOnlyUpToItsNul() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment s = arena.allocateFrom("native");
      assertThat(LibC.strlen(s)).isEqualTo(6);
      assertThat(LibC.strlen(MemorySegment.ofArray(new byte[] {'h', 'i', 0, 'x'}))).isEqualTo(2);
    }
  }

  @Test
  void strlenRejectsASegmentWithoutNul() {
    assertThatThrownBy(() -> LibC.strlen(MemorySegment.ofArray(new byte[] {'a', 'b', 'c'})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("s must hold a NUL-terminated string, found no NUL in its 3 bytes");
  }

  @Test
  void getpidIsTheProcessId() {
    assertThat((long) LibC.getpid()).isEqualTo(ProcessHandle.current().pid());
  }

  @Test
  void realtimeClockLiesBetweenTwoJavaReadings() {
    Instant before = Instant.now();
    Instant kernel = LibC.clockGettime(Clock.REALTIME).toInstant();
    Instant after = Instant.now();
    // Both read CLOCK_REALTIME: the kernel's reading must be ordered between Java's.
    assertThat(kernel).isBetween(before, after);
  }

  @Test
  void monotonicClockIsTheClockOfNanoTime() {
    long before = System.nanoTime();
    long kernel = LibC.clockGettime(Clock.MONOTONIC).toDuration().toNanos();
    long after = System.nanoTime();
    // On Linux, System.nanoTime() reads CLOCK_MONOTONIC.
    assertThat(kernel).isBetween(before, after);
  }

  @Test
  void everyClockCanBeReadAndMonotonicOnesDoNotGoBack() {
    for (Clock clock : Clock.values()) {
      Timespec first = LibC.clockGettime(clock);
      assertThat(first.nanos()).as(clock.cName()).isBetween(0L, 999_999_999L);
      if (clock != Clock.REALTIME && clock != Clock.REALTIME_COARSE) {
        assertThat(LibC.clockGettime(clock).toDuration()).as(clock.cName()).isGreaterThanOrEqualTo(first.toDuration());
      }
    }
    assertThat(LibC.clockGettime(Clock.PROCESS_CPUTIME_ID).toDuration()).isPositive();
  }

  @Test
  void timespecRejectsNanosOutOfRange() {
    assertThatThrownBy(() -> new Timespec(1, 1_000_000_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nanos must be within 0..999999999, was 1000000000");
    assertThatThrownBy(() -> new Timespec(1, -1)).hasMessage("nanos must be within 0..999999999, was -1");
  }

  @Test
  void timespecLayoutIsTwoLongs() {
    assertThat(LibC.TIMESPEC.byteSize()).isEqualTo(16);
    assertThat(LibC.TIMESPEC.byteOffset(MemoryLayout.PathElement.groupElement("tv_sec"))).isZero();
    assertThat(LibC.TIMESPEC.byteOffset(MemoryLayout.PathElement.groupElement("tv_nsec"))).isEqualTo(8);
  }

  @Test
  void unameAgreesWithJavaAndProc() throws IOException {
    Utsname uname = LibC.uname();
    assertThat(uname.sysname()).isEqualTo("Linux").isEqualTo(System.getProperty("os.name"));
    assertThat(uname.release()).isEqualTo(System.getProperty("os.version")).isEqualTo(proc("osrelease"));
    assertThat(uname.version()).isEqualTo(proc("version"));
    assertThat(uname.nodename()).isEqualTo(proc("hostname"));
    assertThat(uname.domainname()).isEqualTo(proc("domainname"));
    String javaArch = switch (uname.machine()) {
      case "x86_64" -> "amd64";
      case "aarch64" -> "aarch64";
      default -> uname.machine();
    };
    assertThat(System.getProperty("os.arch")).isEqualTo(javaArch);
  }

  private static String proc(String name) throws IOException {
    return Files.readString(Path.of("/proc/sys/kernel", name)).strip();
  }

  @Test
  void utsnameLayoutIsSixFieldsOf65Bytes() {
    assertThat(LibC.UTSNAME.byteSize()).isEqualTo(6 * 65);
    List<String> names = List.of("sysname", "nodename", "release", "version", "machine", "domainname");
    for (int i = 0; i < names.size(); i++) {
      assertThat(LibC.UTSNAME.byteOffset(MemoryLayout.PathElement.groupElement(names.get(i)))).isEqualTo(65L * i);
    }
  }

  @Test
  void qsortSortsLikeArraysSort() {
    Random random = new Random(42);
    for (int size : new int[] {0, 1, 2, 3, 10, 100, 1000}) {
      for (int round = 0; round < 5; round++) {
        int[] values = random.ints(size, -50, 50).toArray(); // many duplicates
        int[] expected = values.clone();
        Arrays.sort(expected);
        LibC.qsort(values, Comparator.naturalOrder());
        assertThat(values).as("size %d", size).isEqualTo(expected);
      }
    }
  }

  @Test
  void qsortUsesTheJavaComparator() {
    int[] values = new Random(7).ints(200).toArray();
    Integer[] expected = Arrays.stream(values).boxed().toArray(Integer[]::new);
    Comparator<Integer> byLastDigitThenDescending = Comparator.<Integer>comparingInt(v -> Math.abs(v % 10))
        .thenComparing(Comparator.reverseOrder());
    Arrays.sort(expected, byLastDigitThenDescending);
    AtomicInteger calls = new AtomicInteger();
    LibC.qsort(values, (a, b) -> {
      calls.incrementAndGet();
      return byLastDigitThenDescending.compare(a, b);
    });
    assertThat(values).containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
    assertThat(calls.get()).isGreaterThanOrEqualTo(199);
  }

  @Test
  void aComparatorThatThrowsIsRethrownAfterQsortReturnsAndTheArrayIsUnchanged() {
    int[] values = new Random(1).ints(100).toArray();
    int[] original = values.clone();
    IllegalStateException boom = new IllegalStateException("boom");
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> LibC.qsort(values, (a, b) -> {
      if (calls.incrementAndGet() == 10) {
        throw boom;
      }
      return Integer.compare(a, b);
    })).isSameAs(boom);
    assertThat(calls.get()).isEqualTo(10); // not called again once it threw
    assertThat(values).isEqualTo(original);
    // The JVM is fine and qsort works again.
    LibC.qsort(values, Comparator.naturalOrder());
    assertThat(values).isSorted();
  }

  @Test
  void anErrorThrownByTheComparatorIsRethrownToo() {
    AssertionError error = new AssertionError("no");
    assertThatThrownBy(() -> LibC.qsort(new int[] {2, 1}, (a, b) -> {
      throw error;
    })).isSameAs(error);
  }

  @Test
  void qsortSortsStructsInNativeMemory() {
    // struct { long key; long payload; }, sorted by key; payload remembers where each came from.
    MemoryLayout pair = MemoryLayout.structLayout(JAVA_LONG.withName("key"), JAVA_LONG.withName("payload"));
    Random random = new Random(3);
    int count = 300;
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment base = arena.allocate(pair, count);
      List<long[]> expected = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        long key = random.nextLong();
        base.setAtIndex(JAVA_LONG, 2L * i, key);
        base.setAtIndex(JAVA_LONG, 2L * i + 1, i);
        expected.add(new long[] {key, i});
      }
      expected.sort(Comparator.comparingLong(e -> e[0]));
      LibC.qsort(base, count, pair, (a, b) -> {
        assertThat(a.byteSize()).isEqualTo(16);
        return Long.compare(a.get(JAVA_LONG, 0), b.get(JAVA_LONG, 0));
      });
      for (int i = 0; i < count; i++) {
        assertThat(base.getAtIndex(JAVA_LONG, 2L * i)).isEqualTo(expected.get(i)[0]);
        assertThat(base.getAtIndex(JAVA_LONG, 2L * i + 1)).isEqualTo(expected.get(i)[1]);
      }
    }
  }

  @Test
  void qsortCanBeCalledFromTheComparator() {
    int[] outer = {3, 1, 2};
    LibC.qsort(outer, (a, b) -> {
      int[] pair = {b, a};
      LibC.qsort(pair, Comparator.naturalOrder()); // a second qsort, inside an upcall of the first
      return a.equals(b) ? 0 : pair[0] == a ? -1 : 1;
    });
    assertThat(outer).containsExactly(1, 2, 3);
  }

  @Test
  void qsortFromManyThreadsAtOnce() throws InterruptedException, ExecutionException {
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int seed = t;
        results.add(executor.submit(() -> {
          int[] values = new Random(seed).ints(500).toArray();
          int[] expected = values.clone();
          Arrays.sort(expected);
          LibC.qsort(values, Comparator.naturalOrder());
          return Arrays.equals(values, expected);
        }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    }
  }

  @Test
  void qsortRejectsBadSegments() {
    Comparator<MemorySegment> any = (a, b) -> 0;
    assertThatThrownBy(() -> LibC.qsort(MemorySegment.ofArray(new int[4]), 4, JAVA_INT, any))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("base must be a native segment, was a heap segment (qsort calls back into Java, so it cannot be "
            + "linked as a critical function that accepts heap memory)");
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment base = arena.allocate(JAVA_INT, 4);
      assertThatThrownBy(() -> LibC.qsort(base, 5, JAVA_INT, any))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("base must hold at least 5 elements of 4 bytes, was 16 bytes");
      assertThatThrownBy(() -> LibC.qsort(base, -1, JAVA_INT, any))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("count must not be negative, was -1");
      assertThatThrownBy(() -> LibC.qsort(base.asReadOnly(), 4, JAVA_INT, any))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("base must be writable, was read-only");
      assertThatThrownBy(() -> LibC.qsort(base, 4, MemoryLayout.structLayout(), any))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("element must have a non-zero size, was []");
    }
  }
}
