package dev.architect.ffi;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;
import java.util.Comparator;
import java.util.Objects;

/**
 * Typed bindings to a few C library functions, showing the shapes of native calls: a string
 * ({@code strlen}), a plain value ({@code getpid}), structs filled by the kernel
 * ({@code clock_gettime}, {@code uname}) and a callback into Java ({@code qsort}).
 *
 * <pre>{@code
 * long bytes = LibC.strlen("héllo");                       // 6: UTF-8 bytes, not chars
 * Timespec now = LibC.clockGettime(Clock.REALTIME);
 * Utsname system = LibC.uname();                           // system.sysname() is "Linux"
 * int[] values = {3, 1, 2};
 * LibC.qsort(values, Comparator.naturalOrder());           // {1, 2, 3}, compared by Java code
 * }</pre>
 *
 * <p>{@code strlen}, {@code getpid} and {@code qsort} work on any platform FFM supports;
 * {@code clock_gettime} and {@code uname} use the struct layouts and clock ids of 64-bit Linux
 * ({@link #TIMESPEC}, {@link #UTSNAME}) and throw {@link UnsupportedOperationException} elsewhere.
 * All methods are thread-safe: each call allocates its native memory in its own confined arena.
 * Every method throws {@link FfiException} if native access is denied to this module (the message
 * names the {@code --enable-native-access} flag to add).
 */
public final class LibC {
  /** {@code struct timespec} on 64-bit Linux: {@code time_t tv_sec; long tv_nsec;}. */
  public static final StructLayout TIMESPEC = MemoryLayout.structLayout(
      JAVA_LONG.withName("tv_sec"),
      JAVA_LONG.withName("tv_nsec")).withName("timespec");

  /** The length of each field of {@code struct utsname} on Linux ({@code _UTSNAME_LENGTH}). */
  public static final int UTSNAME_FIELD_LENGTH = 65;

  /** {@code struct utsname} on Linux: six NUL-terminated {@code char[65]} fields. */
  public static final StructLayout UTSNAME = MemoryLayout.structLayout(
      field("sysname"), field("nodename"), field("release"), field("version"), field("machine"),
      field("domainname")).withName("utsname");

  private static final VarHandle TV_SEC = TIMESPEC.varHandle(groupElement("tv_sec"));
  private static final VarHandle TV_NSEC = TIMESPEC.varHandle(groupElement("tv_nsec"));

  private LibC() {}

  private static MemoryLayout field(String name) {
    return MemoryLayout.sequenceLayout(UTSNAME_FIELD_LENGTH, JAVA_BYTE).withName(name);
  }

  /**
   * {@code size_t strlen(const char *s)} of {@code s} copied off-heap as a NUL-terminated UTF-8
   * string: the number of UTF-8 bytes before the first NUL ({@code "héllo"} is 6, {@code "a\0b"} is 1).
   */
  public static long strlen(String s) {
    Objects.requireNonNull(s, "s");
    try (Arena arena = Arena.ofConfined()) {
      return strlen(arena.allocateFrom(s));
    }
  }

  /**
   * {@code size_t strlen(const char *s)} of a C string in {@code s}.
   *
   * @throws IllegalArgumentException if {@code s} holds no NUL byte (strlen would read past its end)
   */
  public static long strlen(MemorySegment s) {
    LibcLinkage.require();
    Objects.requireNonNull(s, "s");
    // Bound the native read: strlen stops only at a NUL, so one must lie inside the segment.
    long size = s.byteSize();
    long nul = -1;
    for (long i = 0; i < size; i++) {
      if (s.get(JAVA_BYTE, i) == 0) {
        nul = i;
        break;
      }
    }
    if (nul < 0) {
      throw new IllegalArgumentException("s must hold a NUL-terminated string, found no NUL in its " + size + " bytes");
    }
    try {
      return (long) LibcHandles.STRLEN.invokeExact(s);
    } catch (Throwable t) {
      throw Sodium.unchecked(t);
    }
  }

  /** {@code pid_t getpid(void)}: this process's id, as the kernel knows it. */
  public static int getpid() {
    LibcLinkage.require();
    try {
      return (int) LibcHandles.GETPID.invokeExact();
    } catch (Throwable t) {
      throw Sodium.unchecked(t);
    }
  }

