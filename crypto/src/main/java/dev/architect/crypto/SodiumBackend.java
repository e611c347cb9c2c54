package dev.architect.crypto;

import dev.architect.ffi.Sodium;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * The libsodium backend: each operation is the libsodium function of the same name, through
 * {@link Sodium}. Arrays are passed as heap segments (the bindings are critical functions, so no
 * copy); only the password functions, which must not hold up the garbage collector, copy their
 * inputs to native memory (zeroed afterwards).
 */
final class SodiumBackend implements CryptoBackend {
  private final Sodium sodium;

  SodiumBackend(Sodium sodium) {
    this.sodium = sodium;
  }

  private static MemorySegment of(byte[] bytes) {
    return MemorySegment.ofArray(bytes);
  }

  private static void check(int result, String function) {
    if (result != 0) {
      throw new CryptoException(function + " failed (returned " + result + ")");
    }
  }

  @Override
  public Backend kind() {
    return Backend.SODIUM;
  }

  @Override
  public void randomBytes(byte[] out) {
    sodium.randombytesBuf(of(out), out.length);
  }

  @Override
  public void secretboxEasy(byte[] c, byte[] m, byte[] n, MemorySegment k) {
    check(sodium.cryptoSecretboxEasy(of(c), of(m), m.length, of(n), k), "crypto_secretbox_easy");
  }

  @Override
  public boolean secretboxOpenEasy(byte[] m, byte[] c, byte[] n, MemorySegment k) {
    return sodium.cryptoSecretboxOpenEasy(of(m), of(c), c.length, of(n), k) == 0;
  }

  @Override
  public void secretboxDetached(byte[] c, byte[] mac, byte[] m, byte[] n, MemorySegment k) {
    check(sodium.cryptoSecretboxDetached(of(c), of(mac), of(m), m.length, of(n), k), "crypto_secretbox_detached");
  }

  @Override
  public boolean secretboxOpenDetached(byte[] m, byte[] c, byte[] mac, byte[] n, MemorySegment k) {
    return sodium.cryptoSecretboxOpenDetached(of(m), of(c), of(mac), c.length, of(n), k) == 0;
  }

  @Override
  public void boxKeypair(byte[] pk, MemorySegment sk) {
    check(sodium.cryptoBoxKeypair(of(pk), sk), "crypto_box_keypair");
  }

  @Override
  public void scalarmultBase(byte[] q, MemorySegment n) {
    check(sodium.cryptoScalarmultBase(of(q), n), "crypto_scalarmult_base");
  }

  @Override
  public boolean boxEasy(byte[] c, byte[] m, byte[] n, byte[] pk, MemorySegment sk) {
    return sodium.cryptoBoxEasy(of(c), of(m), m.length, of(n), of(pk), sk) == 0;
  }

  @Override
  public boolean boxOpenEasy(byte[] m, byte[] c, byte[] n, byte[] pk, MemorySegment sk) {
    return sodium.cryptoBoxOpenEasy(of(m), of(c), c.length, of(n), of(pk), sk) == 0;
  }

  @Override
  public boolean boxSeal(byte[] c, byte[] m, byte[] pk) {
    return sodium.cryptoBoxSeal(of(c), of(m), m.length, of(pk)) == 0;
  }

  @Override
  public boolean boxSealOpen(byte[] m, byte[] c, byte[] pk, MemorySegment sk) {
    return sodium.cryptoBoxSealOpen(of(m), of(c), c.length, of(pk), sk) == 0;
  }

  @Override
  public void signSeedKeypair(byte[] pk, MemorySegment sk, MemorySegment seed) {
    check(sodium.cryptoSignSeedKeypair(of(pk), sk, seed), "crypto_sign_seed_keypair");
  }

  @Override
  public void signDetached(byte[] sig, byte[] m, MemorySegment sk) {
    check(sodium.cryptoSignDetached(of(sig), MemorySegment.NULL, of(m), m.length, sk), "crypto_sign_detached");
  }

  @Override
  public boolean signVerifyDetached(byte[] sig, byte[] m, byte[] pk) {
    return sodium.cryptoSignVerifyDetached(of(sig), of(m), m.length, of(pk)) == 0;
  }

  @Override
  public void sign(byte[] sm, byte[] m, MemorySegment sk) {
    check(sodium.cryptoSign(of(sm), MemorySegment.NULL, of(m), m.length, sk), "crypto_sign");
  }

  @Override
  public boolean signOpen(byte[] m, byte[] sm, byte[] pk) {
    return sodium.cryptoSignOpen(of(m), MemorySegment.NULL, of(sm), sm.length, of(pk)) == 0;
  }

