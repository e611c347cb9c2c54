package dev.architect.ffi;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Off-heap memory for secrets: page-aligned, locked into RAM with {@code mlock} when the kernel allows
 * it (so it is not written to swap), and zeroed through a native call before it is freed.
 *
 * <pre>{@code
 * try (SecureMemory key = SecureMemory.allocate(32)) {
 *   key.segment().copyFrom(MemorySegment.ofArray(secret));
 *   boolean inRam = key.locked();        // false if RLIMIT_MEMLOCK refused, which is not an error
 *   ...
 * }                                      // zeroed, unlocked and freed here
 * }</pre>
 *
 * <p>Why a native call to zero: a Java loop or {@code fill} that clears memory nobody reads again is,
 * in principle, a dead store a compiler may drop. The JIT cannot see inside a native function, so the
 * bytes are cleared; libc's {@code explicit_bzero} (used where available, else {@code memset}) also
 * resists optimization inside C.
 *
 * <p>The memory is a whole number of pages, so locking and unlocking it never affects other data
 * that shares a page. An instance is thread-safe: {@link #close} may be called from any thread, more
 * than once; reading or writing the memory after close throws {@link IllegalStateException}. The static
 * methods work on any native segment. Every method throws {@link FfiException} if native access is
 * denied to this module.
 */
public final class SecureMemory implements AutoCloseable {
  private static final int SC_PAGESIZE = Platform.LINUX ? 30 : 29; // <unistd.h>: Linux 30, BSD/macOS 29
  private static final int RLIMIT_MEMLOCK = 8;

  private final Arena arena;
  private final MemorySegment pages;
  private final MemorySegment segment;
  private final LockResult lockResult;
  private boolean closed;

  private SecureMemory(Arena arena, MemorySegment pages, long byteSize, LockResult lockResult) {
    this.arena = arena;
    this.pages = pages;
    this.segment = pages.asSlice(0, byteSize);
    this.lockResult = lockResult;
  }

  /**
   * Allocates {@code byteSize} zeroed bytes on whole pages of their own and tries to lock them.
   *
   * @throws IllegalArgumentException if {@code byteSize} is not positive
   * @throws OutOfMemoryError if the memory cannot be allocated
   */
  public static SecureMemory allocate(long byteSize) {
    if (byteSize <= 0) {
      throw new IllegalArgumentException("byteSize must be positive, was " + byteSize);
    }
    long page = pageSize();
    long rounded = Math.ceilDiv(byteSize, page) * page;
    Arena arena = Arena.ofShared();
    try {
      MemorySegment pages = arena.allocate(rounded, page);
      return new SecureMemory(arena, pages, byteSize, lock(pages));
    } catch (RuntimeException | Error e) {
      arena.close();
      throw e;
    }
  }

  /** The usable memory: exactly the {@code byteSize} asked for (the page tail beyond it is hidden). */
  public MemorySegment segment() {
    return segment;
  }

  /** Whether the pages were locked into RAM when allocated. */
  public boolean locked() {
    return lockResult.succeeded();
  }

  /** What locking the pages did, including why it was refused. */
  public LockResult lockResult() {
    return lockResult;
  }

  /**
   * Zeroes the memory now (it stays allocated).
   *
   * @throws IllegalStateException if this memory is closed
   */
  public void zero() {
    zero(pages);
  }

  /** Zeroes, unlocks (if locked) and frees the memory; later calls do nothing. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      zero(pages);
      if (lockResult.succeeded()) {
        // A failed munlock is harmless here: the mapping goes away with the memory just below.
        unlock(pages);
      }
    } finally {
      arena.close();
    }
  }

  /**
   * Zeroes {@code segment} with a native call the JIT cannot drop. Heap segments are accepted too.
   *
   * @throws IllegalArgumentException if {@code segment} is read-only
   * @throws IllegalStateException if {@code segment}'s memory is no longer alive
   */
  public static void zero(MemorySegment segment) {
    LibcLinkage.require();
    Objects.requireNonNull(segment, "segment");
    if (segment.isReadOnly()) {
      throw new IllegalArgumentException("segment must be writable, was read-only");
    }
    try {
      LibcHandles.ZERO.invokeExact(segment, segment.byteSize());
    } catch (Throwable t) {
      throw Sodium.unchecked(t);
    }
  }

  /** The name of the C function that {@link #zero(MemorySegment)} calls: {@code explicit_bzero} or {@code memset}. */
  public static String zeroFunction() {
    LibcLinkage.require();
    return LibcHandles.ZERO_FUNCTION;
  }

  /**
   * {@code int mlock(const void *addr, size_t len)}: locks the pages of {@code segment} into RAM. A
   * refusal by the kernel is reported in the result, not thrown.
   *
   * @throws IllegalArgumentException if {@code segment} is a heap segment (the GC moves those)
   */
  public static LockResult lock(MemorySegment segment) {
    return lockCall("mlock", segment);
  }

  /**
   * {@code int munlock(const void *addr, size_t len)}: unlocks the pages of {@code segment}. Locks do
   * not nest: one unlock undoes any number of locks of the same page.
   *
   * @throws IllegalArgumentException if {@code segment} is a heap segment
   */
  public static LockResult unlock(MemorySegment segment) {
    return lockCall("munlock", segment);
  }

  private static LockResult lockCall(String function, MemorySegment segment) {
    LibcLinkage.require();
    Objects.requireNonNull(segment, "segment");
    if (!segment.isNative()) {
      throw new IllegalArgumentException("segment must be native to " + function + ", was a heap segment");
    }
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = LibcHandles.captureState(arena);
      int result = function.equals("mlock")
          ? (int) LibcHandles.MLOCK.invokeExact(state, segment, segment.byteSize())
          : (int) LibcHandles.MUNLOCK.invokeExact(state, segment, segment.byteSize());
      String what = function + " of " + segment.byteSize() + " bytes";
      if (result == 0) {
        return new LockResult(true, 0, what + ": " + (function.equals("mlock") ? "locked" : "unlocked"));
      }
      int errno = LibcHandles.errno(state);
      String why = errno == 12 && function.equals("mlock") ? "; RLIMIT_MEMLOCK is " + describeLimit() : "";
      return new LockResult(false, errno, what + " refused: " + LibcHandles.describeErrno(errno) + why);
    } catch (Throwable t) {
      throw Sodium.unchecked(t);
    }
  }

  private static String describeLimit() {
    OptionalLong limit = lockLimit();
    return limit.isPresent() ? limit.getAsLong() + " bytes" : "unlimited";
  }

  /**
   * The soft {@code RLIMIT_MEMLOCK} of this process ({@code getrlimit}): how many bytes it may lock,
   * or empty when unlimited.
   *
   * @throws FfiException if getrlimit fails
   * @throws UnsupportedOperationException if this is not 64-bit Linux
   */
  public static OptionalLong lockLimit() {
    LibcLinkage.require();
    Platform.requireLinux64("getrlimit");
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = LibcHandles.captureState(arena);
      // struct rlimit { rlim_t rlim_cur; rlim_t rlim_max; } with rlim_t an unsigned 64-bit integer.
      MemorySegment rlimit = arena.allocate(MemoryLayout.structLayout(JAVA_LONG, JAVA_LONG));
      int result = (int) LibcHandles.GETRLIMIT.invokeExact(state, RLIMIT_MEMLOCK, rlimit);
      if (result != 0) {
        throw new FfiException("getrlimit(RLIMIT_MEMLOCK) failed: " + LibcHandles.describeErrno(LibcHandles.errno(state)));
      }
      long current = rlimit.get(JAVA_LONG, 0);
      return current == -1 ? OptionalLong.empty() : OptionalLong.of(current); // RLIM_INFINITY is ~0UL
    } catch (Throwable t) {
      throw Sodium.unchecked(t);
    }
  }

  /** The memory page size ({@code sysconf(_SC_PAGESIZE)}), the unit {@code mlock} works in. */
  public static long pageSize() {
    LibcLinkage.require();
    try {
      long size = (long) LibcHandles.SYSCONF.invokeExact(SC_PAGESIZE);
      if (size <= 0) {
        throw new FfiException("sysconf(_SC_PAGESIZE) failed: returned " + size);
      }
      return size;
    } catch (Throwable t) {
      throw Sodium.unchecked(t);
    }
  }

  @Override
  public String toString() {
    return "SecureMemory[" + segment.byteSize() + " bytes, " + lockResult.description() + "]";
  }
}
