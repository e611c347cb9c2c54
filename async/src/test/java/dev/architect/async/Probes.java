package dev.architect.async;

import static org.assertj.core.api.Assertions.fail;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Test helpers that wait for a condition without sleeping a fixed time and without timing assertions. */
final class Probes {
  private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(20);

  private Probes() {}

  /** Spins (yielding) until {@code condition} holds; fails the test after a generous bound. */
  static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE_NANOS;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("gave up waiting until " + what);
      }
      Thread.yield();
    }
  }

  /** Waits until every future has a callback: a combinator or waiter is subscribed to all of them. */
  static void subscribed(Collection<? extends Future<?>> futures) {
    until("a waiter subscribed to every future",
        () -> futures.stream().allMatch(future -> future.state.callbackCount() > 0));
  }

  /** Runs the garbage collector until {@code condition} holds; fails after a generous bound. */
  static void collectUntil(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE_NANOS;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("gave up collecting garbage until " + what);
      }
      System.gc();
      Thread.yield();
    }
  }
}
