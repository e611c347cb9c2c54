package dev.architect.resilience.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of resilience/README.md (section "Distributed"), compiled and run on a SQLite file. */
class DistributedReadmeExampleTest {
  @TempDir Path directory;

  @Test
  void smallestUsefulExample() throws Exception {
    try (Backend backend = Backend.sqlite(directory.resolve("app.db"))) {
      DataSource dataSource = backend.dataSource();
      boolean rejected = false;

      // --- the example ---
      DistributedLock lock = DistributedLock.builder(dataSource, "nightly-settlement")
          .leaseTime(Duration.ofSeconds(30))
          .build();
      FencedResource ledger = FencedResource.builder(dataSource, "ledger").build();

      try (Lease lease = lock.acquire(Duration.ofSeconds(5))) {
        ledger.append(lease.token(), "settled 2030-06-30");
      }

      DistributedRateLimiter limiter = DistributedRateLimiter.builder(dataSource, "api")
          .capacity(20)
          .refill(10, Duration.ofSeconds(1))
          .build();
      if (!limiter.tryAcquire("customer-42")) {
        rejected = true;
      }
      // --- end ---

      assertThat(rejected).isFalse();
      assertThat(ledger.entries()).containsExactly(new FencedResource.Entry(1, 1, "settled 2030-06-30"));
      assertThat(limiter.availablePermits("customer-42")).isBetween(19L, 20L);
      assertThat(lock.tryAcquire()).hasValueSatisfying(lease -> assertThat(lease.token()).isEqualTo(2));
    }
  }
}
