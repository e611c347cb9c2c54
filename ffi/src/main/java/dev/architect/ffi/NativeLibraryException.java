package dev.architect.ffi;

import java.util.List;

/**
 * A native library could not be used: it was not found under any of the names tried, or it lacks a
 * symbol the bindings need. The message names the library, what was tried, and how to install it,
 * for example {@code libsodium not found (tried libsodium.so.23, libsodium.so); install it with:
 * apt-get install libsodium23}.
 */
public final class NativeLibraryException extends FfiException {
  private static final long serialVersionUID = 1L;
  private final String library;
  private final transient List<String> tried;
  private final String installHint;

  NativeLibraryException(String message, String library, List<String> tried, String installHint, Throwable cause) {
    super(message, cause);
    this.library = library;
    this.tried = List.copyOf(tried);
    this.installHint = installHint;
  }

  static NativeLibraryException notFound(String library, List<String> tried, String installHint) {
    String message = library + " not found (tried " + String.join(", ", tried) + ")"
        + (installHint.isEmpty() ? "" : "; install it with: " + installHint);
    return new NativeLibraryException(message, library, tried, installHint, null);
  }

  static NativeLibraryException missingSymbol(NativeLibrary library, String symbol) {
    String message = library.name() + " (" + library.loadedAs() + ") has no symbol " + symbol
        + (library.installHint().isEmpty() ? "" : "; install a newer version with: " + library.installHint());
    return new NativeLibraryException(message, library.name(), List.of(library.loadedAs()), library.installHint(),
        null);
  }

  /** A new exception with the same message and context, thrown again from the caller's stack. */
  NativeLibraryException again() {
    return new NativeLibraryException(getMessage(), library, tried, installHint, this);
  }

  /** The library's name, as the bindings call it ({@code libsodium}). */
  public String library() {
    return library;
  }

  /** The names or paths that were tried, in order (for a missing symbol: the one that was loaded). */
  public List<String> tried() {
    return tried;
  }

  /** The command that installs the library, or an empty string when none is known. */
  public String installHint() {
    return installHint;
  }
}
