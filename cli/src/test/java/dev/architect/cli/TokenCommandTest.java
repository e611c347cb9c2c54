package dev.architect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.architect.cli.lab.Labs;
import dev.architect.crypto.Base64Url;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TokenCommandTest {
  private record Result(int code, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  private static Result run(String... args) {
    CommandLine commandLine = Main.commandLine(Labs.standard());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void keygenIssueVerifyRoundTripWithALocalKey() {
    Result keygen = run("token", "keygen", "--purpose", "local");
    assertThat(keygen.code()).isZero();
    assertThat(keygen.lines()).singleElement().asString().matches("k4\\.local\\.[A-Za-z0-9_-]{43}");
    String key = keygen.lines().getFirst();

    Result issue = run("token", "issue", "--key", key, "--claims", "{\"sub\":\"user-42\",\"n\":1}",
        "--footer", "kid-1", "--expires", "15m");
    assertThat(issue.code()).as(issue.err()).isZero();
    String token = issue.lines().getFirst();
    assertThat(token).startsWith("v4.local.").endsWith("." + Base64Url.encode("kid-1".getBytes()));

    Result verify = run("token", "verify", "--key", key, "--subject", "user-42", token);
    assertThat(verify.code()).as(verify.err()).isZero();
    assertThat(verify.out()).matches("\\{\"sub\":\"user-42\",\"n\":1,\"iat\":\"[0-9T:-]+Z\",\"exp\":\"[0-9T:-]+Z\"}\\R");
    assertThat(verify.err()).isEmpty();
  }

  @Test
  void keygenIssueVerifyRoundTripWithAKeyPair() {
    Result keygen = run("token", "keygen", "--purpose", "public");
    assertThat(keygen.lines()).hasSize(2);
    String secret = keygen.lines().get(0);
    String publicKey = keygen.lines().get(1);
    assertThat(secret).matches("k4\\.secret\\.[A-Za-z0-9_-]{86}");
    assertThat(publicKey).matches("k4\\.public\\.[A-Za-z0-9_-]{43}");

    String token = run("token", "issue", "--key", secret, "--claims", "{\"iss\":\"me\",\"exp\":\"2999-01-01T00:00:00Z\"}")
        .lines().getFirst();
    assertThat(token).startsWith("v4.public.");

    Result verify = run("token", "verify", "--key", publicKey, "--issuer", "me", token);
    assertThat(verify.code()).isZero();
    assertThat(verify.out()).isEqualTo("{\"iss\":\"me\",\"exp\":\"2999-01-01T00:00:00Z\"}" + System.lineSeparator());
    // The secret key verifies too (through its public key).
    assertThat(run("token", "verify", "--key", secret, token).code()).isZero();
  }

  @Test
  void aTamperedTokenExitsOneWithTheReason() {
    String key = run("token", "keygen", "--purpose", "local").lines().getFirst();
    String token = run("token", "issue", "--key", key, "--claims", "{}", "--expires", "1h").lines().getFirst();
    char last = token.charAt(30);
    String tampered = token.substring(0, 30) + (last == 'A' ? 'B' : 'A') + token.substring(31);

    Result verify = run("token", "verify", "--key", key, tampered);
    assertThat(verify.code()).isEqualTo(1);
    assertThat(verify.out()).isEmpty();
    assertThat(verify.err()).isEqualTo("architect: invalid token (authentication failed): token failed authentication"
        + " (forged or corrupted, or another key or implicit assertion)"
        + System.lineSeparator());
  }

  @Test
  void anExpiredTokenExitsOne() {
    String[] pair = run("token", "keygen", "--purpose", "public").lines().toArray(String[]::new);
    String token = run("token", "issue", "--key", pair[0], "--claims", "{\"exp\":\"2020-01-01T00:00:00Z\"}")
        .lines().getFirst();

    Result verify = run("token", "verify", "--key", pair[1], token);
    assertThat(verify.code()).isEqualTo(1);
    assertThat(verify.err()).startsWith("architect: invalid token (expired): token expired at 2020-01-01T00:00:00Z (now ");
  }

  @Test
  void aTokenOfTheOtherPurposeAndAMissingExpiryAreFailures() {
    String local = run("token", "keygen", "--purpose", "local").lines().getFirst();
    String[] pair = run("token", "keygen", "--purpose", "public").lines().toArray(String[]::new);
    String signed = run("token", "issue", "--key", pair[0], "--claims", "{}").lines().getFirst();

    Result wrongKey = run("token", "verify", "--key", local, signed);
    assertThat(wrongKey.code()).isEqualTo(1);
    assertThat(wrongKey.err()).startsWith(
        "architect: invalid token (wrong header): token header is \"v4.public.\", expected \"v4.local.\"");

    Result noExpiry = run("token", "verify", "--key", pair[1], signed);
    assertThat(noExpiry.code()).isEqualTo(1);
    assertThat(noExpiry.err()).startsWith(
        "architect: invalid token (missing claim): token has no exp claim (an expiration is required)");
    assertThat(run("token", "verify", "--key", pair[1], "--no-expiry-required", signed).out()).isEqualTo(
        "{}" + System.lineSeparator());
  }

  @Test
  void badKeysClaimsAndDurationsAreUsageErrors() {
    String local = run("token", "keygen", "--purpose", "local").lines().getFirst();
    String publicKey = run("token", "keygen", "--purpose", "public").lines().get(1);

    assertUsage(run("token", "issue", "--key", "k3.local.AAAA", "--claims", "{}"),
        "architect: --key: paserk version 'k3' is not supported (only k4)");
    assertUsage(run("token", "issue", "--key", "k4.local.AAAA", "--claims", "{}"),
        "architect: --key: paserk k4.local. data must be 32 bytes, was 3");
    assertUsage(run("token", "verify", "--key", "secret", "v4.local.AAAA"),
        "architect: --key: not a paserk (expected k4.<type>.<data>, like k4.local.…)");
    assertUsage(run("token", "issue", "--key", publicKey, "--claims", "{}"),
        "architect: --key: a k4.public key can only verify tokens; issue them with its k4.secret key");
    assertUsage(run("token", "issue", "--key", local, "--claims", "{\"a\":1,\"a\":2}"),
        "architect: --claims: invalid json at offset 7: duplicate member name \"a\"");
    assertUsage(run("token", "issue", "--key", local, "--claims", "{\"exp\":12}"),
        "architect: --claims: claim exp must be an RFC 3339 date-time string, was a number");
    assertUsage(run("token", "issue", "--key", local, "--claims", "{}", "--expires", "soon"),
        "architect: --expires must be a positive duration like 90s, 15m, 2h, 7d or PT15M, was 'soon'");
    assertUsage(run("token", "issue", "--key", local, "--claims", "{}", "--expires", "0s"),
        "architect: --expires must be a positive duration like 90s, 15m, 2h, 7d or PT15M, was '0s'");
    assertUsage(run("token", "verify", "--key", local, "--clock-skew", "2d", "v4.local.AAAA"),
        "architect: --clock-skew must be at most 1d, was '2d'");
    assertUsage(run("token", "keygen", "--purpose", "remote"),
        "architect: --purpose must be local or public, was 'remote'; see 'architect token keygen --help'");
    assertUsage(run("token"), "architect: missing subcommand (keygen, issue or verify); see 'architect token --help'");
  }

  @Test
  void helpShowsTheSubcommands() {
    Result help = run("token", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).startsWith("Usage: architect token").contains("keygen", "issue", "verify");
  }

  private static void assertUsage(Result result, String message) {
    assertThat(result.code()).as(result.err()).isEqualTo(2);
    assertThat(result.err()).isEqualTo(message + System.lineSeparator());
    assertThat(result.out()).isEmpty();
  }
}
