package dev.architect.cli.lab;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.architect.ffi.Clock;
import dev.architect.ffi.LibC;
import dev.architect.ffi.LockResult;
import dev.architect.ffi.NativeLibrary;
import dev.architect.ffi.SecureMemory;
import dev.architect.ffi.Sodium;
import dev.architect.ffi.Timespec;
import dev.architect.ffi.Utsname;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Lab 04, the counterpart of PHP's FFI extension: calls libc from Java through the FFM API with
 * {@code dev.architect.ffi}: strings copied off-heap, a value, structs the kernel fills (with their
 * layouts), pointers into native memory, {@code qsort} calling back into Java, memory for secrets,
 * libsodium, and what happens when a library is missing.
 */
public final class Lab04Ffi implements Lab {
  private static final HexFormat HEX = HexFormat.of();

  @Override
  public int number() {
    return 4;
  }

  @Override
  public String title() {
    return "FFI: native calls through FFM";
  }

  @Override
  public void run(PrintWriter out) {
    strings(out);
    values(out);
    structs(out);
    pointers(out);
    callbacks(out);
    secureMemory(out);
    sodium(out);
    missingLibrary(out);
  }

  /** (1) A Java string is UTF-16 on the heap; C wants NUL-terminated bytes off-heap. */
  private static void strings(PrintWriter out) {
    header(out, "1. Strings: strlen of a Java string copied off-heap as UTF-8");
    out.printf("  %-10s %6s %11s %11s %13s %14s%n", "string", "chars", "codepoints", "UTF-8 bytes",
        "native bytes", "strlen (libc)");
    try (Arena arena = Arena.ofConfined()) {
      for (String s : List.of("hello", "héllo", "日本語", "naïve café", "😀")) {
        MemorySegment copy = arena.allocateFrom(s); // UTF-8, plus the terminating NUL
        out.printf("  %-10s %6d %11d %11d %13d %14d%n", quoted(s), s.length(), s.codePointCount(0, s.length()),
            s.getBytes(StandardCharsets.UTF_8).length, copy.byteSize(), LibC.strlen(copy));
      }
    }
    out.println("  strlen counts bytes up to the first NUL: strlen(\"a\\0b\") = " + LibC.strlen("a\0b"));
  }

  /** (2) The simplest call: no arguments, an int back. */
  private static void values(PrintWriter out) {
    header(out, "2. A plain value: getpid()");
    int pid = LibC.getpid();
    long javaPid = ProcessHandle.current().pid();
    out.println("  getpid() through FFM:          " + pid);
    out.println("  ProcessHandle.current().pid(): " + javaPid);
    out.println("  same process: " + (pid == javaPid));
  }

  /** (3) The kernel writes into memory we allocated, laid out as the C struct says. */
  private static void structs(PrintWriter out) {
    header(out, "3. Structs filled by the kernel: clock_gettime and uname");
    printLayout(out, LibC.TIMESPEC);
    Instant javaBefore = Instant.now();
    Timespec realtime = LibC.clockGettime(Clock.REALTIME);
    Instant javaAfter = Instant.now();
    out.println("  " + Clock.REALTIME.cName() + ":  tv_sec=" + realtime.seconds() + " tv_nsec=" + realtime.nanos()
        + "  = " + realtime.toInstant());
    out.println("    between two Instant.now() calls (" + javaBefore + " .. " + javaAfter + "): "
        + (!realtime.toInstant().isBefore(javaBefore) && !realtime.toInstant().isAfter(javaAfter)));
    long nanoBefore = System.nanoTime();
    Timespec monotonic = LibC.clockGettime(Clock.MONOTONIC);
    long nanoAfter = System.nanoTime();
    long monotonicNanos = monotonic.toDuration().toNanos();
    out.println("  " + Clock.MONOTONIC.cName() + ": tv_sec=" + monotonic.seconds() + " tv_nsec=" + monotonic.nanos()
        + "  (up " + readable(monotonic.toDuration()) + ")");
    out.println("    System.nanoTime() reads this clock: " + (nanoBefore <= monotonicNanos && monotonicNanos <= nanoAfter));
    Timespec cpu = LibC.clockGettime(Clock.PROCESS_CPUTIME_ID);
    out.println("  " + Clock.PROCESS_CPUTIME_ID.cName() + ": CPU time of this JVM so far: "
        + readable(cpu.toDuration()));

    out.println();
    printLayout(out, LibC.UTSNAME);
    Utsname uname = LibC.uname();
    out.println("  sysname    = " + uname.sysname() + "   (os.name: " + System.getProperty("os.name") + ")");
    out.println("  nodename   = " + uname.nodename());
    out.println("  release    = " + uname.release() + "   (os.version: " + System.getProperty("os.version") + ")");
    out.println("  version    = " + uname.version());
    out.println("  machine    = " + uname.machine() + "   (os.arch: " + System.getProperty("os.arch") + ")");
    out.println("  domainname = " + uname.domainname());
  }

