package dev.architect.bench.crypto;

import dev.architect.bench.Contenders;
import dev.architect.crypto.Backend;
import dev.architect.crypto.Crypto;
import dev.architect.crypto.PasetoLocalKey;
import dev.architect.crypto.PasetoMessage;
import dev.architect.crypto.PasetoSecretKey;
import dev.architect.crypto.PasetoV4;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.engines.XChaCha20Engine;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Opening one PASETO v4 token (a 120-byte claims payload and a key-id footer): verifying a
 * {@code v4.public} token and decrypting a {@code v4.local} token, with Architect's
 * {@code PasetoV4} on its pure-Java backend ({@code architectJava}) and on its libsodium backend
 * ({@code architectSodium}), against the same protocol written directly on BouncyCastle
 * ({@code bouncycastle}: PAE, {@code Ed25519Signer}, keyed {@code Blake2bDigest},
 * {@code XChaCha20Engine}), the floor a hand-written implementation on the same library reaches.
 * Every contender's result is checked against the payload in {@code @Setup}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Contenders(subject = "architectJava", anchors = {"architectSodium", "bouncycastle"})
public class PasetoBenchmark {
  private static final byte[] PAYLOAD = ("{\"iss\":\"https://auth.example.com\",\"sub\":\"user-42\",\"aud\":\"api\","
      + "\"iat\":\"2030-06-01T12:00:00Z\",\"exp\":\"2030-06-01T12:15:00Z\"}").getBytes(StandardCharsets.UTF_8);
  private static final byte[] FOOTER = "{\"kid\":\"k4.pid.key-1\"}".getBytes(StandardCharsets.UTF_8);

  private PasetoLocalKey localKey;
  private PasetoSecretKey secretKey;
  private byte[] localKeyBytes;
  private byte[] publicKeyBytes;
  private String localToken;
  private String publicToken;

  @Setup
  public void setUp() {
    if (!Crypto.available().contains(Backend.SODIUM)) {
      throw new IllegalStateException("libsodium is not available: the architectSodium contenders cannot run");
    }
    localKey = PasetoLocalKey.generate();
    secretKey = PasetoSecretKey.generate();
    localKeyBytes = localKey.toByteArray();
    publicKeyBytes = secretKey.publicKey().toByteArray();
    localToken = PasetoV4.encrypt(localKey, PAYLOAD, FOOTER, null);
    publicToken = PasetoV4.sign(secretKey, PAYLOAD, FOOTER, null);
    check(v4PublicVerify_architectJava());
    check(v4PublicVerify_architectSodium());
    check(v4PublicVerify_bouncycastle());
    check(v4LocalDecrypt_architectJava());
    check(v4LocalDecrypt_architectSodium());
    check(v4LocalDecrypt_bouncycastle());
  }

  private static void check(byte[] payload) {
    if (!Arrays.equals(payload, PAYLOAD)) {
      throw new IllegalStateException("a contender returned another payload");
    }
  }

  @TearDown
  public void tearDown() {
    localKey.close();
    secretKey.close();
  }

  @Benchmark
  public byte[] v4PublicVerify_architectJava() {
    return Crypto.withBackend(Backend.JAVA, () -> PasetoV4.verify(secretKey.publicKey(), publicToken, null)).payload();
  }

  @Benchmark
  public byte[] v4PublicVerify_architectSodium() {
    return Crypto.withBackend(Backend.SODIUM, () -> PasetoV4.verify(secretKey.publicKey(), publicToken, null)).payload();
  }

  @Benchmark
  public byte[] v4PublicVerify_bouncycastle() {
    return BouncyCastlePaseto.verify(publicKeyBytes, publicToken);
  }

  @Benchmark
  public byte[] v4LocalDecrypt_architectJava() {
    PasetoMessage message = Crypto.withBackend(Backend.JAVA, () -> PasetoV4.decrypt(localKey, localToken, null));
    return message.payload();
  }

