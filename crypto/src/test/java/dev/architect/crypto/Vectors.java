package dev.architect.crypto;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** Test helpers: vector files, hex, the backend a parameterized case runs on. */
final class Vectors {
  private static final HexFormat HEX = HexFormat.of();

  private Vectors() {}

  /** The non-comment, non-blank lines of a resource beside this class. */
  static List<String> lines(String resource) {
    try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] hex(String hex) {
    return hex.equals("-") ? new byte[0] : HEX.parseHex(hex);
  }

  static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /** Bytes 0, 1, 2, ... (mod 256), as libsodium's tests fill their buffers. */
  static byte[] counting(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) i;
    }
    return bytes;
  }

  static byte[] random(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  static byte[] flip(byte[] bytes, int bit) {
    byte[] copy = bytes.clone();
    copy[bit / 8] ^= (byte) (1 << (bit % 8));
    return copy;
  }

  /**
   * Runs {@code body} with every primitive on {@code backend}; skipped, with the reason, when that
   * backend cannot run here (libsodium missing).
   */
  static void on(Backend backend, Runnable body) {
    assumeTrue(Crypto.available().contains(backend),
        () -> "the " + backend + " backend is not available here: " + Backends.sodiumProblem());
    Crypto.withBackend(backend, () -> {
      body.run();
      return null;
    });
  }
}
