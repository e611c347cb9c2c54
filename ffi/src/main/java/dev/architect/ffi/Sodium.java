package dev.architect.ffi;

import static dev.architect.ffi.SodiumHandles.CRYPTO_BOX_EASY;
import static dev.architect.ffi.SodiumHandles.CRYPTO_BOX_KEYPAIR;
import static dev.architect.ffi.SodiumHandles.CRYPTO_BOX_OPEN_EASY;
import static dev.architect.ffi.SodiumHandles.CRYPTO_BOX_SEAL;
import static dev.architect.ffi.SodiumHandles.CRYPTO_BOX_SEAL_OPEN;
import static dev.architect.ffi.SodiumHandles.CRYPTO_BOX_SEED_KEYPAIR;
import static dev.architect.ffi.SodiumHandles.CRYPTO_GENERICHASH;
import static dev.architect.ffi.SodiumHandles.CRYPTO_GENERICHASH_BLAKE2B_INIT_SALT_PERSONAL;
import static dev.architect.ffi.SodiumHandles.CRYPTO_GENERICHASH_BLAKE2B_SALT_PERSONAL;
import static dev.architect.ffi.SodiumHandles.CRYPTO_GENERICHASH_FINAL;
import static dev.architect.ffi.SodiumHandles.CRYPTO_GENERICHASH_INIT;
import static dev.architect.ffi.SodiumHandles.CRYPTO_GENERICHASH_UPDATE;
import static dev.architect.ffi.SodiumHandles.CRYPTO_KDF_DERIVE_FROM_KEY;
import static dev.architect.ffi.SodiumHandles.CRYPTO_PWHASH;
import static dev.architect.ffi.SodiumHandles.CRYPTO_PWHASH_STR_ALG;
import static dev.architect.ffi.SodiumHandles.CRYPTO_PWHASH_STR_NEEDS_REHASH;
import static dev.architect.ffi.SodiumHandles.CRYPTO_PWHASH_STR_VERIFY;
import static dev.architect.ffi.SodiumHandles.CRYPTO_SCALARMULT_BASE;
import static dev.architect.ffi.SodiumHandles.CRYPTO_SECRETBOX_DETACHED;
import static dev.architect.ffi.SodiumHandles.CRYPTO_SECRETBOX_EASY;
import static dev.architect.ffi.SodiumHandles.CRYPTO_SECRETBOX_OPEN_DETACHED;
import static dev.architect.ffi.SodiumHandles.CRYPTO_SECRETBOX_OPEN_EASY;
import static dev.architect.ffi.SodiumHandles.CRYPTO_SIGN;
import static dev.architect.ffi.SodiumHandles.CRYPTO_SIGN_DETACHED;
import static dev.architect.ffi.SodiumHandles.CRYPTO_SIGN_ED25519_SK_TO_PK;
import static dev.architect.ffi.SodiumHandles.CRYPTO_SIGN_KEYPAIR;
import static dev.architect.ffi.SodiumHandles.CRYPTO_SIGN_OPEN;
import static dev.architect.ffi.SodiumHandles.CRYPTO_SIGN_SEED_KEYPAIR;
import static dev.architect.ffi.SodiumHandles.CRYPTO_SIGN_VERIFY_DETACHED;
import static dev.architect.ffi.SodiumHandles.CRYPTO_STREAM_XCHACHA20_XOR;
import static dev.architect.ffi.SodiumHandles.RANDOMBYTES_BUF;
import static dev.architect.ffi.SodiumHandles.SODIUM_INIT;
import static dev.architect.ffi.SodiumHandles.SODIUM_MEMCMP;
import static dev.architect.ffi.SodiumHandles.SODIUM_MEMZERO;
import static dev.architect.ffi.SodiumHandles.SODIUM_VERSION_STRING;

import java.lang.foreign.MemorySegment;
import java.util.Optional;

/**
 * Typed bindings to the libsodium functions Architect's crypto backend uses: one Java method per C
 * function, named after it ({@code crypto_secretbox_easy} is {@link #cryptoSecretboxEasy}), taking
 * {@link MemorySegment}s for pointers and {@code long}s for sizes, and returning libsodium's
 * {@code int} result unchanged (0 on success, -1 on failure, such as a forged ciphertext).
 *
 * <pre>{@code
 * Sodium sodium = Sodium.load();            // throws NativeLibraryException if libsodium is missing
 * try (Arena arena = Arena.ofConfined()) {
 *   MemorySegment hash = arena.allocate(Sodium.CRYPTO_GENERICHASH_BYTES);
 *   MemorySegment in = arena.allocateFrom("hello", StandardCharsets.UTF_8); // NUL not hashed below
 *   sodium.cryptoGenerichash(hash, hash.byteSize(), in, 5, MemorySegment.NULL, 0);
 * }
 * }</pre>
 *
 * <p>What the bindings guarantee:
 *
 * <ul>
 *   <li>The library is found as {@code libsodium.so.23} or {@code libsodium.so} (on macOS
 *       {@code libsodium.23.dylib}, {@code libsodium.dylib}), or at the path in the system property
 *       {@code dev.architect.ffi.sodium.path}, tried first. It is loaded, checked for every symbol
 *       below, and initialized with {@code sodium_init()} once, by the first {@link #load}.
 *   <li>Every method checks, before calling libsodium, that each segment is large enough for what
 *       the function will read or write given the lengths passed, that output segments are writable
 *       and that lengths are not negative; it throws {@link IllegalArgumentException} naming the
 *       parameter otherwise. A wrong length therefore cannot make libsodium read or write outside
 *       a segment. Input and output may overlap where libsodium allows it (the {@code _easy},
 *       {@code _xor} and {@code _detached} functions).
 *   <li>Pointers that libsodium allows to be {@code NULL} (an absent key, salt or personalization,
 *       an ignored length output) accept {@link MemorySegment#NULL}.
 *   <li>The methods allocate nothing and hold no state: they are safe to call from any number of
 *       threads at once (libsodium's functions are thread-safe after {@code sodium_init}).
 *   <li>All methods except the password-hashing ones ({@code crypto_pwhash},
 *       {@code crypto_pwhash_str_alg}, {@code crypto_pwhash_str_verify}) accept heap segments
 *       ({@code MemorySegment.ofArray(bytes)}) as well as native ones: they are linked as
 *       <em>critical</em> functions, which also skips the thread-state transition; the garbage
 *       collector waits while such a call runs, so keep very large inputs (hundreds of megabytes)
 *       in native memory or split them. The password-hashing functions run for a long time by
 *       design, and need native segments.
 * </ul>
 *
 * <p>Native access must be enabled for this module ({@code --enable-native-access=dev.architect.ffi}
 * on the module path, {@code --enable-native-access=ALL-UNNAMED} on the class path).
 */
