/**
 * Architect FFI: typed native bindings through the FFM API (libc, secure memory, libsodium).
 *
 * <p>Start at {@link dev.architect.ffi.LibC}, {@link dev.architect.ffi.SecureMemory} and
 * {@link dev.architect.ffi.Sodium}. Calling native code is a restricted operation: enable it for this
 * module with {@code --enable-native-access=dev.architect.ffi} (module path) or
 * {@code --enable-native-access=ALL-UNNAMED} (class path), or the JDK prints a warning on first use.
 */
module dev.architect.ffi {
  exports dev.architect.ffi;
}