  private static void printLayout(PrintWriter out, GroupLayout layout) {
    out.println("  struct " + layout.name().orElse("?") + ": " + layout.byteSize() + " bytes, aligned to "
        + layout.byteAlignment());
    for (MemoryLayout member : layout.memberLayouts()) {
      String name = member.name().orElse("?");
      long offset = layout.byteOffset(MemoryLayout.PathElement.groupElement(name));
      out.printf("    offset %3d  size %3d  %-10s %s%n", offset, member.byteSize(), name, member);
    }
  }

  /** (4) Native memory has addresses; FFM segments carry a size so reads stay in bounds. */
  private static void pointers(PrintWriter out) {
    header(out, "4. Pointers: an off-heap int array");
    try (Arena arena = Arena.ofConfined()) {
      int[] values = {10, 20, 30, 40, 50, 60, 70, 80};
      MemorySegment array = arena.allocateFrom(JAVA_INT, values);
      out.println("  int[8] off-heap at 0x" + Long.toHexString(array.address()) + ", " + array.byteSize()
          + " bytes");
      for (int i = 0; i < 3; i++) {
        out.println("    &array[" + i + "] = 0x" + Long.toHexString(array.address() + i * JAVA_INT.byteSize())
            + "  holds " + array.getAtIndex(JAVA_INT, i));
      }
      // int **cell = &(&array[5]): store a pointer in native memory, then read it back.
      MemorySegment cell = arena.allocate(ADDRESS);
      cell.set(ADDRESS, 0, array.asSlice(5 * JAVA_INT.byteSize()));
      MemorySegment pointer = cell.get(ADDRESS, 0);
      out.println("  a pointer stored in native memory and read back: 0x" + Long.toHexString(pointer.address())
          + " (a segment of " + pointer.byteSize() + " bytes: FFM does not know what it points to)");
      // Dereference it safely by resolving the raw address against the segment we own.
      long offset = pointer.address() - array.address();
      out.println("  resolved against the array: offset " + offset + " = index " + offset / JAVA_INT.byteSize()
          + ", *pointer = " + array.get(JAVA_INT, offset));
      Object outOfBounds = attempt(() -> array.getAtIndex(JAVA_INT, 8));
      out.println("  array[8] (one past the end): " + outOfBounds);
    }
  }

