package dev.architect.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.architect.ffi.LibC;
import dev.architect.ffi.Sodium;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lab 04's output is computed: these check what it found, not fixed text. */
class Lab04FfiTest {
  private static String output;

  @BeforeAll
  static void runTheLab() {
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      new Lab04Ffi().run(out);
    }
    output = text.toString();
  }

  @Test
  void stringsCountUtf8BytesNotChars() {
    assertThat(output).contains("== 1. Strings");
    // string, chars, code points, UTF-8 bytes, native bytes (with the NUL), strlen.
    assertThat(output).containsPattern("\"héllo\" +5 +5 +6 +7 +6\n");
    assertThat(output).containsPattern("\"日本語\" +3 +3 +9 +10 +9\n");
    assertThat(output).containsPattern("\"😀\" +2 +1 +4 +5 +4\n");
    assertThat(output).contains("strlen(\"a\\0b\") = 1");
  }

  @Test
  void getpidIsThisProcess() {
    assertThat(output).contains("getpid() through FFM:          " + ProcessHandle.current().pid(), "same process: true");
  }

  @Test
  void structsArePrintedWithTheirLayoutAndAgreeWithJava() {
    assertThat(output).contains(
        "struct timespec: 16 bytes",
        "offset   8  size   8  tv_nsec",
        "struct utsname: 390 bytes",
        "offset 260  size  65  machine",
        "sysname    = Linux   (os.name: Linux)",
        "release    = " + LibC.uname().release(),
        "System.nanoTime() reads this clock: true");
    assertThat(output).containsPattern("between two Instant.now\\(\\) calls \\(.*\\): true");
  }

  @Test
  void pointersResolveIntoTheArray() {
    assertThat(output).containsPattern("int\\[8\\] off-heap at 0x[0-9a-f]+, 32 bytes");
    assertThat(output).contains("offset 20 = index 5, *pointer = 60", "array[8] (one past the end): IndexOutOfBoundsException");
  }

  @Test
  void qsortCallsBackIntoJava() {
    assertThat(output).contains("equals Arrays.sort: true");
    String upcalls = output.lines().filter(line -> line.contains("upcalls into Java: ")).findFirst().orElseThrow();
    int count = Integer.parseInt(upcalls.replaceAll(".*upcalls into Java: (\\d+).*", "$1"));
    assertThat(count).isGreaterThanOrEqualTo(15); // 16 elements need at least n - 1 comparisons
    assertThat(output).containsPattern("first calls: compare\\(&array\\[\\d+\\]=\\d+");
    assertThat(output).contains("a comparator that throws: IllegalStateException: comparator refused to compare",
        "comparator calls: 1; array unchanged: [3, 1, 2]");
  }

  @Test
  void secureMemoryIsZeroedAndReportsItsLock() {
    assertThat(output).containsPattern("allocate\\(32\\): mlock of \\d+ bytes(: locked| refused: .*)");
    assertThat(output).contains("page-aligned: true", "every byte zero: true",
        "after zero() (explicit_bzero): " + "00".repeat(32));
  }

  @Test
  void libsodiumComputesKnownAnswers() {
    if (!Sodium.isAvailable()) {
      assertThat(output).contains("libsodium is not available: " + Sodium.unavailableReason().orElseThrow());
      return;
    }
    assertThat(output).contains(
        "sodium_version_string() = " + Sodium.version(),
        "crypto_generichash(\"\")  = 0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8",
        "public key of RFC 8032's first seed = d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "IllegalArgumentException: c must hold at least 26 bytes, was 10");
  }

  @Test
  void aMissingLibraryIsOneClearSentence() {
    assertThat(output).contains(
        "NativeLibraryException: libsodium not found (tried libsodium.so.99, libsodium-nothere.so); install it with: "
            + "apt-get install libsodium23",
        "NativeLibraryException: libc (the JVM's default lookup) has no symbol sodium_init");
  }
}
