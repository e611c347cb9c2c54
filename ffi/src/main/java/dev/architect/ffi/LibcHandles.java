package dev.architect.ffi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The libc downcall handles, created once. Functions that report failure through {@code errno} are
 * linked with {@code captureCallState("errno")}: errno must be read right after the call, before the
 * JVM runs any other native code on this thread, and the linker does exactly that.
 */
final class LibcHandles {
  private LibcHandles() {}

  static final NativeLibrary LIBC = NativeLibrary.system();

  private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
  private static final Linker.Option CRITICAL = Linker.Option.critical(true);
  private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO_HANDLE = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

  static final MethodHandle STRLEN = LIBC.downcall("strlen", FunctionDescriptor.of(JAVA_LONG, ADDRESS), CRITICAL);
  static final MethodHandle GETPID = LIBC.downcall("getpid", FunctionDescriptor.of(JAVA_INT));
  static final MethodHandle CLOCK_GETTIME = LIBC.downcall("clock_gettime",
      FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), ERRNO);
  static final MethodHandle UNAME = LIBC.downcall("uname", FunctionDescriptor.of(JAVA_INT, ADDRESS), ERRNO);
  static final MethodHandle QSORT = LIBC.downcall("qsort",
      FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS));
  static final MethodHandle MLOCK = LIBC.downcall("mlock", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG), ERRNO);
  static final MethodHandle MUNLOCK = LIBC.downcall("munlock",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG), ERRNO);
  static final MethodHandle GETRLIMIT = LIBC.downcall("getrlimit",
      FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), ERRNO);
  static final MethodHandle SYSCONF = LIBC.downcall("sysconf", FunctionDescriptor.of(JAVA_LONG, JAVA_INT));

  /** The zeroing function: {@code explicit_bzero} where libc has it, else {@code memset}. */
  static final String ZERO_FUNCTION = LIBC.has("explicit_bzero") ? "explicit_bzero" : "memset";

  /**
   * {@code (MemorySegment, long) void}: zeroes memory. Either function is opaque to the JIT (it cannot
   * see that the memory is dead afterwards), so the stores cannot be dropped; explicit_bzero also
   * resists link-time optimization inside libc.
   */
  static final MethodHandle ZERO = zeroHandle();

  private static MethodHandle zeroHandle() {
    if (ZERO_FUNCTION.equals("explicit_bzero")) {
      return LIBC.downcall("explicit_bzero", FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG), CRITICAL);
    }
    MethodHandle memset = LIBC.downcall("memset", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG),
        CRITICAL);
    return MethodHandles.dropReturn(MethodHandles.insertArguments(memset, 1, 0));
  }

  /** A segment to receive the captured call state (errno), allocated in {@code arena}. */
  static MemorySegment captureState(Arena arena) {
    return arena.allocate(CAPTURE);
  }

  /** The errno captured in {@code state}. */
  static int errno(MemorySegment state) {
    return (int) ERRNO_HANDLE.get(state, 0L);
  }

  /** A readable name for a Linux errno value: {@code "ENOMEM (errno 12)"}. */
  static String describeErrno(int errno) {
    String name = switch (errno) {
      case 1 -> "EPERM";
      case 2 -> "ENOENT";
      case 4 -> "EINTR";
      case 5 -> "EIO";
      case 9 -> "EBADF";
      case 11 -> "EAGAIN";
      case 12 -> "ENOMEM";
      case 13 -> "EACCES";
      case 14 -> "EFAULT";
      case 22 -> "EINVAL";
      case 38 -> "ENOSYS";
      default -> "";
    };
    return name.isEmpty() ? "errno " + errno : name + " (errno " + errno + ")";
  }
}