  /** (5) C calls Java: qsort's comparator is an upcall stub. */
  private static void callbacks(PrintWriter out) {
    header(out, "5. Callbacks: qsort calling a Java comparator");
    int[] values = new Random().ints(16, 0, 100).toArray();
    int[] expected = values.clone();
    Arrays.sort(expected);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment base = arena.allocateFrom(JAVA_INT, values);
      AtomicInteger upcalls = new AtomicInteger();
      List<String> firstCalls = new ArrayList<>();
      out.println("  before: " + Arrays.toString(values));
      LibC.qsort(base, values.length, JAVA_INT, (a, b) -> {
        if (firstCalls.size() < 3) {
          // The arguments are pointers into our array (qsort may also point into its own scratch copy).
          firstCalls.add("compare(" + where(base, a) + ", " + where(base, b) + ")");
        }
        upcalls.incrementAndGet();
        return Integer.compare(a.get(JAVA_INT, 0), b.get(JAVA_INT, 0));
      });
      int[] sorted = base.toArray(JAVA_INT);
      out.println("  after:  " + Arrays.toString(sorted));
      out.println("  equals Arrays.sort: " + Arrays.equals(sorted, expected));
      out.println("  upcalls into Java: " + upcalls.get() + " (n log2 n = "
          + Math.round(values.length * (Math.log(values.length) / Math.log(2))) + ")");
      out.println("  first calls: " + String.join(", ", firstCalls));
    }
    int[] untouched = {3, 1, 2};
    AtomicInteger calls = new AtomicInteger();
    Object thrown = attempt(() -> {
      LibC.qsort(untouched, (a, b) -> {
        calls.incrementAndGet();
        throw new IllegalStateException("comparator refused to compare " + a + " and " + b);
      });
      return "returned normally";
    });
    out.println("  a comparator that throws: " + thrown);
    out.println("    rethrown after qsort returned; comparator calls: " + calls.get() + "; array unchanged: "
        + Arrays.toString(untouched) + "; the JVM is still running");
  }

  private static String where(MemorySegment base, MemorySegment element) {
    long offset = element.address() - base.address();
    return offset >= 0 && offset < base.byteSize()
        ? "&array[" + offset / JAVA_INT.byteSize() + "]=" + element.get(JAVA_INT, 0)
        : "scratch 0x" + Long.toHexString(element.address()) + "=" + element.get(JAVA_INT, 0);
  }

  /** (6) Secrets: locked into RAM if allowed, zeroed by a call the JIT cannot drop. */
  private static void secureMemory(PrintWriter out) {
    header(out, "6. Secure memory: mlock and zeroing");
    out.println("  page size: " + SecureMemory.pageSize() + " bytes; RLIMIT_MEMLOCK: "
        + SecureMemory.lockLimit().stream().mapToObj(limit -> limit + " bytes").findFirst().orElse("unlimited"));
    String lockedBefore = lockedMemory();
    try (SecureMemory key = SecureMemory.allocate(32)) {
      LockResult result = key.lockResult();
      out.println("  allocate(32): " + result.description() + " (locked: " + key.locked() + ")");
      out.println("    page-aligned: " + (key.segment().address() % SecureMemory.pageSize() == 0)
          + "; VmLck of this process: " + lockedBefore + " -> " + lockedMemory());
      if (Sodium.isAvailable()) {
        Sodium.load().randombytesBuf(key.segment(), 32);
      } else {
        key.segment().fill((byte) 0x5A);
      }
      out.println("  a key written into it:  " + HEX.formatHex(key.segment().toArray(JAVA_BYTE)));
      key.zero();
      byte[] after = key.segment().toArray(JAVA_BYTE);
      out.println("  after zero() (" + SecureMemory.zeroFunction() + "): " + HEX.formatHex(after));
      out.println("    every byte zero: " + Arrays.equals(after, new byte[32]));
    }
    out.println("  closed: zeroed, unlocked, freed; VmLck now " + lockedMemory());
  }

  private static String lockedMemory() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(line -> line.startsWith("VmLck:"))
          .map(line -> line.substring("VmLck:".length()).strip())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  /** (7) A real library through the same machinery. */
  private static void sodium(PrintWriter out) {
    header(out, "7. libsodium through typed bindings");
    if (!Sodium.isAvailable()) {
      out.println("  libsodium is not available: " + Sodium.unavailableReason().orElse("?"));
      return;
    }
    Sodium sodium = Sodium.load();
    out.println("  loaded " + sodium.loadedAs() + ", sodium_version_string() = " + Sodium.version());
    byte[] hash = new byte[Sodium.CRYPTO_GENERICHASH_BYTES];
    sodium.cryptoGenerichash(MemorySegment.ofArray(hash), hash.length, MemorySegment.NULL, 0, MemorySegment.NULL, 0);
    out.println("  crypto_generichash(\"\")  = " + HEX.formatHex(hash));
    byte[] seed = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    byte[] pk = new byte[Sodium.CRYPTO_SIGN_PUBLICKEYBYTES];
    byte[] sk = new byte[Sodium.CRYPTO_SIGN_SECRETKEYBYTES];
    sodium.cryptoSignSeedKeypair(MemorySegment.ofArray(pk), MemorySegment.ofArray(sk), MemorySegment.ofArray(seed));
    out.println("  Ed25519 public key of RFC 8032's first seed = " + HEX.formatHex(pk));
    Object tooSmall = attempt(() -> sodium.cryptoSecretboxEasy(MemorySegment.ofArray(new byte[10]),
        MemorySegment.ofArray(new byte[10]), 10, MemorySegment.ofArray(new byte[24]),
        MemorySegment.ofArray(new byte[32])));
    out.println("  a ciphertext buffer too small for mlen + 16: " + tooSmall);
  }

  /** (8) The error a user sees instead of a linker stack trace. */
  private static void missingLibrary(PrintWriter out) {
    header(out, "8. A missing library");
    Object missing = attempt(() -> NativeLibrary.load("libsodium", List.of("libsodium.so.99", "libsodium-nothere.so"),
        "apt-get install libsodium23"));
    out.println("  NativeLibrary.load(\"libsodium\", [libsodium.so.99, libsodium-nothere.so], ...):");
    out.println("    " + missing);
    Object noSymbol = attempt(() -> NativeLibrary.system().find("sodium_init"));
    out.println("  sodium_init looked up in the JVM's own libraries:");
    out.println("    " + noSymbol);
  }

  /** What {@code call} returned, or the exception it threw, as one line. */
  private static Object attempt(Supplier<?> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private static String quoted(String s) {
    return "\"" + s + "\"";
  }

  private static String readable(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds >= 3600 ? duration.toHours() + " h " + duration.toMinutesPart() + " min"
        : seconds >= 1 ? String.format("%.3f s", duration.toNanos() / 1e9)
        : String.format("%.1f ms", duration.toNanos() / 1e6);
  }

  private static void header(PrintWriter out, String title) {
    out.println();
    out.println("== " + title);
  }
}
