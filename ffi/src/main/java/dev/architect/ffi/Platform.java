package dev.architect.ffi;

import java.lang.foreign.ValueLayout;
import java.util.Locale;

/** What the struct layouts and constants depend on. Kept apart from the handles, which may fail to link. */
final class Platform {
  private Platform() {}

  static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
  static final boolean LP64 = ValueLayout.ADDRESS.byteSize() == 8;

  /** Fails unless the struct layouts of 64-bit Linux apply here. */
  static void requireLinux64(String function) {
    if (!LINUX || !LP64) {
      throw new UnsupportedOperationException(function + " is bound with the struct layouts of 64-bit linux; this is "
          + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }
  }
}
