package dev.architect.crypto;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds the backends once and picks the default. A backend that cannot load is remembered with the
 * reason, so asking for it says why.
 */
final class Backends {
  private static final ScopedValue<CryptoBackend> OVERRIDE = ScopedValue.newInstance();

  private Backends() {}

  /** Loaded on first use: detection may load a native library. */
  private static final class Loaded {
    static final CryptoBackend JAVA = new JavaBackend();
    static final CryptoBackend SODIUM;
    static final String SODIUM_PROBLEM;
    static final CryptoBackend DEFAULT;
    static final RuntimeException DEFAULT_PROBLEM;

    static {
      CryptoBackend sodium = null;
      String problem;
      try {
        sodium = SodiumSupport.load();
        problem = sodium == null ? "libsodium support is not built in" : null;
      } catch (RuntimeException | LinkageError e) {
        problem = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
      }
      SODIUM = sodium;
      SODIUM_PROBLEM = problem;
      String choice = System.getProperty(Crypto.BACKEND_PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
      CryptoBackend chosen = null;
      RuntimeException chosenProblem = null;
      switch (choice) {
        case "java" -> chosen = JAVA;
        case "sodium" -> {
          if (SODIUM != null) {
            chosen = SODIUM;
          } else {
            chosenProblem = new CryptoException(Crypto.BACKEND_PROPERTY + "=sodium but libsodium cannot be used: "
                + SODIUM_PROBLEM);
          }
        }
        case "auto", "" -> chosen = SODIUM != null ? SODIUM : JAVA;
        default -> chosenProblem = new CryptoException(Crypto.BACKEND_PROPERTY + " must be java, sodium or auto, was \""
            + choice + "\"");
      }
      DEFAULT = chosen;
      DEFAULT_PROBLEM = chosenProblem;
    }
  }

  static CryptoBackend current() {
    if (OVERRIDE.isBound()) {
      return OVERRIDE.get();
    }
    CryptoBackend backend = Loaded.DEFAULT;
    if (backend == null) {
      throw Loaded.DEFAULT_PROBLEM;
    }
    return backend;
  }

  static CryptoBackend get(Backend kind) {
    return switch (kind) {
      case JAVA -> Loaded.JAVA;
      case SODIUM -> {
        if (Loaded.SODIUM == null) {
          throw new CryptoException("the sodium backend is not available: " + Loaded.SODIUM_PROBLEM);
        }
        yield Loaded.SODIUM;
      }
    };
  }

  static Set<Backend> available() {
    Set<Backend> set = EnumSet.of(Backend.JAVA);
    if (Loaded.SODIUM != null) {
      set.add(Backend.SODIUM);
    }
    return Set.copyOf(set);
  }

  /** Why the sodium backend is not available, or null when it is. */
  static String sodiumProblem() {
    return Loaded.SODIUM_PROBLEM;
  }

  static <T> T with(CryptoBackend backend, Supplier<T> action) {
    return ScopedValue.where(OVERRIDE, backend).call(action::get);
  }
}
