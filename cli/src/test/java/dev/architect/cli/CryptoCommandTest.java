package dev.architect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.architect.cli.lab.Labs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code architect crypto}: outputs equal libsodium's and the RFCs' known answers; exit codes. */
class CryptoCommandTest {
  // libsodium test/default/secretbox.c (the NaCl vector).
  private static final String KEY = "1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389";
  private static final String NONCE = "69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37";
  private static final String MESSAGE = "be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffce5ecbaaf33bd751a"
      + "1ac728d45e6c61296cdc3c01233561f41db66cce314adb310e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde"
      + "048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f937763848645e0705";
  private static final String BOX = "f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce48332ea7164d96a4476f"
      + "b8c531a1186ac0dfc17c98dce87b4da7f011ec48c97271d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab932164548e526ae902"
      + "24368517acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b37973f622a43d14a6599b1f654cb45a74e355a5";
  // RFC 8032 section 7.1, TEST 2.
  private static final String SEED = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
  private static final String PK = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
  private static final String SIG = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
      + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

  private record Result(int code, String out, byte[] rawOut, String err) {}

  private static Result run(byte[] stdin, String... args) {
    InputStream oldIn = System.in;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    System.setIn(new ByteArrayInputStream(stdin));
    // Before the command line is built: picocli's default execution strategy remembers System.out.
    System.setOut(new PrintStream(raw, true, StandardCharsets.UTF_8));
    try {
      CommandLine commandLine = Main.commandLine(Labs.standard());
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
      int code = commandLine.execute(args);
      return new Result(code, out.toString(), raw.toByteArray(), err.toString());
    } finally {
      System.setIn(oldIn);
      System.setOut(oldOut);
    }
  }

