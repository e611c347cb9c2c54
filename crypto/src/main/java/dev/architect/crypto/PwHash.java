package dev.architect.crypto;

import java.util.Objects;

/**
 * Password hashing with Argon2id (RFC 9106, version 1.3), byte-compatible with libsodium's
 * {@code crypto_pwhash} ({@code crypto_pwhash_ALG_ARGON2ID13}) and its string functions.
 *
 * <pre>{@code
 * String stored = PwHash.str(password, PwHash.INTERACTIVE);  // $argon2id$v=19$m=65536,t=2,p=1$...$...
 * boolean ok = PwHash.verify(stored, attempt);
 * if (ok && PwHash.needsRehash(stored, PwHash.MODERATE)) { ... store PwHash.str(attempt, PwHash.MODERATE) }
 * }</pre>
 *
 * <p>The string is what libsodium writes: {@code $argon2id$v=19$m=<KiB>,t=<ops>,p=1$<salt>$<hash>},
 * salt 16 bytes and hash 32 bytes in unpadded standard base64. {@link #verify} accepts exactly the
 * strings libsodium's {@code crypto_pwhash_str_verify} accepts (including {@code p} greater than 1)
 * and rejects the others. Memory is given in bytes, as in libsodium ({@code memlimit}); Argon2 uses
 * {@code memlimit / 1024} KiB.
 *
 * <p>Stateless and thread-safe. Each call allocates its memory limit on the heap.
 */
public final class PwHash {
  /** Salt length: 16. */
  public static final int SALT_BYTES = 16;
  /** Shortest raw hash: 16. */
  public static final int BYTES_MIN = 16;
  /** Longest string {@link #str} writes, terminator included in libsodium: 128. */
  public static final int STR_BYTES = 128;
  /** The prefix of every string {@link #str} writes. */
  public static final String STR_PREFIX = "$argon2id$";
  /** Smallest opslimit (passes): 1. */
  public static final long OPS_LIMIT_MIN = 1;
  /** Largest opslimit: 2^32 - 1. */
  public static final long OPS_LIMIT_MAX = 0xFFFF_FFFFL;
  /** Smallest memlimit: 8192 bytes. */
  public static final long MEM_LIMIT_MIN = 8192;
  /** Largest memlimit on 64-bit platforms: 4398046510080 bytes. */
  public static final long MEM_LIMIT_MAX = 4398046510080L;

  /**
   * Argon2id cost: passes ({@code opslimit}) and memory in bytes ({@code memlimit}).
   *
   * @param opsLimit passes over memory, 1 to 2^32 - 1
   * @param memLimit memory in bytes, 8192 to 4398046510080 (used in whole KiB)
   */
  public record Limits(long opsLimit, long memLimit) {
    public Limits {
      if (opsLimit < OPS_LIMIT_MIN || opsLimit > OPS_LIMIT_MAX) {
        throw new IllegalArgumentException("opslimit must be between " + OPS_LIMIT_MIN + " and " + OPS_LIMIT_MAX
            + ", was " + opsLimit);
      }
      if (memLimit < MEM_LIMIT_MIN || memLimit > MEM_LIMIT_MAX) {
        throw new IllegalArgumentException("memlimit must be between " + MEM_LIMIT_MIN + " and " + MEM_LIMIT_MAX
            + " bytes, was " + memLimit);
      }
    }
  }

  /** For online use: t=2, 64 MiB ({@code crypto_pwhash_OPSLIMIT/MEMLIMIT_INTERACTIVE}). */
  public static final Limits INTERACTIVE = new Limits(2, 67108864L);
  /** t=3, 256 MiB ({@code crypto_pwhash_OPSLIMIT/MEMLIMIT_MODERATE}). */
  public static final Limits MODERATE = new Limits(3, 268435456L);
  /** For offline secrets: t=4, 1 GiB ({@code crypto_pwhash_OPSLIMIT/MEMLIMIT_SENSITIVE}). */
  public static final Limits SENSITIVE = new Limits(4, 1073741824L);

  private PwHash() {}

  /** A new random 16-byte salt. */
  public static byte[] salt() {
    return Crypto.randomBytes(SALT_BYTES);
  }

  /**
   * The raw Argon2id13 hash of {@code password} with {@code salt}, {@code length} bytes
   * ({@code crypto_pwhash} with {@code crypto_pwhash_ALG_ARGON2ID13}).
   *
   * @throws IllegalArgumentException if {@code length} is below 16 or the salt not 16 bytes
   * @throws OutOfMemoryError if the heap cannot hold {@code memLimit} bytes
   */
  public static byte[] hash(int length, byte[] password, byte[] salt, Limits limits) {
    Objects.requireNonNull(password, "password");
    Check.length("salt", salt, SALT_BYTES);
    Objects.requireNonNull(limits, "limits");
    if (length < BYTES_MIN) {
      throw new IllegalArgumentException("length must be at least " + BYTES_MIN + ", was " + length);
    }
    byte[] out = new byte[length];
    Backends.current().pwhash(out, password, salt, limits.opsLimit(), limits.memLimit());
    return out;
  }

  /**
   * {@link #hash} into a new {@link SecretKey}: a key derived from a password.
   *
   * @throws IllegalArgumentException if {@code length} is below 16 or the salt not 16 bytes
   */
  public static SecretKey deriveKey(int length, byte[] password, byte[] salt, Limits limits) {
    byte[] raw = hash(length, password, salt, limits);
    try {
      return SecretKey.copyOf(raw);
    } finally {
      Crypto.zero(raw);
    }
  }

  /**
   * {@code password} hashed with a random salt into libsodium's string form
   * ({@code crypto_pwhash_str}): {@code $argon2id$v=19$m=<KiB>,t=<ops>,p=1$<salt>$<hash>}.
   */
  public static String str(byte[] password, Limits limits) {
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(limits, "limits");
    return Backends.current().pwhashStr(password, limits.opsLimit(), limits.memLimit());
  }

  /**
   * Whether {@code password} matches {@code hash} ({@code crypto_pwhash_str_verify}). A string
   * libsodium would reject (not Argon2id, malformed, out-of-range parameters) does not match.
   */
  public static boolean verify(String hash, byte[] password) {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(password, "password");
    return Backends.current().pwhashStrVerify(hash, password);
  }

  /**
   * Whether {@code hash} was made with other parameters than {@code limits} (or {@code p} other than
   * 1), so that it should be recomputed at the next successful login
   * ({@code crypto_pwhash_str_needs_rehash}).
   *
   * @throws IllegalArgumentException if {@code hash} is not a valid Argon2id string
   */
  public static boolean needsRehash(String hash, Limits limits) {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(limits, "limits");
    int result = Backends.current().pwhashStrNeedsRehash(hash, limits.opsLimit(), limits.memLimit());
    if (result < 0) {
      throw new IllegalArgumentException("hash is not a valid argon2id string: " + Argon2Strings.abbreviate(hash));
    }
    return result != 0;
  }
}