public final class Sodium {
  /** {@code crypto_secretbox_KEYBYTES}. */
  public static final int CRYPTO_SECRETBOX_KEYBYTES = 32;
  /** {@code crypto_secretbox_NONCEBYTES}. */
  public static final int CRYPTO_SECRETBOX_NONCEBYTES = 24;
  /** {@code crypto_secretbox_MACBYTES}. */
  public static final int CRYPTO_SECRETBOX_MACBYTES = 16;
  /** {@code crypto_box_PUBLICKEYBYTES}. */
  public static final int CRYPTO_BOX_PUBLICKEYBYTES = 32;
  /** {@code crypto_box_SECRETKEYBYTES}. */
  public static final int CRYPTO_BOX_SECRETKEYBYTES = 32;
  /** {@code crypto_box_SEEDBYTES}. */
  public static final int CRYPTO_BOX_SEEDBYTES = 32;
  /** {@code crypto_box_NONCEBYTES}. */
  public static final int CRYPTO_BOX_NONCEBYTES = 24;
  /** {@code crypto_box_MACBYTES}. */
  public static final int CRYPTO_BOX_MACBYTES = 16;
  /** {@code crypto_box_SEALBYTES}: an ephemeral public key and a MAC. */
  public static final int CRYPTO_BOX_SEALBYTES = 48;
  /** {@code crypto_scalarmult_BYTES}. */
  public static final int CRYPTO_SCALARMULT_BYTES = 32;
  /** {@code crypto_scalarmult_SCALARBYTES}. */
  public static final int CRYPTO_SCALARMULT_SCALARBYTES = 32;
  /** {@code crypto_sign_BYTES}: an Ed25519 signature. */
  public static final int CRYPTO_SIGN_BYTES = 64;
  /** {@code crypto_sign_PUBLICKEYBYTES}. */
  public static final int CRYPTO_SIGN_PUBLICKEYBYTES = 32;
  /** {@code crypto_sign_SECRETKEYBYTES}: the seed followed by the public key. */
  public static final int CRYPTO_SIGN_SECRETKEYBYTES = 64;
  /** {@code crypto_sign_SEEDBYTES}. */
  public static final int CRYPTO_SIGN_SEEDBYTES = 32;
  /** {@code crypto_pwhash_ALG_ARGON2I13}. */
  public static final int CRYPTO_PWHASH_ALG_ARGON2I13 = 1;
  /** {@code crypto_pwhash_ALG_ARGON2ID13}, the value of {@code crypto_pwhash_alg_argon2id13()}. */
  public static final int CRYPTO_PWHASH_ALG_ARGON2ID13 = 2;
  /** {@code crypto_pwhash_SALTBYTES}. */
  public static final int CRYPTO_PWHASH_SALTBYTES = 16;
  /** {@code crypto_pwhash_STRBYTES}: the size of the buffer for an encoded hash, NUL included. */
  public static final int CRYPTO_PWHASH_STRBYTES = 128;
  /** {@code crypto_pwhash_BYTES_MIN}. */
  public static final int CRYPTO_PWHASH_BYTES_MIN = 16;
  /** {@code crypto_pwhash_OPSLIMIT_MIN} (Argon2id). */
  public static final long CRYPTO_PWHASH_OPSLIMIT_MIN = 1;
  /** {@code crypto_pwhash_MEMLIMIT_MIN} (Argon2id), in bytes. */
  public static final long CRYPTO_PWHASH_MEMLIMIT_MIN = 8192;
  /** {@code crypto_pwhash_OPSLIMIT_INTERACTIVE}. */
  public static final long CRYPTO_PWHASH_OPSLIMIT_INTERACTIVE = 2;
  /** {@code crypto_pwhash_MEMLIMIT_INTERACTIVE}, in bytes (64 MiB). */
  public static final long CRYPTO_PWHASH_MEMLIMIT_INTERACTIVE = 67_108_864;
  /** {@code crypto_pwhash_OPSLIMIT_MODERATE}. */
  public static final long CRYPTO_PWHASH_OPSLIMIT_MODERATE = 3;
  /** {@code crypto_pwhash_MEMLIMIT_MODERATE}, in bytes (256 MiB). */
  public static final long CRYPTO_PWHASH_MEMLIMIT_MODERATE = 268_435_456;
  /** {@code crypto_pwhash_OPSLIMIT_SENSITIVE}. */
  public static final long CRYPTO_PWHASH_OPSLIMIT_SENSITIVE = 4;
  /** {@code crypto_pwhash_MEMLIMIT_SENSITIVE}, in bytes (1 GiB). */
  public static final long CRYPTO_PWHASH_MEMLIMIT_SENSITIVE = 1_073_741_824;
  /** {@code crypto_generichash_BYTES}. */
  public static final int CRYPTO_GENERICHASH_BYTES = 32;
  /** {@code crypto_generichash_BYTES_MIN}. */
  public static final int CRYPTO_GENERICHASH_BYTES_MIN = 16;
  /** {@code crypto_generichash_BYTES_MAX}. */
  public static final int CRYPTO_GENERICHASH_BYTES_MAX = 64;
  /** {@code crypto_generichash_KEYBYTES}. */
  public static final int CRYPTO_GENERICHASH_KEYBYTES = 32;
  /** {@code crypto_generichash_KEYBYTES_MIN}. */
  public static final int CRYPTO_GENERICHASH_KEYBYTES_MIN = 16;
  /** {@code crypto_generichash_KEYBYTES_MAX}. */
  public static final int CRYPTO_GENERICHASH_KEYBYTES_MAX = 64;
  /**
   * {@code crypto_generichash_statebytes()}: the size of a {@code crypto_generichash_state}.
   * libsodium declares the state 64-byte aligned: allocate it with {@code arena.allocate(384, 64)}.
   */
  public static final int CRYPTO_GENERICHASH_STATEBYTES = 384;
  /** {@code crypto_generichash_blake2b_SALTBYTES}. */
  public static final int CRYPTO_GENERICHASH_BLAKE2B_SALTBYTES = 16;
  /** {@code crypto_generichash_blake2b_PERSONALBYTES}. */
  public static final int CRYPTO_GENERICHASH_BLAKE2B_PERSONALBYTES = 16;
  /** {@code crypto_kdf_BYTES_MIN}. */
  public static final int CRYPTO_KDF_BYTES_MIN = 16;
  /** {@code crypto_kdf_BYTES_MAX}. */
  public static final int CRYPTO_KDF_BYTES_MAX = 64;
  /** {@code crypto_kdf_CONTEXTBYTES}. */
  public static final int CRYPTO_KDF_CONTEXTBYTES = 8;
  /** {@code crypto_kdf_KEYBYTES}. */
  public static final int CRYPTO_KDF_KEYBYTES = 32;
  /** {@code crypto_stream_xchacha20_KEYBYTES}. */
  public static final int CRYPTO_STREAM_XCHACHA20_KEYBYTES = 32;
  /** {@code crypto_stream_xchacha20_NONCEBYTES}. */
  public static final int CRYPTO_STREAM_XCHACHA20_NONCEBYTES = 24;

