package dev.architect.resilience;

import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The retry loop and the decisions it is made of; {@link PipelineImpl} runs the same decisions in its
 * own loop. No state is kept between calls, and a call that succeeds at once allocates nothing.
 */
final class RetryImpl implements Retry {
  private static final int SUCCESS = 0;
  private static final int SUCCESS_AFTER_RETRY = 1;
  private static final int FAILURE = 2;
  private static final int FAILURE_AFTER_RETRY = 3;

  private final String name;
  final int maxAttempts;
  final long maxDurationNanos;
  private final Backoff backoff;
  private final Predicate<? super Throwable> retryOn;
  private final Predicate<? super Throwable> abortOn;
  private final Predicate<Object> retryOnResult;
  private final Predicate<Object> abortOnResult;
  private final Function<? super Throwable, Duration> delayHint;
  final Ticker ticker;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final List<Consumer<? super RetryEvent>> listeners;
  private final Metrics.Counter calls;
  private final Metrics.Counter retries;

  RetryImpl(Builder b) {
    this.name = b.name;
    this.maxAttempts = b.maxAttempts;
    this.maxDurationNanos = b.maxDurationNanos;
    this.backoff = b.backoff;
    this.retryOn = b.retryOn;
    this.abortOn = b.abortOn;
    this.retryOnResult = b.retryOnResult;
    this.abortOnResult = b.abortOnResult;
    this.delayHint = b.delayHint;
    this.ticker = b.ticker;
    this.sleeper = b.sleeper;
    this.random = b.random;
    this.listeners = List.copyOf(b.listeners);
    Metrics metrics = new Metrics(b.openTelemetry, "retry", name);
    this.calls = metrics.counter("calls", "calls through the retry, by outcome",
        "success", "success_after_retry", "failure", "failure_after_retry");
    this.retries = metrics.counter("retries", "waits before another attempt", "retry");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public <T> T call(Callable<T> call) throws Exception {
    return execute(call, maxDurationNanos);
  }

  @Override
  public <T> T call(Callable<T> call, Duration timeLeft) throws Exception {
    long left = Checks.saturatedNanos(java.util.Objects.requireNonNull(timeLeft, "timeLeft"));
    return execute(call, Math.min(maxDurationNanos, Math.max(0, left)));
  }

  @Override
  public <T> T get(Supplier<T> supplier) {
    try {
      return call(supplier::get);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // The supplier's last failure, unchecked by construction, is attached to the interruption.
      for (Throwable last : e.getSuppressed()) {
        if (last instanceof RuntimeException r) {
          throw r;
        }
      }
      throw new IllegalStateException("retry '" + name + "' was interrupted", e);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private <T> T execute(Callable<T> call, long budget) throws Exception {
    long start = budget == Long.MAX_VALUE ? 0 : ticker.read();
    long delay = 0;
    for (int attempt = 1; ; attempt++) {
      T result;
      try {
        result = call.call();
      } catch (Throwable t) {
        long next = delayAfter(attempt, delay, t);
        if (next < 0 || !fits(start, next, budget)) {
          failed(attempt);
          throw t;
        }
        pause(attempt, next, t);
        delay = next;
        continue;
      }
      long next = delayAfterResult(attempt, delay, result);
      if (next >= 0 && fits(start, next, budget)) {
        pause(attempt, next, null);
        delay = next;
        continue;
      }
      succeeded(attempt);
      return result;
    }
  }

  // ---- decisions, shared with the pipeline -----------------------------------------------------

  /** The wait before another attempt after attempt {@code attempt} threw {@code failure}, or -1 to give up. */
  long delayAfter(int attempt, long previous, Throwable failure) {
    if (attempt >= maxAttempts || stops(failure) || abortOn.test(failure) || !retryOn.test(failure)) {
      return -1;
    }
    long delay = backoff.delayNanos(attempt, previous, random());
    Duration hint = delayHint.apply(failure);
    if (hint != null) {
      delay = Math.max(delay, Checks.saturatedNanos(hint));
    }
    return Math.max(0, delay);
  }

  /** The wait before another attempt after attempt {@code attempt} returned {@code result}, or -1 to return it. */
  long delayAfterResult(int attempt, long previous, Object result) {
    if (attempt >= maxAttempts || !retryOnResult.test(result) || abortOnResult.test(result)
        || Thread.currentThread().isInterrupted()) {
      return -1;
    }
    return Math.max(0, backoff.delayNanos(attempt, previous, random()));
  }

  /** Whether a wait of {@code delay} started now ends within {@code budget} of {@code start}. */
  boolean fits(long start, long delay, long budget) {
    if (budget == Long.MAX_VALUE) {
      return true;
    }
    long elapsed = ticker.read() - start;
    return elapsed < budget && delay <= budget - elapsed;
  }

  /** Tells the listeners, then waits {@code delay}; an interruption carries {@code failure} as suppressed. */
  void pause(int attempt, long delay, Throwable failure) throws InterruptedException {
    retries.add(0);
    if (!listeners.isEmpty()) {
      RetryEvent event = new RetryEvent(name, attempt, Duration.ofNanos(delay), Optional.ofNullable(failure));
      for (Consumer<? super RetryEvent> listener : listeners) {
        listener.accept(event);
      }
    }
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      if (failure != null) {
        e.addSuppressed(failure);
      }
      throw e;
    }
  }

  void succeeded(int attempts) {
    calls.add(attempts == 1 ? SUCCESS : SUCCESS_AFTER_RETRY);
  }

  void failed(int attempts) {
    calls.add(attempts == 1 ? FAILURE : FAILURE_AFTER_RETRY);
  }

  private RandomGenerator random() {
    return random != null ? random : ThreadLocalRandom.current();
  }

  private static boolean stops(Throwable failure) {
    return failure instanceof InterruptedException
        || failure instanceof CancellationException
        || failure instanceof ClosedByInterruptException
        || Thread.currentThread().isInterrupted();
  }
}
