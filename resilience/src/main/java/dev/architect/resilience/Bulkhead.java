package dev.architect.resilience;

import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Limits how many calls run at once, on the callers' own threads: a call takes a slot (waiting at most
 * {@code maxWait} for one) and gives it back when it ends, however it ends.
 *
 * <pre>{@code
 * Bulkhead bulkhead = Bulkhead.builder("reports").maxConcurrentCalls(8).maxWait(Duration.ofMillis(50)).build();
 * Report report = bulkhead.call(() -> reports.render(id));
 * }</pre>
 *
 * <p>Guarantee: never more than {@code maxConcurrentCalls} calls inside at once. The slots are
 * counted in a few stripes on separate cache lines, so callers on different cores rarely contend;
 * a call is refused only when every stripe is full. Waiting parks the thread, so thousands of
 * virtual threads can queue without pinning their carriers. For a bounded queue in front of a fixed
 * set of worker threads, see {@link ThreadPoolBulkhead}. Thread-safe.
 */
public sealed interface Bulkhead permits SemaphoreBulkhead {
  /** Starts the configuration of a bulkhead named {@code name}. */
  static Builder builder(String name) {
    return new Builder(name);
  }

  /** The name given to the builder. */
  String name();

  /**
   * Runs {@code call} in a slot.
   *
   * @throws BulkheadFullException if no slot freed up within {@code maxWait}
   * @throws InterruptedException if the thread was interrupted while waiting for a slot
   * @throws Exception what {@code call} threw, unchanged
   */
  <T> T call(Callable<T> call) throws Exception;

  /** The free slots now (a snapshot). */
  int availableSlots();

  /**
   * The configuration of a {@link Bulkhead}. Defaults: 25 concurrent calls, no wait. Each setter checks
   * its argument at once. Not thread-safe.
   */
  final class Builder {
    final String name;
    int maxConcurrentCalls = 25;
    long maxWaitNanos = 0;
    OpenTelemetry openTelemetry = OpenTelemetry.noop();

    private Builder(String name) {
      this.name = Checks.name(name);
    }

    /** The most calls inside at once; positive. */
    public Builder maxConcurrentCalls(int calls) {
      this.maxConcurrentCalls = Checks.positive("maxConcurrentCalls", calls);
      return this;
    }

    /** How long a call waits for a slot; zero (the default) refuses at once. */
    public Builder maxWait(Duration wait) {
      this.maxWaitNanos = Checks.notNegativeNanos("maxWait", wait);
      return this;
    }

    /**
     * Where metrics go: counter {@code architect.resilience.bulkhead.calls} (outcome permitted,
     * rejected) and gauge {@code .available} (free slots). Default: no-op.
     */
    public Builder openTelemetry(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
      return this;
    }

    /** The bulkhead, empty. */
    public Bulkhead build() {
      return new SemaphoreBulkhead(this);
    }
  }
}
