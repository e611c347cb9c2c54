package dev.architect.cli.lab;

import dev.architect.crypto.AuthenticationException;
import dev.architect.crypto.Backend;
import dev.architect.crypto.Claims;
import dev.architect.crypto.Crypto;
import dev.architect.crypto.GenericHash;
import dev.architect.crypto.InvalidTokenException;
import dev.architect.crypto.KeyPair;
import dev.architect.crypto.Paserk;
import dev.architect.crypto.PasetoLocalKey;
import dev.architect.crypto.PasetoSecretKey;
import dev.architect.crypto.PwHash;
import dev.architect.crypto.SecretBox;
import dev.architect.crypto.SecretKey;
import dev.architect.crypto.Sign;
import dev.architect.crypto.TokenIssuer;
import dev.architect.crypto.TokenVerifier;
import dev.architect.crypto.VerifiedToken;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Lab 08, the counterpart of PHP's sodium extension and a PASETO library: authenticated encryption
 * with a secret box, Ed25519 signatures, Argon2id password strings timed at each preset, BLAKE2b
 * hashes and MACs, and a token system: a signed and an encrypted token issued, verified, and
 * rejected once tampered with or expired.
 *
 * <p>Argon2id at {@code SENSITIVE} needs 1 GiB and seconds per hash. The lab times it too when
 * there is room: on the libsodium backend (native memory) or when the heap may grow past 1.5 GiB;
 * otherwise it says why it did not.
 */
public final class Lab08Crypto implements Lab {
  private static final HexFormat HEX = HexFormat.of();
  /** The heap the pure-Java backend needs for one SENSITIVE hash: its 1 GiB and room for the rest. */
  private static final long SENSITIVE_HEAP = PwHash.SENSITIVE.memLimit() + (512L << 20);

  private final boolean timeSensitive;

  /** The lab as {@code architect lab 08} runs it. */
  public Lab08Crypto() {
    this(true);
  }

  /** With {@code timeSensitive} false, the 1 GiB preset is never run (tests keep to 256 MiB). */
  Lab08Crypto(boolean timeSensitive) {
    this.timeSensitive = timeSensitive;
  }

  @Override
  public int number() {
    return 8;
  }

  @Override
  public String title() {
    return "Crypto: libsodium and PASETO";
  }

  @Override
  public void run(PrintWriter out) {
    out.println("  backend: " + Crypto.backend() + " (available here: " + Crypto.available() + ")");
    secretBox(out);
    signatures(out);
    passwords(out);
    blake2b(out);
    tokens(out);
  }

  /** (1) crypto_secretbox: XSalsa20-Poly1305 under a random key and nonce. */
  private static void secretBox(PrintWriter out) {
    header(out, "1. Secret box (XSalsa20-Poly1305)");
    byte[] message = "meet me at the usual place at 10".getBytes(StandardCharsets.UTF_8);
    try (SecretKey key = SecretBox.keygen()) {
      byte[] nonce = SecretBox.nonce();
      byte[] box = SecretBox.seal(message, nonce, key);
      out.println("  key:         " + key);
      out.println("  nonce:       " + HEX.formatHex(nonce));
      out.println("  message:     " + message.length + " bytes");
      out.println("  box:         " + box.length + " bytes = " + SecretBox.MAC_BYTES + "-byte tag + ciphertext: "
          + HEX.formatHex(box));
      out.println("  opened:      \"" + new String(SecretBox.open(box, nonce, key), StandardCharsets.UTF_8) + "\"");
      byte[] tampered = box.clone();
      tampered[box.length - 1] ^= 1;
      out.println("  one bit of the ciphertext flipped: " + attempt(() -> SecretBox.open(tampered, nonce, key)));
      try (SecretKey other = SecretBox.keygen()) {
        out.println("  opened with another key:          " + attempt(() -> SecretBox.open(box, nonce, other)));
      }
    }
  }

