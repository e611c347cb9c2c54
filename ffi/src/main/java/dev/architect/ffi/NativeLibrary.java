package dev.architect.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A loaded native library and the functions found in it.
 *
 * <p>{@link #load} tries a list of names (or paths) in order, as the dynamic linker resolves them,
 * and fails with one {@link NativeLibraryException} that names the library, every name tried and the
 * command that installs it, instead of a linker stack trace. A library, once loaded, stays loaded for
 * the life of the JVM. Instances are immutable and thread-safe.
 */
public final class NativeLibrary {
  private static final Linker LINKER = Linker.nativeLinker();

  private final String name;
  private final String loadedAs;
  private final String installHint;
  private final SymbolLookup lookup;

  private NativeLibrary(String name, String loadedAs, String installHint, SymbolLookup lookup) {
    this.name = name;
    this.loadedAs = loadedAs;
    this.installHint = installHint;
    this.lookup = lookup;
  }

  /**
   * Loads the library {@code name} from the first of {@code candidates} the dynamic linker can open.
   *
   * @param name the library's name, as messages show it ({@code "libsodium"})
   * @param candidates file names ({@code "libsodium.so.23"}, searched like {@code dlopen} does) or
   *     paths, tried in order
   * @param installHint the command that installs the library, or an empty string
   * @throws NativeLibraryException if no candidate could be loaded
   * @throws IllegalArgumentException if {@code candidates} is empty or holds a blank name
   * @throws FfiException if native access is disabled for this module
   */
  @SuppressWarnings("restricted") // loading a library is the point of this class; see the class javadoc
  public static NativeLibrary load(String name, List<String> candidates, String installHint) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(installHint, "installHint");
    List<String> tried = List.copyOf(candidates);
    if (tried.isEmpty()) {
      throw new IllegalArgumentException("candidates must not be empty (library " + name + ")");
    }
    for (String candidate : tried) {
      if (candidate.isBlank()) {
        throw new IllegalArgumentException("candidates must not hold a blank name, was " + tried);
      }
    }
    List<String> attempted = new ArrayList<>();
    for (String candidate : tried) {
      attempted.add(candidate);
      try {
        SymbolLookup lookup = restricted(() -> SymbolLookup.libraryLookup(candidate, Arena.global()));
        return new NativeLibrary(name, candidate, installHint, lookup);
      } catch (IllegalArgumentException notLoadable) {
        // Not found under this name (or not loadable): try the next one, report them all below.
      }
    }
    throw NativeLibraryException.notFound(name, attempted, installHint);
  }

  /**
   * The C library and the other libraries the JVM itself links ({@link Linker#defaultLookup()}).
   */
  public static NativeLibrary system() {
    return SystemHolder.SYSTEM;
  }

  /** The library's name, as given to {@link #load}. */
  public String name() {
    return name;
  }

  /** The candidate name or path under which the library was loaded. */
  public String loadedAs() {
    return loadedAs;
  }

  /** The install command given to {@link #load} (empty when none). */
  public String installHint() {
    return installHint;
  }

  /** Whether the library has the symbol {@code symbol}. */
  public boolean has(String symbol) {
    return lookup.find(Objects.requireNonNull(symbol, "symbol")).isPresent();
  }

  /**
   * The address of {@code symbol}.
   *
   * @throws NativeLibraryException if the library has no such symbol
   */
  public MemorySegment find(String symbol) {
    return lookup.find(Objects.requireNonNull(symbol, "symbol"))
        .orElseThrow(() -> NativeLibraryException.missingSymbol(this, symbol));
  }

  /**
   * A method handle that calls the function {@code symbol} with the C signature {@code descriptor}.
   * Create handles once and keep them: creating one is far slower than calling it.
   *
   * @throws NativeLibraryException if the library has no such symbol
   * @throws FfiException if native access is disabled for this module
   */
  @SuppressWarnings("restricted") // linking a function is the point of this class; see the class javadoc
  public MethodHandle downcall(String symbol, FunctionDescriptor descriptor, Linker.Option... options) {
    MemorySegment address = find(symbol);
    return restricted(() -> LINKER.downcallHandle(address, descriptor, options));
  }

  @Override
  public String toString() {
    return name + " (" + loadedAs + ")";
  }

  /** Runs a restricted FFM operation, turning a refusal of native access into a clear error. */
  static <T> T restricted(java.util.function.Supplier<T> operation) {
    try {
      return operation.get();
    } catch (IllegalCallerException denied) {
      throw new FfiException("native access is not enabled for " + moduleName()
          + "; run java with --enable-native-access=" + moduleName(), denied);
    }
  }

  private static String moduleName() {
    Module module = NativeLibrary.class.getModule();
    return module.isNamed() ? module.getName() : "ALL-UNNAMED";
  }

  private static final class SystemHolder {
    static final NativeLibrary SYSTEM = new NativeLibrary("libc", "the JVM's default lookup", "",
        LINKER.defaultLookup());
  }
}