  private static Result run(String stdin, String... args) {
    return run(stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  private static byte[] hex(String hex) {
    return java.util.HexFormat.of().parseHex(hex);
  }

  @Test
  void secretboxSealAndOpenMatchLibsodium() {
    Result sealed = run(hex(MESSAGE), "crypto", "secretbox-seal", "--key", KEY, "--nonce", NONCE);
    assertThat(sealed.code()).isZero();
    assertThat(sealed.out()).isEqualTo(BOX + System.lineSeparator());

    Result opened = run(BOX + "\n", "crypto", "secretbox-open", "--key", KEY, "--nonce", NONCE);
    assertThat(opened.code()).isZero();
    assertThat(opened.rawOut()).isEqualTo(hex(MESSAGE));
    assertThat(opened.err()).isEmpty();
  }

  @Test
  void aForgeryFailsWithExitOne() {
    String forged = "e" + BOX.substring(1);
    Result opened = run(forged, "crypto", "secretbox-open", "--key", KEY, "--nonce", NONCE);
    assertThat(opened.code()).isEqualTo(1);
    assertThat(opened.err()).isEqualTo("architect: authentication failed" + System.lineSeparator());
    assertThat(opened.rawOut()).isEmpty();
  }

  @Test
  void signKeypairSignAndVerifyMatchRfc8032() {
    Result pair = run("", "crypto", "sign-keypair", "--seed", SEED);
    assertThat(pair.code()).isZero();
    assertThat(pair.out().lines().toList()).containsExactly("public-key: " + PK, "secret-key: " + SEED + PK);

    Result signed = run(hex("72"), "crypto", "sign", "--sk", SEED + PK);
    assertThat(signed.code()).isZero();
    assertThat(signed.out().strip()).isEqualTo(SIG);

    Result valid = run(hex("72"), "crypto", "sign-verify", "--pk", PK, "--sig", SIG);
    assertThat(valid.code()).isZero();
    assertThat(valid.out().strip()).isEqualTo("valid");

    Result invalid = run(hex("73"), "crypto", "sign-verify", "--pk", PK, "--sig", SIG);
    assertThat(invalid.code()).isEqualTo(1);
    assertThat(invalid.out().strip()).isEqualTo("invalid");

    Result random = run("", "crypto", "sign-keypair");
    assertThat(random.code()).isZero();
    assertThat(random.out()).matches("(?s)public-key: [0-9a-f]{64}\\Rsecret-key: [0-9a-f]{128}\\R");
  }

  @Test
  void pwhashStrAndVerify() {
    Result hashed = run("hunter2\n", "crypto", "pwhash-str", "--level", "interactive");
    assertThat(hashed.code()).isZero();
    String hash = hashed.out().strip();
    assertThat(hash).matches("\\$argon2id\\$v=19\\$m=65536,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");

    assertThat(run("hunter2\n", "crypto", "pwhash-verify", hash).code()).isZero();
    assertThat(run("hunter2", "crypto", "pwhash-verify", hash).code()).isZero();
    Result wrong = run("hunter3\n", "crypto", "pwhash-verify", hash);
    assertThat(wrong.code()).isEqualTo(1);
    assertThat(wrong.out().strip()).isEqualTo("no match");
    // libsodium's own string (pwhash_argon2id.c): verified as libsodium verifies it.
    assertThat(run("password", "crypto", "pwhash-verify",
        "$argon2id$v=19$m=256,t=3,p=1$MDEyMzQ1Njc$G5ajKFCoUzaXRLdz7UJb5wGkb2Xt+X5/GQjUYtS2+TE").code()).isZero();
  }

  @Test
  void generichashMatchesRfc7693AndLibsodium() {
    Result abc = run("abc", "crypto", "generichash", "--length", "64");
    assertThat(abc.code()).isZero();
    assertThat(abc.out().strip()).isEqualTo("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
        + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
    // libsodium generichash.exp line 15: 16 bytes of in = 0..14, key = 0..15.
    byte[] in = new byte[15];
    for (int i = 0; i < in.length; i++) {
      in[i] = (byte) i;
    }
    Result keyed = run(in, "crypto", "generichash", "--key", "000102030405060708090a0b0c0d0e0f", "--length", "16");
    assertThat(keyed.out().strip()).isEqualTo("0c7c9c3922d41a7b2b3b20f92685d560");
  }

  @Test
  void badInputIsAUsageErrorNamingIt() {
    Result shortKey = run("x", "crypto", "secretbox-seal", "--key", KEY.substring(2), "--nonce", NONCE);
    assertThat(shortKey.code()).isEqualTo(2);
    assertThat(shortKey.err()).isEqualTo("architect: --key must be 32 bytes (64 hex digits), was 31"
        + System.lineSeparator());

    Result notHex = run("x", "crypto", "secretbox-seal", "--key", "zz", "--nonce", NONCE);
    assertThat(notHex.code()).isEqualTo(2);
    assertThat(notHex.err()).isEqualTo("architect: --key is not hex: 'zz'" + System.lineSeparator());

    Result badStdin = run("not hex", "crypto", "secretbox-open", "--key", KEY, "--nonce", NONCE);
    assertThat(badStdin.code()).isEqualTo(2);
    assertThat(badStdin.err()).isEqualTo("architect: stdin is not hex: 'nothex'" + System.lineSeparator());

    Result level = run("pw", "crypto", "pwhash-str", "--level", "extreme");
    assertThat(level.code()).isEqualTo(2);
    assertThat(level.err()).isEqualTo(
        "architect: --level must be interactive, moderate or sensitive, was 'extreme'" + System.lineSeparator());

    Result length = run("x", "crypto", "generichash", "--length", "8");
    assertThat(length.code()).isEqualTo(2);
    assertThat(length.err()).isEqualTo("architect: --length must be between 16 and 64, was 8" + System.lineSeparator());

    Result missing = run("x", "crypto", "sign");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).startsWith("architect: missing required option: '--sk=HEX'");

    Result noCommand = run("", "crypto");
    assertThat(noCommand.code()).isEqualTo(2);
    assertThat(noCommand.err()).isEqualTo("architect: missing crypto command; see 'architect crypto --help'"
        + System.lineSeparator());
  }
}
