package dev.architect.ffi;

/**
 * Links the libc handles on first use and remembers a failure, so that every call reports it as an
 * {@link FfiException} (such as native access being denied) rather than the
 * {@code ExceptionInInitializerError}, then {@code NoClassDefFoundError}, that a failed class
 * initialization would give.
 */
final class LibcLinkage {
  private LibcLinkage() {}

  private static final RuntimeException FAILURE = probe();

  private static RuntimeException probe() {
    try {
      return LibcHandles.ZERO == null ? new FfiException("libc bindings failed to link") : null;
    } catch (ExceptionInInitializerError e) {
      return e.getCause() instanceof RuntimeException cause
          ? cause
          : new FfiException("libc bindings failed to link: " + e.getCause(), e.getCause());
    }
  }

  /** Returns when the libc handles are usable; a constant check once the JIT has compiled the caller. */
  static void require() {
    if (FAILURE != null) {
      throw new FfiException(FAILURE.getMessage(), FAILURE);
    }
  }
}
