package dev.architect.resilience.distributed;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** {@link LockContract} on a SQLite file. */
class SqliteLockTest extends LockContract {
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