  /** (2) crypto_sign: Ed25519 detached signatures. */
  private static void signatures(PrintWriter out) {
    header(out, "2. Signatures (Ed25519)");
    byte[] message = "transfer 100 EUR to account 42".getBytes(StandardCharsets.UTF_8);
    try (KeyPair pair = Sign.keyPair()) {
      byte[] signature = Sign.detached(message, pair.secretKey());
      out.println("  public key:  " + HEX.formatHex(pair.publicKey()));
      out.println("  signature:   " + HEX.formatHex(signature));
      out.println("  verify(original message):  " + Sign.verify(signature, message, pair.publicKey()));
      byte[] altered = "transfer 900 EUR to account 42".getBytes(StandardCharsets.UTF_8);
      out.println("  verify(\"transfer 900 ...\"): " + Sign.verify(signature, altered, pair.publicKey()));
      try (KeyPair other = Sign.keyPair()) {
        out.println("  verify(another public key): " + Sign.verify(signature, message, other.publicKey()));
      }
    }
  }

  /** (3) crypto_pwhash_str: Argon2id strings, timed at each preset there is memory for. */
  private void passwords(PrintWriter out) {
    header(out, "3. Password hashing (Argon2id strings)");
    byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    out.printf("  %-12s %8s %10s %10s  %s%n", "preset", "opslimit", "memlimit", "time", "string");
    String skipSensitive = sensitiveSkipReason();
    List<Map.Entry<String, PwHash.Limits>> presets = skipSensitive == null
        ? List.of(Map.entry("INTERACTIVE", PwHash.INTERACTIVE), Map.entry("MODERATE", PwHash.MODERATE),
            Map.entry("SENSITIVE", PwHash.SENSITIVE))
        : List.of(Map.entry("INTERACTIVE", PwHash.INTERACTIVE), Map.entry("MODERATE", PwHash.MODERATE));
    for (Map.Entry<String, PwHash.Limits> preset : presets) {
      PwHash.Limits limits = preset.getValue();
      long start = System.nanoTime();
      String hash = PwHash.str(password, limits);
      long nanos = System.nanoTime() - start;
      out.printf("  %-12s %8d %7d MiB %7.0f ms  %s%n", preset.getKey(), limits.opsLimit(), limits.memLimit() >> 20,
          nanos / 1e6, hash);
      out.println("  " + " ".repeat(12) + " verify(right password): " + PwHash.verify(hash, password)
          + ", verify(wrong password): " + PwHash.verify(hash, "correct horse battery stapler".getBytes(StandardCharsets.UTF_8))
          + ", needs rehash for SENSITIVE: " + PwHash.needsRehash(hash, PwHash.SENSITIVE));
    }
    if (skipSensitive != null) {
      out.printf("  %-12s %8d %7d MiB %10s  (not run: %s)%n", "SENSITIVE", PwHash.SENSITIVE.opsLimit(),
          PwHash.SENSITIVE.memLimit() >> 20, "-", skipSensitive);
    }
  }

  /** Why SENSITIVE (1 GiB) is not timed in this run, or null when it is. */
  private String sensitiveSkipReason() {
    if (!timeSensitive) {
      return "switched off for this run";
    }
    long maxHeap = Runtime.getRuntime().maxMemory();
    if (Crypto.backend() != Backend.SODIUM && maxHeap < SENSITIVE_HEAP) {
      return "the java backend needs a heap of " + (SENSITIVE_HEAP >> 20) + " MiB, this one may grow to "
          + (maxHeap >> 20) + " MiB (-Xmx)";
    }
    return null;
  }

  /** (4) crypto_generichash: BLAKE2b, plain, keyed (a MAC) and streamed. */
  private static void blake2b(PrintWriter out) {
    header(out, "4. BLAKE2b (generichash)");
    byte[] abc = "abc".getBytes(StandardCharsets.UTF_8);
    out.println("  BLAKE2b-256(\"abc\"):         " + HEX.formatHex(GenericHash.hash(abc, 32)));
    out.println("  BLAKE2b-512(\"abc\"):         " + HEX.formatHex(GenericHash.hash(abc, 64)));
    byte[] streamed = GenericHash.hasher(32).update("a".getBytes(StandardCharsets.UTF_8))
        .update("bc".getBytes(StandardCharsets.UTF_8)).finish();
    out.println("  streamed \"a\" + \"bc\":        " + HEX.formatHex(streamed));
    try (SecretKey key = GenericHash.keygen()) {
      byte[] mac = GenericHash.hash(abc, 32, key);
      out.println("  keyed with a random key:    " + HEX.formatHex(mac) + " (a MAC: changes with the key)");
    }
  }

