package dev.architect.crypto;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Shared by the token tests: the backends to run on, and the PASETO/PASERK vector files. */
final class PasetoTestSupport {
  private PasetoTestSupport() {}

  /** Every backend: the tests run on each (libsodium's skip, with the reason, only where it is missing). */
  static List<Backend> backends() {
    return List.of(Backend.values());
  }

  /** Runs {@code action} on {@code backend}, or skips the test when that backend cannot run here. */
  static void on(Backend backend, Runnable action) {
    on(backend, () -> {
      action.run();
      return null;
    });
  }

  /** {@link #on(Backend, Runnable)} returning what {@code action} returns. */
  static <T> T on(Backend backend, Supplier<T> action) {
    assumeTrue(Crypto.available().contains(backend),
        () -> "backend " + backend + " cannot run here: libsodium (libsodium.so.23) is not installed");
    return Crypto.withBackend(backend, action);
  }

  /** The {@code tests} array of a vector file under {@code src/test/resources/paseto}. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> vectors(String path) {
    try (InputStream in = PasetoTestSupport.class.getResourceAsStream("/paseto/" + path)) {
      if (in == null) {
        throw new IllegalStateException("vector file " + path + " is missing from the test resources");
      }
      Map<String, Object> file = (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return (List<Map<String, Object>>) file.get("tests");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] hex(Object value) {
    return HexFormat.of().parseHex((String) value);
  }

  static byte[] utf8(Object value) {
    return value == null ? new byte[0] : ((String) value).getBytes(StandardCharsets.UTF_8);
  }
}
