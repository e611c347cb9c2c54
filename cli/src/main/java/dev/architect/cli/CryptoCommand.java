package dev.architect.cli;

import dev.architect.crypto.AuthenticationException;
import dev.architect.crypto.Crypto;
import dev.architect.crypto.GenericHash;
import dev.architect.crypto.KeyPair;
import dev.architect.crypto.PwHash;
import dev.architect.crypto.SecretBox;
import dev.architect.crypto.SecretKey;
import dev.architect.crypto.Sign;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code architect crypto ...}: libsodium-compatible primitives on the command line. Binary values
 * are hex; messages and passwords come on stdin (a password's one trailing newline is dropped).
 */
@Command(
    name = "crypto",
    description = {
        "libsodium-compatible secretbox, Ed25519, Argon2id and BLAKE2b.",
        "Keys, nonces and signatures are hex; messages and passwords are read from stdin."
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  echo -n hi | architect crypto secretbox-seal --key $KEY --nonce $NONCE",
        "  architect crypto sign-keypair",
        "  echo hunter2 | architect crypto pwhash-str --level interactive",
        "Exit codes: 0 done (valid, match), 1 failed (authentication failed, invalid, no match), 2 usage error."
    },
    subcommands = {
        CryptoCommand.SecretboxSeal.class,
        CryptoCommand.SecretboxOpen.class,
        CryptoCommand.SignKeypair.class,
        CryptoCommand.SignMessage.class,
        CryptoCommand.SignVerify.class,
        CryptoCommand.PwhashStr.class,
        CryptoCommand.PwhashVerify.class,
        CryptoCommand.Generichash.class,
    })
final class CryptoCommand implements Runnable {
  private static final HexFormat HEX = HexFormat.of();

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new UsageError(spec.commandLine(), "missing crypto command; see 'architect crypto --help'");
  }

  /** {@code value} of option {@code name} as bytes, exactly {@code length} of them (any, if negative). */
  static byte[] hexOption(CommandLine command, String name, String value, int length) {
    byte[] bytes;
    try {
      bytes = HEX.parseHex(value.strip());
    } catch (IllegalArgumentException e) {
      throw new UsageError(command, name + " is not hex: '" + abbreviate(value) + "'");
    }
    if (length >= 0 && bytes.length != length) {
      throw new UsageError(command, name + " must be " + length + " bytes (" + 2 * length + " hex digits), was "
          + bytes.length);
    }
    return bytes;
  }

  private static String abbreviate(String value) {
    return value.length() <= 20 ? value : value.substring(0, 20) + "...";
  }

  static byte[] readStdin() {
    try {
      return System.in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stdin", e);
    }
  }

  /** stdin without one trailing newline ({@code echo} adds one; a password never ends with it). */
  static byte[] readPassword() {
    byte[] in = readStdin();
    int end = in.length;
    if (end > 0 && in[end - 1] == '\n') {
      end--;
      if (end > 0 && in[end - 1] == '\r') {
        end--;
      }
    }
    return Arrays.copyOf(in, end);
  }

  static void failed(CommandSpec spec, String message) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("architect: " + message);
    err.flush();
  }

  @Command(name = "secretbox-seal", description = "Encrypt stdin with XSalsa20-Poly1305; print tag + ciphertext in hex.")
  static final class SecretboxSeal implements Runnable {
    @Spec private CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "HEX", description = "The 32-byte key.")
    private String key;

    @Option(names = "--nonce", required = true, paramLabel = "HEX", description = "The 24-byte nonce (never reuse one).")
    private String nonce;

    @Override
    public void run() {
      byte[] k = hexOption(spec.commandLine(), "--key", key, SecretBox.KEY_BYTES);
      byte[] n = hexOption(spec.commandLine(), "--nonce", nonce, SecretBox.NONCE_BYTES);
      try (SecretKey secret = SecretKey.copyOf(k)) {
        Crypto.zero(k);
        PrintWriter out = spec.commandLine().getOut();
        out.println(HEX.formatHex(SecretBox.seal(readStdin(), n, secret)));
        out.flush();
      }
    }
  }

  @Command(name = "secretbox-open",
      description = "Verify and decrypt hex (tag + ciphertext) from stdin; write the message to stdout.")
  static final class SecretboxOpen implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "HEX", description = "The 32-byte key.")
    private String key;

    @Option(names = "--nonce", required = true, paramLabel = "HEX", description = "The 24-byte nonce it was sealed with.")
    private String nonce;

    @Override
    public Integer call() {
      byte[] k = hexOption(spec.commandLine(), "--key", key, SecretBox.KEY_BYTES);
      byte[] n = hexOption(spec.commandLine(), "--nonce", nonce, SecretBox.NONCE_BYTES);
      String input = new String(readStdin(), java.nio.charset.StandardCharsets.US_ASCII).replaceAll("\\s+", "");
      byte[] box;
      try {
        box = HEX.parseHex(input);
      } catch (IllegalArgumentException e) {
        throw new UsageError(spec.commandLine(), "stdin is not hex: '" + abbreviate(input) + "'");
      }
      try (SecretKey secret = SecretKey.copyOf(k)) {
        Crypto.zero(k);
        byte[] message = SecretBox.open(box, n, secret);
        PrintStream out = System.out;
        out.write(message, 0, message.length);
        out.flush();
        return 0;
      } catch (AuthenticationException e) {
        failed(spec, "authentication failed");
        return Main.FAILURE;
      }
    }
  }

  @Command(name = "sign-keypair", description = "Make an Ed25519 key pair; print the public and the 64-byte secret key.")
  static final class SignKeypair implements Runnable {
    @Spec private CommandSpec spec;

    @Option(names = "--seed", paramLabel = "HEX", description = "A 32-byte seed (the same seed gives the same pair); random if absent.")
    private String seed;

    @Override
    public void run() {
      KeyPair pair = seed == null ? Sign.keyPair()
          : Sign.keyPair(hexOption(spec.commandLine(), "--seed", seed, Sign.SEED_BYTES));
      try (pair) {
        byte[] secret = pair.secretKey().toByteArray();
        PrintWriter out = spec.commandLine().getOut();
        out.println("public-key: " + HEX.formatHex(pair.publicKey()));
        out.println("secret-key: " + HEX.formatHex(secret));
        out.flush();
        Crypto.zero(secret);
      }
    }
  }

  @Command(name = "sign", description = "Sign stdin with Ed25519; print the 64-byte signature in hex.")
  static final class SignMessage implements Runnable {
    @Spec private CommandSpec spec;

    @Option(names = "--sk", required = true, paramLabel = "HEX", description = "The 64-byte secret key (seed + public key).")
    private String secretKey;

    @Override
    public void run() {
      byte[] sk = hexOption(spec.commandLine(), "--sk", secretKey, Sign.SECRET_KEY_BYTES);
      try (SecretKey secret = SecretKey.copyOf(sk)) {
        Crypto.zero(sk);
        PrintWriter out = spec.commandLine().getOut();
        out.println(HEX.formatHex(Sign.detached(readStdin(), secret)));
        out.flush();
      }
    }
  }

  @Command(name = "sign-verify", description = "Verify an Ed25519 signature of stdin: exit 0 if valid, 1 if not.")
  static final class SignVerify implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Option(names = "--pk", required = true, paramLabel = "HEX", description = "The 32-byte public key.")
    private String publicKey;

    @Option(names = "--sig", required = true, paramLabel = "HEX", description = "The 64-byte signature.")
    private String signature;

    @Override
    public Integer call() {
      byte[] pk = hexOption(spec.commandLine(), "--pk", publicKey, Sign.PUBLIC_KEY_BYTES);
      byte[] sig = hexOption(spec.commandLine(), "--sig", signature, Sign.BYTES);
      boolean valid = Sign.verify(sig, readStdin(), pk);
      PrintWriter out = spec.commandLine().getOut();
      out.println(valid ? "valid" : "invalid");
      out.flush();
      return valid ? 0 : Main.FAILURE;
    }
  }

  @Command(name = "pwhash-str", description = "Hash the password on stdin with Argon2id; print libsodium's string form.")
  static final class PwhashStr implements Runnable {
    @Spec private CommandSpec spec;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "interactive",
        description = "interactive (t=2, 64 MiB; default), moderate (t=3, 256 MiB) or sensitive (t=4, 1 GiB).")
    private String level;

    @Override
    public void run() {
      PwHash.Limits limits = switch (level.toLowerCase(Locale.ROOT)) {
        case "interactive" -> PwHash.INTERACTIVE;
        case "moderate" -> PwHash.MODERATE;
        case "sensitive" -> PwHash.SENSITIVE;
        default -> throw new UsageError(spec.commandLine(),
            "--level must be interactive, moderate or sensitive, was '" + abbreviate(level) + "'");
      };
      byte[] password = readPassword();
      try {
        PrintWriter out = spec.commandLine().getOut();
        out.println(PwHash.str(password, limits));
        out.flush();
      } finally {
        Crypto.zero(password);
      }
    }
  }

  @Command(name = "pwhash-verify", description = "Check the password on stdin against HASH: exit 0 on a match, 1 if not.")
  static final class PwhashVerify implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "HASH", description = "A hash string as pwhash-str (or libsodium) writes it: $argon2id$...")
    private String hash;

    @Override
    public Integer call() {
      byte[] password = readPassword();
      try {
        boolean match = PwHash.verify(hash, password);
        PrintWriter out = spec.commandLine().getOut();
        out.println(match ? "match" : "no match");
        out.flush();
        return match ? 0 : Main.FAILURE;
      } finally {
        Crypto.zero(password);
      }
    }
  }

  @Command(name = "generichash", description = "BLAKE2b of stdin, keyed or not, in hex.")
  static final class Generichash implements Runnable {
    @Spec private CommandSpec spec;

    @Option(names = "--key", paramLabel = "HEX", description = "A key of 16 to 64 bytes; unkeyed if absent.")
    private String key;

    @Option(names = "--length", paramLabel = "N", defaultValue = "32",
        description = "Output length in bytes, 16 to 64 (default 32).")
    private int length;

    @Override
    public void run() {
      if (length < GenericHash.BYTES_MIN || length > GenericHash.BYTES_MAX) {
        throw new UsageError(spec.commandLine(), "--length must be between 16 and 64, was " + length);
      }
      byte[] k = key == null ? null : hexOption(spec.commandLine(), "--key", key, -1);
      if (k != null && (k.length < GenericHash.KEY_BYTES_MIN || k.length > GenericHash.KEY_BYTES_MAX)) {
        throw new UsageError(spec.commandLine(), "--key must be 16 to 64 bytes, was " + k.length);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(HEX.formatHex(GenericHash.hash(readStdin(), length, k)));
      out.flush();
    }
  }
}
