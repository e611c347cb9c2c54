package dev.architect.ffi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With native access denied, every entry point fails with one clear message, in a fresh JVM. */
class NativeAccessTest {
  /** Run in the child JVM: prints what each entry point did. */
  public static void main(String[] args) {
    System.out.println("available=" + Sodium.isAvailable());
    attempt("sodium", Sodium::load);
    attempt("getpid", LibC::getpid);
    attempt("getpid again", LibC::getpid);
    attempt("allocate", () -> SecureMemory.allocate(16));
  }

  private static void attempt(String what, java.util.function.Supplier<?> call) {
    try {
      System.out.println(what + ": " + call.get());
    } catch (Throwable t) {
      System.out.println(what + ": " + t.getClass().getSimpleName() + ": " + t.getMessage());
    }
  }

  @Test
  void deniedNativeAccessIsOneClearErrorNotALinkageError() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "--illegal-native-access=deny", "-cp",
        System.getProperty("java.class.path"), NativeAccessTest.class.getName())
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String message = "native access is not enabled for ALL-UNNAMED; run java with --enable-native-access=ALL-UNNAMED";
    assertThat(output.lines().toList()).containsExactly(
        "available=false",
        "sodium: FfiException: " + message,
        "getpid: FfiException: " + message,
        "getpid again: FfiException: " + message,
        "allocate: FfiException: " + message);
    assertThat(process.exitValue()).isZero();
  }
}
