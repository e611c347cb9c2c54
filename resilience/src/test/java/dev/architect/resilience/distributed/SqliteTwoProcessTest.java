package dev.architect.resilience.distributed;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** {@link TwoProcessContract} on a SQLite file. */
class SqliteTwoProcessTest extends TwoProcessContract {
  @TempDir Path directory;

  @Override
  Backend backend() {
    return Backend.sqlite(directory.resolve("distributed.db"));
  }

  @AfterEach
  void closeBackend() throws Exception {
    backend.close();
  }
}