  private static final Sodium INSTANCE = new Sodium();

  private Sodium() {}

  /**
   * The bindings, loading and initializing libsodium on first use (later calls return at once).
   *
   * @throws NativeLibraryException if libsodium is not installed, or lacks a function bound here;
   *     the message names the names tried and the install command
   * @throws FfiException if native access is disabled, or {@code sodium_init()} failed
   */
  public static Sodium load() {
    RuntimeException failure = LoadState.FAILURE;
    if (failure != null) {
      throw failure instanceof NativeLibraryException missing
          ? missing.again()
          : new FfiException(failure.getMessage(), failure);
    }
    return INSTANCE;
  }

  /** Whether {@link #load} succeeds: libsodium is installed, complete and initialized. */
  public static boolean isAvailable() {
    return LoadState.FAILURE == null;
  }

  /** Why {@link #load} fails (its exception's message), or empty when libsodium is available. */
  public static Optional<String> unavailableReason() {
    return Optional.ofNullable(LoadState.FAILURE).map(Throwable::getMessage);
  }

  /**
   * The version of the libsodium that was loaded, such as {@code "1.0.18"}.
   *
   * @throws NativeLibraryException if libsodium is not installed
   */
  public static String version() {
    return load().sodiumVersionString();
  }

  /** The name or path libsodium was loaded as, such as {@code "libsodium.so.23"}. */
  public String loadedAs() {
    return SodiumHandles.LIBRARY.loadedAs();
  }

