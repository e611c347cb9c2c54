package dev.architect.fiber;

import static org.assertj.core.api.Assertions.assertThat;

import dev.architect.fiber.Fiber.Implementation;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Volume: many fibers created and completed; abandoned suspended fibers collected (heap is 512 MiB). */
class FiberStressTest {
  @Test
  void oneMillionContinuationFibersCreatedAndCompleted() {
    long sum = 0;
    for (int i = 0; i < 1_000_000; i++) {
      Fiber fiber = new Fiber(Implementation.CONTINUATION, args -> (Integer) Fiber.suspend(args[0]) + 1);
      int suspended = (Integer) fiber.start(i);
      fiber.resume(suspended);
      sum += (Integer) fiber.getReturn();
    }
    assertThat(sum).isEqualTo(1_000_000L * 999_999 / 2 + 1_000_000);
  }

  @Test
  void oneHundredThousandVirtualThreadFibersCreatedAndCompleted() {
    long sum = 0;
    for (int i = 0; i < 100_000; i++) {
      Fiber fiber = new Fiber(Implementation.VIRTUAL_THREAD, args -> (Integer) Fiber.suspend(args[0]) + 1);
      int suspended = (Integer) fiber.start(i);
      fiber.resume(suspended);
      sum += (Integer) fiber.getReturn();
    }
    assertThat(sum).isEqualTo(100_000L * 99_999 / 2 + 100_000);
  }

  /**
   * Drops 100,000 suspended fibers, each holding 1 KiB: 100 MiB if leaked at once, and they are made in
   * ten waves so a leak would exceed the 512 MiB heap. All must become unreachable.
   */
  @ParameterizedTest
  @EnumSource(Implementation.class)
  void abandonedSuspendedFibersAreCollected(Implementation impl) throws InterruptedException {
    AtomicLong unwound = new AtomicLong();
    List<WeakReference<Fiber>> sample = new ArrayList<>();
    int total = 100_000;
    for (int i = 0; i < total; i++) {
      byte[] payload = new byte[1024];
      Fiber fiber = new Fiber(impl, args -> {
        try {
          Fiber.suspend(payload.length);
          return payload;
        } finally {
          unwound.incrementAndGet();
        }
      });
      fiber.start();
      if (i % 1000 == 0) {
        sample.add(new WeakReference<>(fiber));
      }
    }
    for (int attempt = 0; attempt < 100 && sample.stream().anyMatch(r -> r.get() != null); attempt++) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(sample).allSatisfy(ref -> assertThat(ref.get()).isNull());
    if (impl == Implementation.VIRTUAL_THREAD) {
      // Their threads are unwound by the cleaner (finally blocks run), so they end instead of parking forever.
      for (int attempt = 0; attempt < 500 && unwound.get() < total; attempt++) {
        System.gc();
        Thread.sleep(20);
      }
      assertThat(unwound.get()).isEqualTo(total);
    }
  }
}