  @Override
  public void pwhash(byte[] out, byte[] passwd, byte[] salt, long opslimit, long memlimit) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment nativeOut = arena.allocate(Math.max(1, out.length));
      MemorySegment nativePasswd = copy(arena, passwd);
      MemorySegment nativeSalt = copy(arena, salt);
      try {
        int result = sodium.cryptoPwhash(nativeOut, out.length, nativePasswd, passwd.length, nativeSalt, opslimit,
            memlimit, Sodium.CRYPTO_PWHASH_ALG_ARGON2ID13);
        if (result != 0) {
          throw new CryptoException("crypto_pwhash failed (out of memory for memlimit " + memlimit + "?)");
        }
        MemorySegment.copy(nativeOut, ValueLayout.JAVA_BYTE, 0, out, 0, out.length);
      } finally {
        nativeOut.fill((byte) 0);
        nativePasswd.fill((byte) 0);
      }
    }
  }

  @Override
  public String pwhashStr(byte[] passwd, long opslimit, long memlimit) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment out = arena.allocate(Sodium.CRYPTO_PWHASH_STRBYTES);
      MemorySegment nativePasswd = copy(arena, passwd);
      try {
        int result = sodium.cryptoPwhashStrAlg(out, nativePasswd, passwd.length, opslimit, memlimit,
            Sodium.CRYPTO_PWHASH_ALG_ARGON2ID13);
        if (result != 0) {
          throw new CryptoException("crypto_pwhash_str_alg failed (out of memory for memlimit " + memlimit + "?)");
        }
        return out.getString(0, StandardCharsets.US_ASCII);
      } finally {
        nativePasswd.fill((byte) 0);
      }
    }
  }

  @Override
  public boolean pwhashStrVerify(String str, byte[] passwd) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment nativeStr = arena.allocateFrom(str, StandardCharsets.UTF_8);
      MemorySegment nativePasswd = copy(arena, passwd);
      try {
        return sodium.cryptoPwhashStrVerify(nativeStr, nativePasswd, passwd.length) == 0;
      } finally {
        nativePasswd.fill((byte) 0);
      }
    }
  }

  @Override
  public int pwhashStrNeedsRehash(String str, long opslimit, long memlimit) {
    try (Arena arena = Arena.ofConfined()) {
      return sodium.cryptoPwhashStrNeedsRehash(arena.allocateFrom(str, StandardCharsets.UTF_8), opslimit, memlimit);
    }
  }

  private static MemorySegment copy(Arena arena, byte[] bytes) {
    MemorySegment segment = arena.allocate(Math.max(1, bytes.length));
    MemorySegment.copy(bytes, 0, segment, ValueLayout.JAVA_BYTE, 0, bytes.length);
    return segment;
  }

  private static MemorySegment keyOrNull(MemorySegment key) {
    return key == null ? MemorySegment.NULL : key;
  }

  private static long keyLength(MemorySegment key) {
    return key == null ? 0 : key.byteSize();
  }

  @Override
  public void generichash(byte[] out, byte[] in, int offset, int length, MemorySegment key) {
    check(sodium.cryptoGenerichash(of(out), out.length, of(in).asSlice(offset, length), length, keyOrNull(key),
        keyLength(key)), "crypto_generichash");
  }

  @Override
  public GenericHashState generichashInit(MemorySegment key, int outlen, byte[] salt, byte[] personal) {
    // crypto_generichash_state is 64-byte aligned in C; a native segment keeps that promise.
    MemorySegment state = Arena.ofAuto().allocate(Sodium.CRYPTO_GENERICHASH_STATEBYTES, 64);
    if (salt == null && personal == null) {
      check(sodium.cryptoGenerichashInit(state, keyOrNull(key), keyLength(key), outlen), "crypto_generichash_init");
    } else {
      check(sodium.cryptoGenerichashBlake2bInitSaltPersonal(state, keyOrNull(key), keyLength(key), outlen,
          salt == null ? MemorySegment.NULL : of(salt), personal == null ? MemorySegment.NULL : of(personal)),
          "crypto_generichash_blake2b_init_salt_personal");
    }
    return new GenericHashState() {
      @Override
      public void update(byte[] in, int offset, int length) {
        check(sodium.cryptoGenerichashUpdate(state, of(in).asSlice(offset, length), length),
            "crypto_generichash_update");
      }

      @Override
      public void finish(byte[] out) {
        try {
          check(sodium.cryptoGenerichashFinal(state, of(out), out.length), "crypto_generichash_final");
        } finally {
          state.fill((byte) 0);
        }
      }
    };
  }

  @Override
  public void kdfDeriveFromKey(MemorySegment subkey, long subkeyId, byte[] ctx, MemorySegment key) {
    check(sodium.cryptoKdfDeriveFromKey(subkey, subkey.byteSize(), subkeyId, of(ctx), key),
        "crypto_kdf_derive_from_key");
  }

  @Override
  public void streamXchacha20Xor(byte[] c, byte[] m, byte[] n, MemorySegment k) {
    check(sodium.cryptoStreamXchacha20Xor(of(c), of(m), m.length, of(n), k), "crypto_stream_xchacha20_xor");
  }
}