  /**
   * {@code int sodium_init(void)}: initializes libsodium. {@link #load} has already called it;
   * calling it again is harmless.
   *
   * @return 1 (already initialized), 0 (initialized now) or -1 (failed)
   */
  public int sodiumInit() {
    try {
      return (int) SODIUM_INIT.invokeExact();
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /** {@code const char *sodium_version_string(void)}, as a Java string. */
  @SuppressWarnings("restricted") // the C string is static and NUL-terminated: reading up to its NUL is safe
  public String sodiumVersionString() {
    try {
      MemorySegment version = (MemorySegment) SODIUM_VERSION_STRING.invokeExact();
      return NativeLibrary.restricted(() -> version.reinterpret(Integer.MAX_VALUE)).getString(0);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /** {@code void randombytes_buf(void *buf, size_t size)}: fills {@code size} bytes with random bytes. */
  public void randombytesBuf(MemorySegment buf, long size) {
    output(buf, length(size, "size"), "buf");
    try {
      RANDOMBYTES_BUF.invokeExact(buf, size);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /** {@code void sodium_memzero(void *pnt, size_t len)}: zeroes {@code len} bytes; never optimized away. */
  public void sodiumMemzero(MemorySegment pnt, long len) {
    output(pnt, length(len, "len"), "pnt");
    try {
      SODIUM_MEMZERO.invokeExact(pnt, len);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int sodium_memcmp(const void *b1_, const void *b2_, size_t len)}: compares in constant
   * time.
   *
   * @return 0 if the {@code len} bytes are equal, -1 otherwise
   */
  public int sodiumMemcmp(MemorySegment b1, MemorySegment b2, long len) {
    length(len, "len");
    input(b1, len, "b1");
    input(b2, len, "b2");
    try {
      return (int) SODIUM_MEMCMP.invokeExact(b1, b2, len);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_secretbox_easy(unsigned char *c, const unsigned char *m, unsigned long long
   * mlen, const unsigned char *n, const unsigned char *k)}: XSalsa20-Poly1305; writes the MAC
   * followed by the ciphertext, {@code mlen + 16} bytes, to {@code c}.
   *
   * @return 0, or -1 if {@code mlen} is too large
   */
  public int cryptoSecretboxEasy(MemorySegment c, MemorySegment m, long mlen, MemorySegment n, MemorySegment k) {
    input(m, length(mlen, "mlen"), "m");
    output(c, mlen + CRYPTO_SECRETBOX_MACBYTES, "c");
    input(n, CRYPTO_SECRETBOX_NONCEBYTES, "n");
    input(k, CRYPTO_SECRETBOX_KEYBYTES, "k");
    try {
      return (int) CRYPTO_SECRETBOX_EASY.invokeExact(c, m, mlen, n, k);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_secretbox_open_easy(unsigned char *m, const unsigned char *c, unsigned long
   * long clen, const unsigned char *n, const unsigned char *k)}: verifies and decrypts {@code clen}
   * bytes (MAC first) into {@code clen - 16} bytes of {@code m}.
   *
   * @return 0, or -1 if the MAC does not verify or {@code clen < 16}
   */
  public int cryptoSecretboxOpenEasy(MemorySegment m, MemorySegment c, long clen, MemorySegment n, MemorySegment k) {
    input(c, length(clen, "clen"), "c");
    output(m, Math.max(0, clen - CRYPTO_SECRETBOX_MACBYTES), "m");
    input(n, CRYPTO_SECRETBOX_NONCEBYTES, "n");
    input(k, CRYPTO_SECRETBOX_KEYBYTES, "k");
    try {
      return (int) CRYPTO_SECRETBOX_OPEN_EASY.invokeExact(m, c, clen, n, k);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_secretbox_detached(unsigned char *c, unsigned char *mac, const unsigned char
   * *m, unsigned long long mlen, const unsigned char *n, const unsigned char *k)}: writes {@code mlen}
   * bytes of ciphertext to {@code c} and the 16-byte MAC to {@code mac}.
   *
   * @return 0, or -1 if {@code mlen} is too large
   */
  public int cryptoSecretboxDetached(MemorySegment c, MemorySegment mac, MemorySegment m, long mlen, MemorySegment n,
      MemorySegment k) {
    input(m, length(mlen, "mlen"), "m");
    output(c, mlen, "c");
    output(mac, CRYPTO_SECRETBOX_MACBYTES, "mac");
    input(n, CRYPTO_SECRETBOX_NONCEBYTES, "n");
    input(k, CRYPTO_SECRETBOX_KEYBYTES, "k");
    try {
      return (int) CRYPTO_SECRETBOX_DETACHED.invokeExact(c, mac, m, mlen, n, k);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_secretbox_open_detached(unsigned char *m, const unsigned char *c, const unsigned
   * char *mac, unsigned long long clen, const unsigned char *n, const unsigned char *k)}: verifies
   * {@code mac} and decrypts {@code clen} bytes into {@code m}.
   *
   * @return 0, or -1 if the MAC does not verify
   */
  public int cryptoSecretboxOpenDetached(MemorySegment m, MemorySegment c, MemorySegment mac, long clen,
      MemorySegment n, MemorySegment k) {
    input(c, length(clen, "clen"), "c");
    output(m, clen, "m");
    input(mac, CRYPTO_SECRETBOX_MACBYTES, "mac");
    input(n, CRYPTO_SECRETBOX_NONCEBYTES, "n");
    input(k, CRYPTO_SECRETBOX_KEYBYTES, "k");
    try {
      return (int) CRYPTO_SECRETBOX_OPEN_DETACHED.invokeExact(m, c, mac, clen, n, k);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_box_keypair(unsigned char *pk, unsigned char *sk)}: a random X25519 key pair.
   *
   * @return 0
   */
  public int cryptoBoxKeypair(MemorySegment pk, MemorySegment sk) {
    output(pk, CRYPTO_BOX_PUBLICKEYBYTES, "pk");
    output(sk, CRYPTO_BOX_SECRETKEYBYTES, "sk");
    try {
      return (int) CRYPTO_BOX_KEYPAIR.invokeExact(pk, sk);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_box_seed_keypair(unsigned char *pk, unsigned char *sk, const unsigned char
   * *seed)}: the X25519 key pair derived from a 32-byte seed ({@code sk} is the first 32 bytes of
   * SHA-512(seed)).
   *
   * @return 0
   */
  public int cryptoBoxSeedKeypair(MemorySegment pk, MemorySegment sk, MemorySegment seed) {
    output(pk, CRYPTO_BOX_PUBLICKEYBYTES, "pk");
    output(sk, CRYPTO_BOX_SECRETKEYBYTES, "sk");
    input(seed, CRYPTO_BOX_SEEDBYTES, "seed");
    try {
      return (int) CRYPTO_BOX_SEED_KEYPAIR.invokeExact(pk, sk, seed);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_box_easy(unsigned char *c, const unsigned char *m, unsigned long long mlen,
   * const unsigned char *n, const unsigned char *pk, const unsigned char *sk)}: X25519 +
   * XSalsa20-Poly1305 from {@code sk} to {@code pk}; writes {@code mlen + 16} bytes (MAC first).
   *
   * @return 0, or -1 if {@code pk} is a weak key or {@code mlen} is too large
   */
  public int cryptoBoxEasy(MemorySegment c, MemorySegment m, long mlen, MemorySegment n, MemorySegment pk,
      MemorySegment sk) {
    input(m, length(mlen, "mlen"), "m");
    output(c, mlen + CRYPTO_BOX_MACBYTES, "c");
    input(n, CRYPTO_BOX_NONCEBYTES, "n");
    input(pk, CRYPTO_BOX_PUBLICKEYBYTES, "pk");
    input(sk, CRYPTO_BOX_SECRETKEYBYTES, "sk");
    try {
      return (int) CRYPTO_BOX_EASY.invokeExact(c, m, mlen, n, pk, sk);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_box_open_easy(unsigned char *m, const unsigned char *c, unsigned long long
   * clen, const unsigned char *n, const unsigned char *pk, const unsigned char *sk)}: verifies and
   * decrypts {@code clen} bytes from {@code pk} to {@code sk} into {@code clen - 16} bytes of {@code m}.
   *
   * @return 0, or -1 if the MAC does not verify, {@code pk} is weak or {@code clen < 16}
   */
  public int cryptoBoxOpenEasy(MemorySegment m, MemorySegment c, long clen, MemorySegment n, MemorySegment pk,
      MemorySegment sk) {
    input(c, length(clen, "clen"), "c");
    output(m, Math.max(0, clen - CRYPTO_BOX_MACBYTES), "m");
    input(n, CRYPTO_BOX_NONCEBYTES, "n");
    input(pk, CRYPTO_BOX_PUBLICKEYBYTES, "pk");
    input(sk, CRYPTO_BOX_SECRETKEYBYTES, "sk");
    try {
      return (int) CRYPTO_BOX_OPEN_EASY.invokeExact(m, c, clen, n, pk, sk);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_box_seal(unsigned char *c, const unsigned char *m, unsigned long long mlen,
   * const unsigned char *pk)}: anonymous encryption to {@code pk}; writes {@code mlen + 48} bytes
   * (ephemeral public key, MAC, ciphertext).
   *
   * @return 0, or -1 if {@code pk} is a weak key
   */
  public int cryptoBoxSeal(MemorySegment c, MemorySegment m, long mlen, MemorySegment pk) {
    input(m, length(mlen, "mlen"), "m");
    output(c, mlen + CRYPTO_BOX_SEALBYTES, "c");
    input(pk, CRYPTO_BOX_PUBLICKEYBYTES, "pk");
    try {
      return (int) CRYPTO_BOX_SEAL.invokeExact(c, m, mlen, pk);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_box_seal_open(unsigned char *m, const unsigned char *c, unsigned long long
   * clen, const unsigned char *pk, const unsigned char *sk)}: opens a sealed box into
   * {@code clen - 48} bytes of {@code m}.
   *
   * @return 0, or -1 if it does not verify or {@code clen < 48}
   */
  public int cryptoBoxSealOpen(MemorySegment m, MemorySegment c, long clen, MemorySegment pk, MemorySegment sk) {
    input(c, length(clen, "clen"), "c");
    output(m, Math.max(0, clen - CRYPTO_BOX_SEALBYTES), "m");
    input(pk, CRYPTO_BOX_PUBLICKEYBYTES, "pk");
    input(sk, CRYPTO_BOX_SECRETKEYBYTES, "sk");
    try {
      return (int) CRYPTO_BOX_SEAL_OPEN.invokeExact(m, c, clen, pk, sk);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_scalarmult_base(unsigned char *q, const unsigned char *n)}: the X25519 public
   * key {@code q} of the secret scalar {@code n}.
   *
   * @return 0, or -1 if the result is all zeros
   */
  public int cryptoScalarmultBase(MemorySegment q, MemorySegment n) {
    output(q, CRYPTO_SCALARMULT_BYTES, "q");
    input(n, CRYPTO_SCALARMULT_SCALARBYTES, "n");
    try {
      return (int) CRYPTO_SCALARMULT_BASE.invokeExact(q, n);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_sign_keypair(unsigned char *pk, unsigned char *sk)}: a random Ed25519 key pair
   * ({@code sk} is 64 bytes: seed, then public key).
   *
   * @return 0
   */
  public int cryptoSignKeypair(MemorySegment pk, MemorySegment sk) {
    output(pk, CRYPTO_SIGN_PUBLICKEYBYTES, "pk");
    output(sk, CRYPTO_SIGN_SECRETKEYBYTES, "sk");
    try {
      return (int) CRYPTO_SIGN_KEYPAIR.invokeExact(pk, sk);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_sign_seed_keypair(unsigned char *pk, unsigned char *sk, const unsigned char
   * *seed)}: the Ed25519 key pair of a 32-byte seed (RFC 8032 private key).
   *
   * @return 0
   */
  public int cryptoSignSeedKeypair(MemorySegment pk, MemorySegment sk, MemorySegment seed) {
    output(pk, CRYPTO_SIGN_PUBLICKEYBYTES, "pk");
    output(sk, CRYPTO_SIGN_SECRETKEYBYTES, "sk");
    input(seed, CRYPTO_SIGN_SEEDBYTES, "seed");
    try {
      return (int) CRYPTO_SIGN_SEED_KEYPAIR.invokeExact(pk, sk, seed);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_sign_detached(unsigned char *sig, unsigned long long *siglen_p, const unsigned
   * char *m, unsigned long long mlen, const unsigned char *sk)}: the 64-byte Ed25519 signature of
   * {@code mlen} bytes of {@code m}. {@code siglenP} receives 64 as an unsigned 64-bit integer, or is
   * {@link MemorySegment#NULL}.
   *
   * @return 0
   */
  public int cryptoSignDetached(MemorySegment sig, MemorySegment siglenP, MemorySegment m, long mlen,
      MemorySegment sk) {
    input(m, length(mlen, "mlen"), "m");
    output(sig, CRYPTO_SIGN_BYTES, "sig");
    optionalOutput(siglenP, Long.BYTES, "siglenP");
    input(sk, CRYPTO_SIGN_SECRETKEYBYTES, "sk");
    try {
      return (int) CRYPTO_SIGN_DETACHED.invokeExact(sig, siglenP, m, mlen, sk);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_sign_verify_detached(const unsigned char *sig, const unsigned char *m,
   * unsigned long long mlen, const unsigned char *pk)}: verifies a 64-byte Ed25519 signature
   * (rejecting non-canonical and small-order encodings, as libsodium does).
   *
   * @return 0 if the signature is valid, -1 otherwise
   */
  public int cryptoSignVerifyDetached(MemorySegment sig, MemorySegment m, long mlen, MemorySegment pk) {
    input(sig, CRYPTO_SIGN_BYTES, "sig");
    input(m, length(mlen, "mlen"), "m");
    input(pk, CRYPTO_SIGN_PUBLICKEYBYTES, "pk");
    try {
      return (int) CRYPTO_SIGN_VERIFY_DETACHED.invokeExact(sig, m, mlen, pk);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_sign(unsigned char *sm, unsigned long long *smlen_p, const unsigned char *m,
   * unsigned long long mlen, const unsigned char *sk)}: writes the signature followed by the message,
   * {@code mlen + 64} bytes, to {@code sm}; {@code smlenP} receives that length (unsigned 64-bit), or is
   * {@link MemorySegment#NULL}.
   *
   * @return 0, or -1 if {@code mlen} is too large
   */
  public int cryptoSign(MemorySegment sm, MemorySegment smlenP, MemorySegment m, long mlen, MemorySegment sk) {
    input(m, length(mlen, "mlen"), "m");
    output(sm, mlen + CRYPTO_SIGN_BYTES, "sm");
    optionalOutput(smlenP, Long.BYTES, "smlenP");
    input(sk, CRYPTO_SIGN_SECRETKEYBYTES, "sk");
    try {
      return (int) CRYPTO_SIGN.invokeExact(sm, smlenP, m, mlen, sk);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_sign_open(unsigned char *m, unsigned long long *mlen_p, const unsigned char
   * *sm, unsigned long long smlen, const unsigned char *pk)}: verifies a signed message and writes
   * its {@code smlen - 64} message bytes to {@code m} (which may be {@link MemorySegment#NULL} to
   * only verify); {@code mlenP} receives that length, or is {@link MemorySegment#NULL}.
   *
   * @return 0 if the signature is valid, -1 otherwise
   */
  public int cryptoSignOpen(MemorySegment m, MemorySegment mlenP, MemorySegment sm, long smlen, MemorySegment pk) {
    input(sm, length(smlen, "smlen"), "sm");
    optionalOutput(m, Math.max(0, smlen - CRYPTO_SIGN_BYTES), "m");
    optionalOutput(mlenP, Long.BYTES, "mlenP");
    input(pk, CRYPTO_SIGN_PUBLICKEYBYTES, "pk");
    try {
      return (int) CRYPTO_SIGN_OPEN.invokeExact(m, mlenP, sm, smlen, pk);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_sign_ed25519_sk_to_pk(unsigned char *pk, const unsigned char *sk)}: copies the
   * public key out of a 64-byte Ed25519 secret key.
   *
   * @return 0
   */
  public int cryptoSignEd25519SkToPk(MemorySegment pk, MemorySegment sk) {
    output(pk, CRYPTO_SIGN_PUBLICKEYBYTES, "pk");
    input(sk, CRYPTO_SIGN_SECRETKEYBYTES, "sk");
    try {
      return (int) CRYPTO_SIGN_ED25519_SK_TO_PK.invokeExact(pk, sk);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_pwhash(unsigned char *out, unsigned long long outlen, const char *passwd,
   * unsigned long long passwdlen, const unsigned char *salt, unsigned long long opslimit, size_t
   * memlimit, int alg)}: derives {@code outlen} bytes from a password with Argon2 ({@code alg}
   * {@link #CRYPTO_PWHASH_ALG_ARGON2ID13} or {@link #CRYPTO_PWHASH_ALG_ARGON2I13}). Slow by design;
   * native segments only.
   *
   * @return 0, or -1 if a limit is out of range or memory could not be allocated
   */
  public int cryptoPwhash(MemorySegment out, long outlen, MemorySegment passwd, long passwdlen, MemorySegment salt,
      long opslimit, long memlimit, int alg) {
    output(out, length(outlen, "outlen"), "out");
    input(passwd, length(passwdlen, "passwdlen"), "passwd");
    input(salt, CRYPTO_PWHASH_SALTBYTES, "salt");
    length(opslimit, "opslimit");
    length(memlimit, "memlimit");
    try {
      return (int) CRYPTO_PWHASH.invokeExact(out, outlen, passwd, passwdlen, salt, opslimit, memlimit, alg);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_pwhash_str_alg(char out[crypto_pwhash_STRBYTES], const char *passwd, unsigned
   * long long passwdlen, unsigned long long opslimit, size_t memlimit, int alg)}: hashes a password
   * with a random salt into a NUL-terminated ASCII string such as {@code $argon2id$v=19$m=65536,t=2,p=1$...}
   * in {@code out} (at least 128 bytes). Slow by design; native segments only.
   *
   * @return 0, or -1 if a limit is out of range or memory could not be allocated
   */
  public int cryptoPwhashStrAlg(MemorySegment out, MemorySegment passwd, long passwdlen, long opslimit, long memlimit,
      int alg) {
    output(out, CRYPTO_PWHASH_STRBYTES, "out");
    input(passwd, length(passwdlen, "passwdlen"), "passwd");
    length(opslimit, "opslimit");
    length(memlimit, "memlimit");
    try {
      return (int) CRYPTO_PWHASH_STR_ALG.invokeExact(out, passwd, passwdlen, opslimit, memlimit, alg);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_pwhash_str_verify(const char *str, const char *passwd, unsigned long long
   * passwdlen)}: checks a password against a hash string, which must be NUL-terminated within
   * {@code str}. Slow by design; native segments only.
   *
   * @return 0 if the password matches, -1 otherwise (also for a malformed string)
   */
  public int cryptoPwhashStrVerify(MemorySegment str, MemorySegment passwd, long passwdlen) {
    terminated(str, "str");
    input(passwd, length(passwdlen, "passwdlen"), "passwd");
    try {
      return (int) CRYPTO_PWHASH_STR_VERIFY.invokeExact(str, passwd, passwdlen);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_pwhash_str_needs_rehash(const char *str, unsigned long long opslimit, size_t
   * memlimit)}: whether a hash string was made with other parameters (NUL-terminated within
   * {@code str}).
   *
   * @return 0 if it matches the limits, 1 if it should be rehashed, -1 if it is malformed
   */
  public int cryptoPwhashStrNeedsRehash(MemorySegment str, long opslimit, long memlimit) {
    terminated(str, "str");
    length(opslimit, "opslimit");
    length(memlimit, "memlimit");
    try {
      return (int) CRYPTO_PWHASH_STR_NEEDS_REHASH.invokeExact(str, opslimit, memlimit);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_generichash(unsigned char *out, size_t outlen, const unsigned char *in, unsigned
   * long long inlen, const unsigned char *key, size_t keylen)}: BLAKE2b of {@code inlen} bytes,
   * {@code outlen} (16..64) bytes long, keyed when {@code keylen > 0} ({@code key} may be
   * {@link MemorySegment#NULL} when {@code keylen} is 0).
   *
   * @return 0, or -1 if {@code outlen} or {@code keylen} is out of range
   */
  public int cryptoGenerichash(MemorySegment out, long outlen, MemorySegment in, long inlen, MemorySegment key,
      long keylen) {
    output(out, length(outlen, "outlen"), "out");
    input(in, length(inlen, "inlen"), "in");
    input(key, length(keylen, "keylen"), "key");
    try {
      return (int) CRYPTO_GENERICHASH.invokeExact(out, outlen, in, inlen, key, keylen);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /** {@code size_t crypto_generichash_statebytes(void)}: the size of the hashing state (384). */
  public long cryptoGenerichashStatebytes() {
    try {
      return (long) SodiumHandles.CRYPTO_GENERICHASH_STATEBYTES.invokeExact();
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_generichash_init(crypto_generichash_state *state, const unsigned char *key,
   * const size_t keylen, const size_t outlen)}: starts an incremental BLAKE2b in {@code state}
   * ({@link #CRYPTO_GENERICHASH_STATEBYTES} bytes, best 64-byte aligned).
   *
   * @return 0, or -1 if {@code outlen} or {@code keylen} is out of range
   */
  public int cryptoGenerichashInit(MemorySegment state, MemorySegment key, long keylen, long outlen) {
    output(state, CRYPTO_GENERICHASH_STATEBYTES, "state");
    input(key, length(keylen, "keylen"), "key");
    length(outlen, "outlen");
    try {
      return (int) CRYPTO_GENERICHASH_INIT.invokeExact(state, key, keylen, outlen);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_generichash_update(crypto_generichash_state *state, const unsigned char *in,
   * unsigned long long inlen)}: absorbs {@code inlen} bytes.
   *
   * @return 0
   */
  public int cryptoGenerichashUpdate(MemorySegment state, MemorySegment in, long inlen) {
    output(state, CRYPTO_GENERICHASH_STATEBYTES, "state");
    input(in, length(inlen, "inlen"), "in");
    try {
      return (int) CRYPTO_GENERICHASH_UPDATE.invokeExact(state, in, inlen);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_generichash_final(crypto_generichash_state *state, unsigned char *out, const
   * size_t outlen)}: writes the hash ({@code outlen} must equal the length given to init).
   *
   * @return 0, or -1 if {@code outlen} differs or the state was already finalized
   */
  public int cryptoGenerichashFinal(MemorySegment state, MemorySegment out, long outlen) {
    output(state, CRYPTO_GENERICHASH_STATEBYTES, "state");
    output(out, length(outlen, "outlen"), "out");
    try {
      return (int) CRYPTO_GENERICHASH_FINAL.invokeExact(state, out, outlen);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_generichash_blake2b_salt_personal(unsigned char *out, size_t outlen, const
   * unsigned char *in, unsigned long long inlen, const unsigned char *key, size_t keylen, const
   * unsigned char *salt, const unsigned char *personal)}: BLAKE2b with a 16-byte salt and a 16-byte
   * personalization, either of which may be {@link MemorySegment#NULL} (all zeros).
   *
   * @return 0, or -1 if {@code outlen} or {@code keylen} is out of range
   */
  public int cryptoGenerichashBlake2bSaltPersonal(MemorySegment out, long outlen, MemorySegment in, long inlen,
      MemorySegment key, long keylen, MemorySegment salt, MemorySegment personal) {
    output(out, length(outlen, "outlen"), "out");
    input(in, length(inlen, "inlen"), "in");
    input(key, length(keylen, "keylen"), "key");
    optionalInput(salt, CRYPTO_GENERICHASH_BLAKE2B_SALTBYTES, "salt");
    optionalInput(personal, CRYPTO_GENERICHASH_BLAKE2B_PERSONALBYTES, "personal");
    try {
      return (int) CRYPTO_GENERICHASH_BLAKE2B_SALT_PERSONAL.invokeExact(out, outlen, in, inlen, key, keylen, salt,
          personal);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_generichash_blake2b_init_salt_personal(crypto_generichash_blake2b_state *state,
   * const unsigned char *key, const size_t keylen, const size_t outlen, const unsigned char *salt,
   * const unsigned char *personal)}: starts an incremental salted, personalized BLAKE2b; continue
   * with {@link #cryptoGenerichashUpdate} and {@link #cryptoGenerichashFinal}.
   *
   * @return 0, or -1 if {@code outlen} or {@code keylen} is out of range
   */
  public int cryptoGenerichashBlake2bInitSaltPersonal(MemorySegment state, MemorySegment key, long keylen,
      long outlen, MemorySegment salt, MemorySegment personal) {
    output(state, CRYPTO_GENERICHASH_STATEBYTES, "state");
    input(key, length(keylen, "keylen"), "key");
    length(outlen, "outlen");
    optionalInput(salt, CRYPTO_GENERICHASH_BLAKE2B_SALTBYTES, "salt");
    optionalInput(personal, CRYPTO_GENERICHASH_BLAKE2B_PERSONALBYTES, "personal");
    try {
      return (int) CRYPTO_GENERICHASH_BLAKE2B_INIT_SALT_PERSONAL.invokeExact(state, key, keylen, outlen, salt,
          personal);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_kdf_derive_from_key(unsigned char *subkey, size_t subkey_len, uint64_t
   * subkey_id, const char ctx[crypto_kdf_CONTEXTBYTES], const unsigned char
   * key[crypto_kdf_KEYBYTES])}: the subkey number {@code subkeyId} (unsigned) of a 32-byte master
   * key, in an 8-byte context.
   *
   * @return 0, or -1 if {@code subkeyLen} is outside 16..64
   */
  public int cryptoKdfDeriveFromKey(MemorySegment subkey, long subkeyLen, long subkeyId, MemorySegment ctx,
      MemorySegment key) {
    output(subkey, length(subkeyLen, "subkeyLen"), "subkey");
    input(ctx, CRYPTO_KDF_CONTEXTBYTES, "ctx");
    input(key, CRYPTO_KDF_KEYBYTES, "key");
    try {
      return (int) CRYPTO_KDF_DERIVE_FROM_KEY.invokeExact(subkey, subkeyLen, subkeyId, ctx, key);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  /**
   * {@code int crypto_stream_xchacha20_xor(unsigned char *c, const unsigned char *m, unsigned long
   * long mlen, const unsigned char *n, const unsigned char *k)}: XORs {@code mlen} bytes with the
   * XChaCha20 key stream of a 24-byte nonce and a 32-byte key (no authentication).
   *
   * @return 0
   */
  public int cryptoStreamXchacha20Xor(MemorySegment c, MemorySegment m, long mlen, MemorySegment n, MemorySegment k) {
    input(m, length(mlen, "mlen"), "m");
    output(c, mlen, "c");
    input(n, CRYPTO_STREAM_XCHACHA20_NONCEBYTES, "n");
    input(k, CRYPTO_STREAM_XCHACHA20_KEYBYTES, "k");
    try {
      return (int) CRYPTO_STREAM_XCHACHA20_XOR.invokeExact(c, m, mlen, n, k);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  @Override
  public String toString() {
    return "Sodium[" + SodiumHandles.LIBRARY + "]";
  }

  // ---- checks shared by the bindings ---------------------------------------------------------

  private static long length(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
    return value;
  }

  private static void input(MemorySegment segment, long bytes, String name) {
    if (segment == null) {
      throw new NullPointerException(name);
    }
    if (segment.byteSize() < bytes) {
      throw new IllegalArgumentException(name + " must hold at least " + bytes + " bytes, was " + segment.byteSize());
    }
  }

  private static void output(MemorySegment segment, long bytes, String name) {
    input(segment, bytes, name);
    if (segment.isReadOnly()) {
      throw new IllegalArgumentException(name + " must be writable, was read-only");
    }
  }

  private static boolean isNull(MemorySegment segment) {
    return segment != null && segment.isNative() && segment.address() == 0;
  }

  private static void optionalInput(MemorySegment segment, long bytes, String name) {
    if (!isNull(segment)) {
      input(segment, bytes, name);
    }
  }

  private static void optionalOutput(MemorySegment segment, long bytes, String name) {
    if (!isNull(segment)) {
      output(segment, bytes, name);
    }
  }

  /** libsodium reads a C string up to its NUL: make sure that NUL lies inside the segment. */
  private static void terminated(MemorySegment segment, String name) {
    if (segment == null) {
      throw new NullPointerException(name);
    }
    long size = segment.byteSize();
    for (long i = 0; i < size; i++) {
      if (segment.get(java.lang.foreign.ValueLayout.JAVA_BYTE, i) == 0) {
        return;
      }
    }
    throw new IllegalArgumentException(name + " must be NUL-terminated within its " + size + " bytes");
  }

  /** Rethrows what a downcall threw: an unchecked exception as it is, anything else wrapped. */
  static RuntimeException unchecked(Throwable t) {
    if (t instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (t instanceof Error error) {
      throw error;
    }
    throw new FfiException("native call failed: " + t, t);
  }

  /** Loads libsodium once, remembering why it failed so every later call reports the same reason. */
  private static final class LoadState {
    static final RuntimeException FAILURE = probe();

    private static RuntimeException probe() {
      try {
        int initResult = SodiumHandles.INIT_RESULT;
        assert initResult >= 0;
        return null;
      } catch (ExceptionInInitializerError e) {
        return e.getCause() instanceof RuntimeException cause
            ? cause
            : new FfiException("libsodium failed to initialize: " + e.getCause(), e.getCause());
      }
    }
  }
}
