package dev.architect.bench.crypto;

import dev.architect.bench.Contenders;
import dev.architect.crypto.Backend;
import dev.architect.crypto.Crypto;
import dev.architect.crypto.KeyPair;
import dev.architect.crypto.Sign;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
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
 * Ed25519 signing and verifying a 256-byte message (ops/s): Architect's {@link Sign} on its
 * pure-Java backend ({@code architectJava}) and on libsodium ({@code architectSodium}), BouncyCastle
 * used directly as its users do ({@code bouncycastle}: {@code Ed25519Signer} over key parameters made
 * once), and the JDK's own provider ({@code jdk}: {@code Signature.getInstance("Ed25519")},
 * initialized once). All contenders use one seed; {@code @Setup} checks that they produce the same
 * signature (Ed25519 is deterministic) and that each accepts it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Contenders(subject = "architectJava", anchors = {"architectSodium", "bouncycastle", "jdk"})
public class Ed25519Benchmark {
  private byte[] message;
  private byte[] signature;
  private KeyPair pair;
  private Ed25519Signer bcSigner;
  private Ed25519Signer bcVerifier;
  private Signature jdkSigner;
  private Signature jdkVerifier;

  @Setup
  public void setUp() throws GeneralSecurityException {
    CryptoBenchmarks.requireSodium();
    Random random = new Random(25519);
    message = new byte[256];
    random.nextBytes(message);
    byte[] seed = new byte[Sign.SEED_BYTES];
    random.nextBytes(seed);
    pair = Sign.keyPair(seed);

    Ed25519PrivateKeyParameters bcPrivate = new Ed25519PrivateKeyParameters(seed, 0);
    Ed25519PublicKeyParameters bcPublic = new Ed25519PublicKeyParameters(pair.publicKey(), 0);
    bcSigner = new Ed25519Signer();
    bcSigner.init(true, bcPrivate);
    bcVerifier = new Ed25519Signer();
    bcVerifier.init(false, bcPublic);

    KeyFactory factory = KeyFactory.getInstance("Ed25519");
    PrivateKey jdkPrivate = factory.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    jdkSigner = Signature.getInstance("Ed25519");
    jdkSigner.initSign(jdkPrivate);
    PublicKey jdkPublic = jdkPublicKey(factory, pair.publicKey());
    jdkVerifier = Signature.getInstance("Ed25519");
    jdkVerifier.initVerify(jdkPublic);

    signature = sign_architectJava();
    for (byte[] other : new byte[][] {sign_architectSodium(), sign_bouncycastle(), sign_jdk()}) {
      if (!Arrays.equals(signature, other)) {
        throw new IllegalStateException("the contenders made different signatures");
      }
    }
    if (!verify_architectJava() || !verify_architectSodium() || !verify_bouncycastle() || !verify_jdk()) {
      throw new IllegalStateException("a contender rejected a valid signature");
    }
  }

  /** The JDK's public key object for a raw 32-byte Ed25519 key (X.509 SubjectPublicKeyInfo around it). */
  private static PublicKey jdkPublicKey(KeyFactory factory, byte[] raw) throws GeneralSecurityException {
    byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    byte[] encoded = Arrays.copyOf(prefix, prefix.length + raw.length);
    System.arraycopy(raw, 0, encoded, prefix.length, raw.length);
    return factory.generatePublic(new java.security.spec.X509EncodedKeySpec(encoded));
  }

  @TearDown
  public void tearDown() {
    pair.close();
  }

  @Benchmark
  public byte[] sign_architectJava() {
    return Crypto.withBackend(Backend.JAVA, () -> Sign.detached(message, pair.secretKey()));
  }

  @Benchmark
  public byte[] sign_architectSodium() {
    return Crypto.withBackend(Backend.SODIUM, () -> Sign.detached(message, pair.secretKey()));
  }

  @Benchmark
  public byte[] sign_bouncycastle() {
    bcSigner.update(message, 0, message.length);
    return bcSigner.generateSignature();
  }

  @Benchmark
  public byte[] sign_jdk() throws GeneralSecurityException {
    jdkSigner.update(message);
    return jdkSigner.sign();
  }

  @Benchmark
  public boolean verify_architectJava() {
    return Crypto.withBackend(Backend.JAVA, () -> Sign.verify(signature, message, pair.publicKey()));
  }

  @Benchmark
  public boolean verify_architectSodium() {
    return Crypto.withBackend(Backend.SODIUM, () -> Sign.verify(signature, message, pair.publicKey()));
  }

  @Benchmark
  public boolean verify_bouncycastle() {
    bcVerifier.update(message, 0, message.length);
    return bcVerifier.verifySignature(signature);
  }

  @Benchmark
  public boolean verify_jdk() throws GeneralSecurityException {
    jdkVerifier.update(message);
    return jdkVerifier.verify(signature);
  }
}
