package dev.architect.bench.crypto;

import dev.architect.bench.Contenders;
import dev.architect.crypto.Backend;
import dev.architect.crypto.Crypto;
import dev.architect.crypto.PwHash;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One Argon2id hash at libsodium's INTERACTIVE preset (t=2, 64 MiB, one lane; ms per hash), the
 * work behind every {@code crypto_pwhash_str} and every login check: Architect's {@link PwHash} on its
 * pure-Java backend ({@code architectJava}) and on libsodium ({@code architectSodium}), against
 * BouncyCastle's {@code Argon2BytesGenerator} called directly ({@code bouncycastle}). The raw 32-byte
 * hash is measured (the string form adds only its base64); {@code @Setup} checks all three agree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Contenders(subject = "architectJava", anchors = {"architectSodium", "bouncycastle"})
public class Argon2idBenchmark {
  private final byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
  private final byte[] salt = "architect-bench!".getBytes(StandardCharsets.US_ASCII);

  @Setup
  public void setUp() {
    CryptoBenchmarks.requireSodium();
    byte[] expected = argon2idInteractive_architectJava();
    if (!Arrays.equals(expected, argon2idInteractive_architectSodium())
        || !Arrays.equals(expected, argon2idInteractive_bouncycastle())) {
      throw new IllegalStateException("the contenders computed different hashes");
    }
  }

  @Benchmark
  public byte[] argon2idInteractive_architectJava() {
    return Crypto.withBackend(Backend.JAVA, () -> PwHash.hash(32, password, salt, PwHash.INTERACTIVE));
  }

  @Benchmark
  public byte[] argon2idInteractive_architectSodium() {
    return Crypto.withBackend(Backend.SODIUM, () -> PwHash.hash(32, password, salt, PwHash.INTERACTIVE));
  }

  @Benchmark
  public byte[] argon2idInteractive_bouncycastle() {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withIterations(2)
        .withMemoryAsKB(65536)
        .withParallelism(1)
        .withSalt(salt)
        .build());
    byte[] hash = new byte[32];
    generator.generateBytes(password, hash);
    return hash;
  }
}