  @Benchmark
  public byte[] v4LocalDecrypt_architectSodium() {
    PasetoMessage message = Crypto.withBackend(Backend.SODIUM, () -> PasetoV4.decrypt(localKey, localToken, null));
    return message.payload();
  }

  @Benchmark
  public byte[] v4LocalDecrypt_bouncycastle() {
    return BouncyCastlePaseto.decrypt(localKeyBytes, localToken);
  }

  /**
   * PASETO v4 verify and decrypt written straight on BouncyCastle, as an application without
   * Architect would write them (the JDK's lenient base64url decoder included; no footer check).
   */
  static final class BouncyCastlePaseto {
    private static final byte[] PUBLIC_HEADER = "v4.public.".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LOCAL_HEADER = "v4.local.".getBytes(StandardCharsets.US_ASCII);

    private BouncyCastlePaseto() {}

    static byte[] verify(byte[] publicKey, String token) {
      String[] parts = token.split("\\.");
      byte[] body = Base64.getUrlDecoder().decode(parts[2]);
      byte[] footer = parts.length > 3 ? Base64.getUrlDecoder().decode(parts[3]) : new byte[0];
      byte[] message = Arrays.copyOf(body, body.length - 64);
      Ed25519Signer signer = new Ed25519Signer();
      signer.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
      byte[] pae = pae(PUBLIC_HEADER, message, footer, new byte[0]);
      signer.update(pae, 0, pae.length);
      if (!signer.verifySignature(Arrays.copyOfRange(body, body.length - 64, body.length))) {
        throw new IllegalStateException("invalid signature");
      }
      return message;
    }

    static byte[] decrypt(byte[] key, String token) {
      String[] parts = token.split("\\.");
      byte[] body = Base64.getUrlDecoder().decode(parts[2]);
      byte[] footer = parts.length > 3 ? Base64.getUrlDecoder().decode(parts[3]) : new byte[0];
      byte[] nonce = Arrays.copyOf(body, 32);
      byte[] ciphertext = Arrays.copyOfRange(body, 32, body.length - 32);
      byte[] tag = Arrays.copyOfRange(body, body.length - 32, body.length);
      byte[] authKey = blake2b(key, 32, "paseto-auth-key-for-aead".getBytes(StandardCharsets.US_ASCII), nonce);
      byte[] pae = pae(LOCAL_HEADER, nonce, ciphertext, footer, new byte[0]);
      if (!MessageDigest.isEqual(tag, blake2b(authKey, 32, pae))) {
        throw new IllegalStateException("invalid tag");
      }
      byte[] keys = blake2b(key, 56, "paseto-encryption-key".getBytes(StandardCharsets.US_ASCII), nonce);
      XChaCha20Engine cipher = new XChaCha20Engine();
      cipher.init(false, new ParametersWithIV(new KeyParameter(keys, 0, 32), keys, 32, 24));
      byte[] plain = new byte[ciphertext.length];
      cipher.processBytes(ciphertext, 0, ciphertext.length, plain, 0);
      return plain;
    }

    private static byte[] blake2b(byte[] key, int length, byte[]... parts) {
      Blake2bDigest digest = new Blake2bDigest(key, length, null, null);
      for (byte[] part : parts) {
        digest.update(part, 0, part.length);
      }
      byte[] out = new byte[length];
      digest.doFinal(out, 0);
      return out;
    }

    private static byte[] pae(byte[]... pieces) {
      int length = 8;
      for (byte[] piece : pieces) {
        length += 8 + piece.length;
      }
      byte[] out = new byte[length];
      int at = le64(out, 0, pieces.length);
      for (byte[] piece : pieces) {
        at = le64(out, at, piece.length);
        System.arraycopy(piece, 0, out, at, piece.length);
        at += piece.length;
      }
      return out;
    }

    private static int le64(byte[] out, int at, long value) {
      for (int k = 0; k < 8; k++) {
        out[at + k] = (byte) (value >>> (8 * k));
      }
      return at + 8;
    }
  }
}
