package dev.architect.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Backend detection in fresh JVMs: with native access denied (so libsodium cannot be used), the
 * Java backend takes over, says why, and keys stay usable off-heap; {@code architect.crypto.backend}
 * picks a backend or refuses with the reason.
 */
class NativeAccessTest {
  /** Run in the child JVM: prints what the module decided and that it still computes libsodium's bytes. */
  public static void main(String[] args) {
    System.out.println("available=" + Crypto.available());
    try {
      System.out.println("backend=" + Crypto.backend());
      try (SecretKey key = SecretKey.copyOf(SecretBoxTest.KEY)) {
        boolean same = java.util.Arrays.equals(SecretBox.seal(SecretBoxTest.MESSAGE, SecretBoxTest.NONCE, key),
            SecretBoxTest.BOX);
        System.out.println("secretbox=" + (same ? "libsodium's bytes" : "other bytes"));
        System.out.println("key=" + key);
      }
    } catch (CryptoException e) {
      System.out.println("error=" + e.getMessage());
    }
    if (!Crypto.available().contains(Backend.SODIUM)) {
      System.out.println("why=" + Backends.sodiumProblem());
    }
  }

  private static List<String> child(String... options) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString()));
    command.addAll(List.of(options));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), NativeAccessTest.class.getName()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output.lines().toList();
  }

  @Test
  void deniedNativeAccessFallsBackToJavaWithUnlockedOffHeapKeys() throws IOException, InterruptedException {
    assertThat(child("--illegal-native-access=deny")).containsExactly(
        "available=[JAVA]",
        "backend=JAVA",
        "secretbox=libsodium's bytes",
        "key=SecretKey[32 bytes, not locked]",
        "why=native access is not enabled for ALL-UNNAMED; run java with --enable-native-access=ALL-UNNAMED");
  }

  @Test
  void thePropertyForcesABackendOrSaysWhyItCannot() throws IOException, InterruptedException {
    assertThat(child("--enable-native-access=ALL-UNNAMED", "-Darchitect.crypto.backend=java"))
        .contains("backend=JAVA", "secretbox=libsodium's bytes");
    assertThat(child("--illegal-native-access=deny", "-Darchitect.crypto.backend=sodium")).contains(
        "error=architect.crypto.backend=sodium but libsodium cannot be used: native access is not enabled for"
            + " ALL-UNNAMED; run java with --enable-native-access=ALL-UNNAMED");
    assertThat(child("--illegal-native-access=deny", "-Darchitect.crypto.backend=fast")).contains(
        "error=architect.crypto.backend must be java, sodium or auto, was \"fast\"");
  }
}
