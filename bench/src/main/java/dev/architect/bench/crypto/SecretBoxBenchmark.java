package dev.architect.bench.crypto;

import dev.architect.bench.Contenders;
import dev.architect.crypto.Backend;
import dev.architect.crypto.Crypto;
import dev.architect.crypto.SecretBox;
import dev.architect.crypto.SecretKey;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Sealing one MiB with {@code crypto_secretbox_easy} (XSalsa20-Poly1305): one operation is one MiB,
 * so the ops/s column reads directly as MiB/s. Architect's {@link SecretBox} on its pure-Java backend
 * ({@code architectJava}) and on libsodium ({@code architectSodium}), against the same construction
 * written directly on BouncyCastle's {@code XSalsa20Engine} and {@code Poly1305}
 * ({@code bouncycastle}). Each contender allocates its output, as each API does. All three boxes are
 * checked to be the same bytes in {@code @Setup}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Contenders(subject = "architectJava", anchors = {"architectSodium", "bouncycastle"})
public class SecretBoxBenchmark {
  private static final int MIB = 1 << 20;

  private byte[] message;
  private byte[] nonce;
  private byte[] keyBytes;
  private SecretKey key;

  @Setup
  public void setUp() {
    CryptoBenchmarks.requireSodium();
    Random random = new Random(8);
    message = new byte[MIB];
    random.nextBytes(message);
    nonce = new byte[SecretBox.NONCE_BYTES];
    random.nextBytes(nonce);
    keyBytes = new byte[SecretBox.KEY_BYTES];
    random.nextBytes(keyBytes);
    key = SecretKey.copyOf(keyBytes);
    byte[] expected = secretbox1MiB_architectJava();
    if (!Arrays.equals(expected, secretbox1MiB_architectSodium())
        || !Arrays.equals(expected, secretbox1MiB_bouncycastle())) {
      throw new IllegalStateException("the contenders sealed different boxes");
    }
  }

  @TearDown
  public void tearDown() {
    key.close();
  }

  @Benchmark
  public byte[] secretbox1MiB_architectJava() {
    return Crypto.withBackend(Backend.JAVA, () -> SecretBox.seal(message, nonce, key));
  }

  @Benchmark
  public byte[] secretbox1MiB_architectSodium() {
    return Crypto.withBackend(Backend.SODIUM, () -> SecretBox.seal(message, nonce, key));
  }

  @Benchmark
  public byte[] secretbox1MiB_bouncycastle() {
    // crypto_secretbox: the first 32 bytes of the XSalsa20 stream key Poly1305, the rest encrypts.
    XSalsa20Engine salsa = new XSalsa20Engine();
    salsa.init(true, new ParametersWithIV(new KeyParameter(keyBytes), nonce));
    byte[] polyKey = new byte[32];
    salsa.processBytes(polyKey, 0, 32, polyKey, 0);
    byte[] box = new byte[16 + message.length];
    salsa.processBytes(message, 0, message.length, box, 16);
    Poly1305 poly = new Poly1305();
    poly.init(new KeyParameter(polyKey));
    poly.update(box, 16, message.length);
    poly.doFinal(box, 0);
    return box;
  }
}