  /**
   * {@code int clock_gettime(clockid_t clockid, struct timespec *tp)}: reads {@code clock}.
   *
   * @throws FfiException if the kernel refuses (the message names the errno)
   * @throws UnsupportedOperationException if this is not 64-bit Linux
   */
  public static Timespec clockGettime(Clock clock) {
    LibcLinkage.require();
    Objects.requireNonNull(clock, "clock");
    Platform.requireLinux64("clock_gettime");
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = LibcHandles.captureState(arena);
      MemorySegment tp = arena.allocate(TIMESPEC);
      int result = (int) LibcHandles.CLOCK_GETTIME.invokeExact(state, clock.id(), tp);
      if (result != 0) {
        throw new FfiException("clock_gettime(" + clock.cName() + ") failed: "
            + LibcHandles.describeErrno(LibcHandles.errno(state)));
      }
      return new Timespec((long) TV_SEC.get(tp, 0L), (long) TV_NSEC.get(tp, 0L));
    } catch (Throwable t) {
      throw Sodium.unchecked(t);
    }
  }

  /**
   * {@code int uname(struct utsname *buf)}: the kernel's and the machine's names.
   *
   * @throws FfiException if the kernel refuses (the message names the errno)
   * @throws UnsupportedOperationException if this is not 64-bit Linux
   */
  public static Utsname uname() {
    LibcLinkage.require();
    Platform.requireLinux64("uname");
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = LibcHandles.captureState(arena);
      MemorySegment buf = arena.allocate(UTSNAME);
      int result = (int) LibcHandles.UNAME.invokeExact(state, buf);
      if (result != 0) {
        throw new FfiException("uname failed: " + LibcHandles.describeErrno(LibcHandles.errno(state)));
      }
      return new Utsname(utsField(buf, "sysname"), utsField(buf, "nodename"), utsField(buf, "release"),
          utsField(buf, "version"), utsField(buf, "machine"), utsField(buf, "domainname"));
    } catch (Throwable t) {
      throw Sodium.unchecked(t);
    }
  }

  private static String utsField(MemorySegment buf, String name) {
    MemorySegment field = buf.asSlice(UTSNAME.byteOffset(groupElement(name)), UTSNAME_FIELD_LENGTH);
    // The kernel NUL-terminates each field; asSlice bounds the read even if it did not.
    long length = 0;
    while (length < UTSNAME_FIELD_LENGTH && field.get(JAVA_BYTE, length) != 0) {
      length++;
    }
    return new String(field.asSlice(0, length).toArray(JAVA_BYTE), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Sorts {@code values} with C's {@code qsort}, which calls {@code comparator} back in Java (an upcall)
   * for every comparison. The values are copied off-heap, sorted there, and copied back.
   *
   * <p>An exception cannot travel through qsort's native frames (the JVM would have to stop), so if
   * {@code comparator} throws, the exception is caught, every later comparison answers "equal" so that
   * qsort finishes quickly, and the exception is rethrown once qsort has returned; {@code values} is
   * then left unchanged.
   *
   * @throws RuntimeException or {@link Error} whatever {@code comparator} threw first
   */
  public static void qsort(int[] values, Comparator<? super Integer> comparator) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(comparator, "comparator");
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment base = arena.allocateFrom(JAVA_INT, values);
      qsort(base, values.length, JAVA_INT, (a, b) -> comparator.compare(a.get(JAVA_INT, 0), b.get(JAVA_INT, 0)));
      MemorySegment.copy(base, JAVA_INT, 0, values, 0, values.length);
    }
  }

  /**
   * {@code void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *))}:
   * sorts {@code count} elements of {@code element} layout in place in native memory. The comparator
   * receives each element as a segment of {@code element.byteSize()} bytes, pointing into
   * {@code base}; the segments are valid only during that call.
   *
   * <p>If {@code comparator} throws, the exception is rethrown after qsort returns (see
   * {@link #qsort(int[], Comparator)}); {@code base} then holds its elements in an unspecified order.
   *
   * @throws IllegalArgumentException if {@code base} is not native, is read-only, or is smaller than
   *     {@code count} elements, or if {@code count} is negative
   */
  public static void qsort(MemorySegment base, long count, MemoryLayout element,
      Comparator<? super MemorySegment> comparator) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(comparator, "comparator");
    Qsort.sort(base, count, element, comparator);
  }
}
