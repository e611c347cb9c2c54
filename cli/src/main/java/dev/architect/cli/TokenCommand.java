package dev.architect.cli;

import dev.architect.crypto.Claims;
import dev.architect.crypto.InvalidTokenException;
import dev.architect.crypto.Paserk;
import dev.architect.crypto.PasetoKey;
import dev.architect.crypto.PasetoLocalKey;
import dev.architect.crypto.PasetoPublicKey;
import dev.architect.crypto.PasetoSecretKey;
import dev.architect.crypto.TokenIssuer;
import dev.architect.crypto.TokenVerifier;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code architect token keygen|issue|verify}: PASETO v4 tokens with PASERK keys. */
@Command(
    name = "token",
    description = {
        "PASETO v4 tokens: make a key, issue a token, verify one.",
        "Keys are PASERK strings: k4.local.* encrypts (v4.local tokens); k4.secret.* signs and its",
        "k4.public.* verifies (v4.public tokens). Local and secret keys are secrets: keep them out of logs."
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  architect token keygen --purpose public",
        "  architect token issue --key k4.secret.... --claims '{\"sub\":\"user-42\"}' --expires 15m",
        "  architect token verify --key k4.public.... v4.public....",
        "",
        "A token that does not verify exits with status 1 and says why on stderr."
    },
    subcommands = {TokenCommand.Keygen.class, TokenCommand.Issue.class, TokenCommand.Verify.class})
