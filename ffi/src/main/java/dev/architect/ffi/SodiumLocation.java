package dev.architect.ffi;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Where libsodium is looked for, and how to install it. Kept apart so that asking does not load it. */
final class SodiumLocation {
  private SodiumLocation() {}

  static final String NAME = "libsodium";
  static final String PATH_PROPERTY = "dev.architect.ffi.sodium.path";

  /** The names to try: a configured path first, then the platform's usual names. */
  static List<String> candidates() {
    String configured = System.getProperty(PATH_PROPERTY, "");
    List<String> usual = usualNames(System.getProperty("os.name", ""));
    if (configured.isBlank()) {
      return usual;
    }
    return Stream.concat(Stream.of(configured), usual.stream()).toList();
  }

  static List<String> usualNames(String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return List.of("libsodium.23.dylib", "libsodium.dylib", "/opt/homebrew/lib/libsodium.dylib",
          "/usr/local/lib/libsodium.dylib");
    }
    if (os.contains("windows")) {
      return List.of("libsodium.dll", "sodium.dll");
    }
    return List.of("libsodium.so.23", "libsodium.so");
  }

  static String installHint() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return "brew install libsodium";
    }
    if (os.contains("windows")) {
      return "download libsodium from https://download.libsodium.org and put libsodium.dll on the PATH";
    }
    return "apt-get install libsodium23";
  }
}