  /** (5) PASETO v4: a signed and an encrypted token, verified, then tampered with and expired. */
  private static void tokens(PrintWriter out) {
    header(out, "5. Tokens (PASETO v4, keys as PASERK)");
    Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    InstantSource issueClock = InstantSource.fixed(issuedAt);
    Claims claims = Claims.builder().issuer("lab08").subject("user-42").claim("scope", "read:ledger").build();
    try (PasetoSecretKey secretKey = PasetoSecretKey.generate(); PasetoLocalKey localKey = PasetoLocalKey.generate()) {
      String publicPaserk = Paserk.encode(secretKey.publicKey());
      out.println("  signing key:    " + Paserk.id(secretKey) + " (its id; the secret key itself stays secret)");
      out.println("  public key:     " + publicPaserk);
      out.println("  local key:      " + Paserk.id(localKey));

      String signed = TokenIssuer.builder(secretKey).clock(issueClock).lifetime(Duration.ofMinutes(15)).build()
          .issue(claims, "{\"kid\":\"" + Paserk.id(secretKey.publicKey()) + "\"}");
      String encrypted = TokenIssuer.builder(localKey).clock(issueClock).lifetime(Duration.ofMinutes(15)).build()
          .issue(claims);
      out.println("  signed token:    " + signed);
      out.println("  encrypted token: " + encrypted);

      TokenVerifier publicVerifier = TokenVerifier.builder(Paserk.decode(publicPaserk)).issuer("lab08").build();
      TokenVerifier localVerifier = TokenVerifier.builder(localKey).issuer("lab08").build();
      VerifiedToken fromSigned = publicVerifier.verify(signed);
      VerifiedToken fromEncrypted = localVerifier.verify(encrypted);
      out.println("  verified signed:    claims " + fromSigned.claims().toJson() + ", footer " + fromSigned.footer());
      out.println("  verified encrypted: claims " + fromEncrypted.claims().toJson());

      int middle = signed.length() / 2;
      String tampered = signed.substring(0, middle) + (signed.charAt(middle) == 'A' ? 'B' : 'A')
          + signed.substring(middle + 1);
      out.println("  tampered signed token:    " + rejection(() -> publicVerifier.verify(tampered)));
      String tamperedLocal = encrypted.substring(0, encrypted.length() - 2)
          + (encrypted.charAt(encrypted.length() - 2) == 'A' ? 'B' : 'A') + encrypted.charAt(encrypted.length() - 1);
      out.println("  tampered encrypted token: " + rejection(() -> localVerifier.verify(tamperedLocal)));

      InstantSource later = InstantSource.fixed(issuedAt.plus(Duration.ofMinutes(16)));
      out.println("  signed token 16 min later: " + rejection(() ->
          TokenVerifier.builder(secretKey.publicKey()).clock(later).build().verify(signed)));
      out.println("  same, with 2 min of clock skew allowed: " + rejection(() ->
          TokenVerifier.builder(secretKey.publicKey()).clock(later).clockSkew(Duration.ofMinutes(2)).build().verify(signed)));
      out.println("  encrypted token, with the signing key's public half: "
          + rejection(() -> publicVerifier.verify(encrypted)));
    }
  }

  private static String attempt(Runnable action) {
    try {
      action.run();
      return "opened (unexpected)";
    } catch (AuthenticationException e) {
      return "rejected, " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private static String rejection(Runnable action) {
    try {
      action.run();
      return "accepted";
    } catch (InvalidTokenException e) {
      return "rejected (" + e.reason() + "): " + e.getMessage();
    }
  }

  private static void header(PrintWriter out, String title) {
    out.println();
    out.println("== " + title);
  }
}