final class TokenCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new UsageError(spec.commandLine(), "missing subcommand (keygen, issue or verify); see 'architect token --help'");
  }

  /** {@code architect token keygen}. */
  @Command(name = "keygen", description = {
      "Print a new random key as PASERK.",
      "--purpose local prints one k4.local key; --purpose public prints the k4.secret key on the",
      "first line and its k4.public key on the second."})
  static final class Keygen implements Runnable {
    @Spec private CommandSpec spec;

    @Option(names = "--purpose", required = true, paramLabel = "local|public",
        description = "local: a key that encrypts and decrypts; public: an Ed25519 key pair that signs and verifies.")
    private String purpose;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      switch (purpose) {
        case "local" -> {
          try (PasetoLocalKey key = PasetoLocalKey.generate()) {
            out.println(Paserk.encode(key));
          }
        }
        case "public" -> {
          try (PasetoSecretKey key = PasetoSecretKey.generate()) {
            out.println(Paserk.encode(key));
            out.println(Paserk.encode(key.publicKey()));
          }
        }
        default -> throw new UsageError(spec.commandLine(),
            "--purpose must be local or public, was '" + purpose + "'; see 'architect token keygen --help'");
      }
      out.flush();
    }
  }

  /** {@code architect token issue}. */
  @Command(name = "issue", description = {
      "Print a token carrying the claims: encrypted (v4.local) with a k4.local key, signed (v4.public)",
      "with a k4.secret key."})
  static final class Issue implements Runnable {
    @Spec private CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "PASERK",
        description = "The key: k4.local.* to encrypt, k4.secret.* to sign.")
    private String key;

    @Option(names = "--claims", required = true, paramLabel = "JSON",
        description = "The claims, a JSON object; exp, nbf and iat are RFC 3339 date-times (2039-01-01T00:00:00Z).")
    private String claims;

    @Option(names = "--footer", paramLabel = "TEXT",
        description = "A footer: authenticated but readable by anyone (a key id, never a secret).")
    private String footer = "";

    @Option(names = "--expires", paramLabel = "DURATION",
        description = "Set exp to now plus DURATION (and iat to now) unless the claims have them: 90s, 15m, 2h, 7d or PT15M.")
    private String expires;

    @Override
    public void run() {
      PasetoKey paserk = readKey(spec, key);
      if (paserk instanceof PasetoPublicKey) {
        throw new UsageError(spec.commandLine(),
            "--key: a k4.public key can only verify tokens; issue them with its k4.secret key");
      }
      Claims parsed;
      try {
        parsed = Claims.fromJson(claims);
      } catch (IllegalArgumentException e) {
        throw new UsageError(spec.commandLine(), "--claims: " + e.getMessage());
      }
      TokenIssuer.Builder issuer = TokenIssuer.builder(paserk);
      if (expires != null) {
        issuer.lifetime(duration(spec, "--expires", expires));
      }
      try {
        spec.commandLine().getOut().println(issuer.build().issue(parsed, footer));
        spec.commandLine().getOut().flush();
      } finally {
        close(paserk);
      }
    }
  }

  /** {@code architect token verify}. */
  @Command(name = "verify", description = {
      "Verify a token and print its claims as JSON. A token that is forged, altered, expired, not yet",
      "valid or not for the expected parties exits with status 1 and the reason."})
  static final class Verify implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "PASERK",
        description = "The key: k4.local.* for v4.local tokens, k4.public.* (or its k4.secret.*) for v4.public tokens.")
    private String key;

    @Option(names = "--issuer", paramLabel = "ISS", description = "Require the iss claim to be ISS.")
    private String issuer;

    @Option(names = "--audience", paramLabel = "AUD", description = "Require the aud claim to be AUD.")
    private String audience;

    @Option(names = "--subject", paramLabel = "SUB", description = "Require the sub claim to be SUB.")
    private String subject;

    @Option(names = "--clock-skew", paramLabel = "DURATION",
        description = "Allow clocks to differ by up to DURATION (default 0s; at most 1d).")
    private String clockSkew;

    @Option(names = "--no-expiry-required",
        description = "Accept tokens without an exp claim (by default they are rejected).")
    private boolean noExpiryRequired;

    @Parameters(paramLabel = "TOKEN", description = "The token (v4.local.* or v4.public.*).")
    private String token;

    @Override
    public Integer call() {
      PasetoKey paserk = readKey(spec, key);
      PasetoKey verifying = paserk instanceof PasetoSecretKey secret ? secret.publicKey() : paserk;
      try {
        TokenVerifier.Builder verifier = TokenVerifier.builder(verifying).expirationRequired(!noExpiryRequired);
        if (issuer != null) {
          verifier.issuer(issuer);
        }
        if (audience != null) {
          verifier.audience(audience);
        }
        if (subject != null) {
          verifier.subject(subject);
        }
        if (clockSkew != null) {
          Duration skew = duration(spec, "--clock-skew", clockSkew);
          try {
            verifier.clockSkew(skew);
          } catch (IllegalArgumentException e) {
            throw new UsageError(spec.commandLine(), "--clock-skew must be at most 1d, was '" + clockSkew + "'");
          }
        }
        Claims claims;
        try {
          claims = verifier.build().verify(token.strip()).claims();
        } catch (InvalidTokenException e) {
          // An expected outcome, not a crash: the reason is the whole story, no stack trace to offer.
          CryptoCommand.failed(spec, "invalid token (" + e.reason().label() + "): " + e.getMessage());
          return Main.FAILURE;
        }
        spec.commandLine().getOut().println(claims.toJson());
        spec.commandLine().getOut().flush();
        return 0;
      } finally {
        close(paserk);
      }
    }
  }

  private static PasetoKey readKey(CommandSpec spec, String text) {
    try {
      return Paserk.decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw new UsageError(spec.commandLine(), "--key: " + e.getMessage());
    }
  }

  private static void close(PasetoKey key) {
    if (key instanceof PasetoLocalKey local) {
      local.close();
    } else if (key instanceof PasetoSecretKey secret) {
      secret.close();
    }
  }

  private static final Pattern SHORT_DURATION = Pattern.compile("([0-9]{1,9})([smhd])");

  /** {@code 90s}, {@code 15m}, {@code 2h}, {@code 7d} or ISO-8601 ({@code PT15M}); zero is allowed, negative not. */
  static Duration duration(CommandSpec spec, String option, String text) {
    Matcher matcher = SHORT_DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
    Duration duration = null;
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      duration = switch (matcher.group(2)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    } else {
      try {
        duration = Duration.parse(text.strip());
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    if (duration == null || duration.isNegative() || (duration.isZero() && option.equals("--expires"))) {
      throw new UsageError(spec.commandLine(), option + " must be a " + (option.equals("--expires") ? "positive " : "")
          + "duration like 90s, 15m, 2h, 7d or PT15M, was '" + text + "'");
    }
    return duration;
  }
}
