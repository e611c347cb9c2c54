package dev.architect.ffi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.invoke.MethodHandle;

/**
 * The libsodium downcall handles, created once when this class initializes. They are static finals so
 * the JIT treats them as constants and inlines the calls. Initialization fails (and {@link Sodium}
 * reports why) when the library or one of its symbols is missing.
 *
 * <p>Short functions are linked {@code critical}: they accept heap segments and skip the thread-state
 * transition; such a call holds off garbage collection while it runs. The slow password hashing
 * functions and {@code sodium_init} are linked normally and need native segments.
 */
final class SodiumHandles {
  private SodiumHandles() {}

  static final NativeLibrary LIBRARY = NativeLibrary.load(SodiumLocation.NAME, SodiumLocation.candidates(),
      SodiumLocation.installHint());

  private static final MemoryLayout SIZE_T = JAVA_LONG;
  private static final MemoryLayout ULL = JAVA_LONG;
  private static final Linker.Option CRITICAL = Linker.Option.critical(true);

  static final MethodHandle SODIUM_INIT = normal("sodium_init", FunctionDescriptor.of(JAVA_INT));
  static final MethodHandle SODIUM_VERSION_STRING = normal("sodium_version_string", FunctionDescriptor.of(ADDRESS));
  static final MethodHandle RANDOMBYTES_BUF = critical("randombytes_buf", FunctionDescriptor.ofVoid(ADDRESS, SIZE_T));
  static final MethodHandle SODIUM_MEMZERO = critical("sodium_memzero", FunctionDescriptor.ofVoid(ADDRESS, SIZE_T));
  static final MethodHandle SODIUM_MEMCMP = critical("sodium_memcmp",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, SIZE_T));

  static final MethodHandle CRYPTO_SECRETBOX_EASY = critical("crypto_secretbox_easy",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ULL, ADDRESS, ADDRESS));
  static final MethodHandle CRYPTO_SECRETBOX_OPEN_EASY = critical("crypto_secretbox_open_easy",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ULL, ADDRESS, ADDRESS));
  static final MethodHandle CRYPTO_SECRETBOX_DETACHED = critical("crypto_secretbox_detached",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ULL, ADDRESS, ADDRESS));
  static final MethodHandle CRYPTO_SECRETBOX_OPEN_DETACHED = critical("crypto_secretbox_open_detached",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ULL, ADDRESS, ADDRESS));

  static final MethodHandle CRYPTO_BOX_KEYPAIR = critical("crypto_box_keypair",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
  static final MethodHandle CRYPTO_BOX_SEED_KEYPAIR = critical("crypto_box_seed_keypair",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
  static final MethodHandle CRYPTO_BOX_EASY = critical("crypto_box_easy",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ULL, ADDRESS, ADDRESS, ADDRESS));
  static final MethodHandle CRYPTO_BOX_OPEN_EASY = critical("crypto_box_open_easy",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ULL, ADDRESS, ADDRESS, ADDRESS));
  static final MethodHandle CRYPTO_BOX_SEAL = critical("crypto_box_seal",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ULL, ADDRESS));
  static final MethodHandle CRYPTO_BOX_SEAL_OPEN = critical("crypto_box_seal_open",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ULL, ADDRESS, ADDRESS));
  static final MethodHandle CRYPTO_SCALARMULT_BASE = critical("crypto_scalarmult_base",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));

  static final MethodHandle CRYPTO_SIGN_KEYPAIR = critical("crypto_sign_keypair",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
  static final MethodHandle CRYPTO_SIGN_SEED_KEYPAIR = critical("crypto_sign_seed_keypair",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
  static final MethodHandle CRYPTO_SIGN_DETACHED = critical("crypto_sign_detached",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ULL, ADDRESS));
  static final MethodHandle CRYPTO_SIGN_VERIFY_DETACHED = critical("crypto_sign_verify_detached",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ULL, ADDRESS));
  static final MethodHandle CRYPTO_SIGN = critical("crypto_sign",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ULL, ADDRESS));
  static final MethodHandle CRYPTO_SIGN_OPEN = critical("crypto_sign_open",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ULL, ADDRESS));
  static final MethodHandle CRYPTO_SIGN_ED25519_SK_TO_PK = critical("crypto_sign_ed25519_sk_to_pk",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));

  static final MethodHandle CRYPTO_PWHASH = normal("crypto_pwhash",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ULL, ADDRESS, ULL, ADDRESS, ULL, SIZE_T, JAVA_INT));
  static final MethodHandle CRYPTO_PWHASH_STR_ALG = normal("crypto_pwhash_str_alg",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ULL, ULL, SIZE_T, JAVA_INT));
  static final MethodHandle CRYPTO_PWHASH_STR_VERIFY = normal("crypto_pwhash_str_verify",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ULL));
  static final MethodHandle CRYPTO_PWHASH_STR_NEEDS_REHASH = critical("crypto_pwhash_str_needs_rehash",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ULL, SIZE_T));

  static final MethodHandle CRYPTO_GENERICHASH = critical("crypto_generichash",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, SIZE_T, ADDRESS, ULL, ADDRESS, SIZE_T));
  static final MethodHandle CRYPTO_GENERICHASH_STATEBYTES = critical("crypto_generichash_statebytes",
      FunctionDescriptor.of(SIZE_T));
  static final MethodHandle CRYPTO_GENERICHASH_INIT = critical("crypto_generichash_init",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, SIZE_T, SIZE_T));
  static final MethodHandle CRYPTO_GENERICHASH_UPDATE = critical("crypto_generichash_update",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ULL));
  static final MethodHandle CRYPTO_GENERICHASH_FINAL = critical("crypto_generichash_final",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, SIZE_T));
  static final MethodHandle CRYPTO_GENERICHASH_BLAKE2B_SALT_PERSONAL = critical(
      "crypto_generichash_blake2b_salt_personal",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, SIZE_T, ADDRESS, ULL, ADDRESS, SIZE_T, ADDRESS, ADDRESS));
  static final MethodHandle CRYPTO_GENERICHASH_BLAKE2B_INIT_SALT_PERSONAL = critical(
      "crypto_generichash_blake2b_init_salt_personal",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, SIZE_T, SIZE_T, ADDRESS, ADDRESS));

  static final MethodHandle CRYPTO_KDF_DERIVE_FROM_KEY = critical("crypto_kdf_derive_from_key",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, SIZE_T, JAVA_LONG, ADDRESS, ADDRESS));
  static final MethodHandle CRYPTO_STREAM_XCHACHA20_XOR = critical("crypto_stream_xchacha20_xor",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ULL, ADDRESS, ADDRESS));

  /** The result of {@code sodium_init()} when this class initialized: 0 (initialized) or 1 (already was). */
  static final int INIT_RESULT = init();

  private static int init() {
    int result;
    try {
      result = (int) SODIUM_INIT.invokeExact();
    } catch (Throwable t) {
      throw Sodium.unchecked(t);
    }
    if (result < 0) {
      throw new FfiException("sodium_init() failed with " + result + " (" + LIBRARY + ")");
    }
    return result;
  }

  private static MethodHandle critical(String symbol, FunctionDescriptor descriptor) {
    return LIBRARY.downcall(symbol, descriptor, CRITICAL);
  }

  private static MethodHandle normal(String symbol, FunctionDescriptor descriptor) {
    return LIBRARY.downcall(symbol, descriptor);
  }
}
