package dev.architect.resilience;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * A bulkhead that runs calls on its own fixed set of worker threads, with a bounded queue in front:
 * a call submitted when all workers are busy and the queue is full is refused at once.
 *
 * <pre>{@code
 * try (ThreadPoolBulkhead pool = ThreadPoolBulkhead.builder("thumbnails").maxThreads(4).queueCapacity(100).build()) {
 *   Future<Image> image = pool.submit(() -> thumbnails.render(photo));
 * }
 * }</pre>
 *
 * <p>Guarantees: at most {@code maxThreads} calls run at once and at most {@code queueCapacity} wait;
 * {@link Future#cancel(boolean) cancel(true)} interrupts a running call. {@link #close()} stops taking
 * calls and waits for the submitted ones to finish. Thread-safe.
 */
public sealed interface ThreadPoolBulkhead extends AutoCloseable permits ThreadPoolBulkheadImpl {
  /** Starts the configuration of a bulkhead named {@code name}. */
  static Builder builder(String name) {
    return new Builder(name);
  }

  /** The name given to the builder. */
  String name();

  /**
   * Queues {@code call} for a worker.
   *
   * @throws BulkheadFullException if all workers are busy and the queue is full
   * @throws java.util.concurrent.RejectedExecutionException if the bulkhead is closed
   */
  <T> Future<T> submit(Callable<T> call);

  /**
   * Runs {@code call} on a worker and waits for it; if this thread is interrupted while waiting, the
   * call is cancelled (its worker interrupted).
   *
   * @throws BulkheadFullException if all workers are busy and the queue is full
   * @throws InterruptedException if this thread was interrupted while waiting
   * @throws Exception what {@code call} threw, unchanged
   */
  <T> T call(Callable<T> call) throws Exception;

  /** The calls waiting in the queue now. */
  int queued();

  /** Stops taking calls and waits for the submitted ones to end. */
  @Override
  void close();

  /**
   * The configuration of a {@link ThreadPoolBulkhead}. Defaults: as many threads as processors, a
   * queue of 100, platform daemon threads named after the bulkhead. Not thread-safe.
   */
  final class Builder {
    final String name;
    int maxThreads = Runtime.getRuntime().availableProcessors();
    int queueCapacity = 100;
    ThreadFactory threadFactory;

    private Builder(String name) {
      this.name = Checks.name(name);
    }

    /** The workers; positive. */
    public Builder maxThreads(int threads) {
      this.maxThreads = Checks.positive("maxThreads", threads);
      return this;
    }

    /** The calls that may wait for a worker; zero hands calls only to idle workers. */
    public Builder queueCapacity(int calls) {
      if (calls < 0) {
        throw new IllegalArgumentException("queueCapacity must not be negative, was " + calls);
      }
      this.queueCapacity = calls;
      return this;
    }

    /** Where the workers come from, e.g. {@code Thread.ofVirtual().factory()}. */
    public Builder threadFactory(ThreadFactory factory) {
      this.threadFactory = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /** The bulkhead, its workers started on demand. */
    public ThreadPoolBulkhead build() {
      return new ThreadPoolBulkheadImpl(this);
    }
  }
}
