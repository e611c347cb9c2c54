package dev.architect.ffi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loading libraries, and the one clear error when one is missing. */
class NativeLibraryTest {
  @Test
  void aMissingLibraryGivesOneClearError() {
    assertThatThrownBy(() -> NativeLibrary.load("libnothere", List.of("libnothere.so.7", "libnothere.so"),
        "apt-get install libnothere7"))
        .isInstanceOfSatisfying(NativeLibraryException.class, e -> {
          assertThat(e.library()).isEqualTo("libnothere");
          assertThat(e.tried()).containsExactly("libnothere.so.7", "libnothere.so");
          assertThat(e.installHint()).isEqualTo("apt-get install libnothere7");
          assertThat(e.getCause()).isNull();
        })
        .hasMessage("libnothere not found (tried libnothere.so.7, libnothere.so); install it with: apt-get install "
            + "libnothere7");
  }

  @Test
  void withoutAnInstallHintTheMessageSaysOnlyWhatWasTried() {
    assertThatThrownBy(() -> NativeLibrary.load("libnothere", List.of("/opt/nowhere/libnothere.so"), ""))
        .isInstanceOf(NativeLibraryException.class)
        .hasMessage("libnothere not found (tried /opt/nowhere/libnothere.so)");
  }

  @Test
  void theFirstCandidateThatLoadsWins() throws Throwable {
    NativeLibrary libc = NativeLibrary.load("libc", List.of("libnothere.so", "libc.so.6"), "");
    assertThat(libc.loadedAs()).isEqualTo("libc.so.6");
    assertThat(libc.name()).isEqualTo("libc");
    assertThat(libc.toString()).isEqualTo("libc (libc.so.6)");
    assertThat(libc.has("strlen")).isTrue();
    assertThat(libc.has("no_such_function")).isFalse();
    MethodHandle strlen = libc.downcall("strlen", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
    try (Arena arena = Arena.ofConfined()) {
      assertThat((long) strlen.invokeExact(arena.allocateFrom("four"))).isEqualTo(4);
    }
  }

  @Test
  void aMissingSymbolNamesTheLibraryAndTheSymbol() {
    NativeLibrary libc = NativeLibrary.load("libc", List.of("libc.so.6"), "apt-get install libc6");
    assertThatThrownBy(() -> libc.find("no_such_function"))
        .isInstanceOfSatisfying(NativeLibraryException.class,
            e -> assertThat(e.tried()).containsExactly("libc.so.6"))
        .hasMessage("libc (libc.so.6) has no symbol no_such_function; install a newer version with: apt-get install "
            + "libc6");
    assertThatThrownBy(() -> libc.downcall("no_such_function", FunctionDescriptor.ofVoid()))
        .isInstanceOf(NativeLibraryException.class);
  }

  @Test
  void theSystemLibraryIsTheJvmDefaultLookup() {
    assertThat(NativeLibrary.system().has("getpid")).isTrue();
    assertThat(NativeLibrary.system().name()).isEqualTo("libc");
  }

  @Test
  void rejectsBadCandidates() {
    assertThatThrownBy(() -> NativeLibrary.load("libx", List.of(), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("candidates must not be empty (library libx)");
    assertThatThrownBy(() -> NativeLibrary.load("libx", List.of("libx.so", " "), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("candidates must not hold a blank name, was [libx.so,  ]");
  }

  @Test
  void libsodiumIsLookedForUnderItsUsualNames() {
    assertThat(SodiumLocation.usualNames("Linux")).containsExactly("libsodium.so.23", "libsodium.so");
    assertThat(SodiumLocation.usualNames("Mac OS X")).startsWith("libsodium.23.dylib", "libsodium.dylib");
  }

  @Test
  void aConfiguredLibsodiumPathIsTriedFirst() {
    String previous = System.getProperty(SodiumLocation.PATH_PROPERTY);
    try {
      System.setProperty(SodiumLocation.PATH_PROPERTY, "/opt/sodium/lib/libsodium.so");
      assertThat(SodiumLocation.candidates())
          .containsExactly("/opt/sodium/lib/libsodium.so", "libsodium.so.23", "libsodium.so");
    } finally {
      if (previous == null) {
        System.clearProperty(SodiumLocation.PATH_PROPERTY);
      } else {
        System.setProperty(SodiumLocation.PATH_PROPERTY, previous);
      }
    }
  }
}
