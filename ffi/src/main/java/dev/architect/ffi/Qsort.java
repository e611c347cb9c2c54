package dev.architect.ffi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Comparator;

/**
 * One qsort call: the comparator it calls back and the first exception that comparator threw. A new
 * upcall stub is made per call, bound to this object, and freed when the call returns.
 */
final class Qsort {
  private static final MethodHandle COMPARE;

  static {
    try {
      COMPARE = MethodHandles.lookup().findVirtual(Qsort.class, "compare",
          MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Comparator<? super MemorySegment> comparator;
  private Throwable failure;

  private Qsort(Comparator<? super MemorySegment> comparator) {
    this.comparator = comparator;
  }

  @SuppressWarnings("restricted") // an upcall stub is how C calls Java; its lifetime is this method's arena
  static void sort(MemorySegment base, long count, MemoryLayout element, Comparator<? super MemorySegment> comparator) {
    LibcLinkage.require();
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    if (!base.isNative()) {
      throw new IllegalArgumentException("base must be a native segment, was a heap segment (qsort calls back into "
          + "Java, so it cannot be linked as a critical function that accepts heap memory)");
    }
    if (base.isReadOnly()) {
      throw new IllegalArgumentException("base must be writable, was read-only");
    }
    long size = element.byteSize();
    if (size == 0) {
      throw new IllegalArgumentException("element must have a non-zero size, was " + element);
    }
    if (count > base.byteSize() / size) {
      throw new IllegalArgumentException("base must hold at least " + count + " elements of " + size + " bytes, was "
          + base.byteSize() + " bytes");
    }
    Qsort call = new Qsort(comparator);
    // The pointers qsort passes are typed with the element as target layout, so each arrives as a
    // segment of exactly one element: Java code can read it, but not beyond it.
    FunctionDescriptor compar = FunctionDescriptor.of(JAVA_INT, ADDRESS.withTargetLayout(element),
        ADDRESS.withTargetLayout(element));
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment stub = NativeLibrary.restricted(
          () -> Linker.nativeLinker().upcallStub(COMPARE.bindTo(call), compar, arena));
      LibcHandles.QSORT.invokeExact(base, count, size, stub);
    } catch (Throwable t) {
      throw Sodium.unchecked(t);
    }
    if (call.failure != null) {
      throw Sodium.unchecked(call.failure);
    }
  }

  /** The upcall target. It must not throw: an exception reaching native frames ends the JVM. */
  @SuppressWarnings("unused") // called through COMPARE
  private int compare(MemorySegment a, MemorySegment b) {
    if (failure != null) {
      return 0;
    }
    try {
      return Integer.signum(comparator.compare(a, b));
    } catch (Throwable t) {
      failure = t;
      return 0;
    }
  }
}
