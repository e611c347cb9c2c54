package dev.architect.resilience;

import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Retries a call that failed (or returned a result it should retry on), waiting between attempts as
 * its {@link Backoff} says.
 *
 * <pre>{@code
 * Retry retry = Retry.builder("inventory")
 *     .maxAttempts(4)
 *     .backoff(Backoff.exponentialFullJitter(Duration.ofMillis(100), 2, Duration.ofSeconds(5)))
 *     .retryOn(e -> e instanceof IOException)
 *     .build();
 * Stock stock = retry.call(() -> inventory.stock(sku));
 * }</pre>
 *
 * <p>Guarantees: at most {@code maxAttempts} attempts; no wait that would end past the deadline (the
 * earlier of {@code maxDuration} and the caller's time left, both measured from the call's start) is
 * ever started: the retry gives up at once instead. When it gives up, the last failure is thrown
 * unchanged (or the last result returned). An interrupted thread, an {@link InterruptedException} or a
 * {@link java.util.concurrent.CancellationException} stops it at once, without another attempt.
 *
 * <p>Thread-safe and stateless between calls; waiting parks the thread ({@link Sleeper#system()}), so a
 * virtual thread unmounts while it waits.
 */
public sealed interface Retry permits RetryImpl {
  /** A retry about to wait: the attempt that failed, the wait chosen, and what failed. */
  record RetryEvent(String retry, int attempt, Duration delay, Optional<Throwable> failure) {}

  /** Starts the configuration of a retry named {@code name}. */
  static Builder builder(String name) {
    return new Builder(name);
  }

  /** The name given to the builder. */
  String name();

  /**
   * Runs {@code call}, retrying as configured, within {@code maxDuration}.
   *
   * @throws InterruptedException if the thread was interrupted while waiting between attempts
   * @throws Exception the last failure of {@code call}, unchanged
   */
  <T> T call(Callable<T> call) throws Exception;

  /**
   * Runs {@code call}, retrying as configured, within {@code timeLeft} (and within {@code maxDuration}).
   *
   * @throws InterruptedException if the thread was interrupted while waiting between attempts
   * @throws Exception the last failure of {@code call}, unchanged
   */
  <T> T call(Callable<T> call, Duration timeLeft) throws Exception;

  /**
   * {@link #call} for code that throws no checked exception. If the thread is interrupted while
   * waiting, the last failure is thrown with the thread's interrupt flag set again.
   */
  <T> T get(Supplier<T> supplier);

  /**
   * The configuration of a {@link Retry}. Defaults: 3 attempts, no time limit, full-jitter backoff
   * from 100 ms doubling up to 10 s, retry on every {@link Exception} (not on {@link Error}s), no
   * result retried, the delay hint of a {@link RejectedException} ({@code retryAfter}) honoured. Each
   * setter checks its argument at once, naming it and its value. Not thread-safe.
   */
  final class Builder {
    final String name;
    int maxAttempts = 3;
    long maxDurationNanos = Long.MAX_VALUE;
    Backoff backoff = Backoff.exponentialFullJitter(Duration.ofMillis(100), 2, Duration.ofSeconds(10));
    Predicate<? super Throwable> retryOn = t -> t instanceof Exception;
    Predicate<? super Throwable> abortOn = t -> false;
    Predicate<Object> retryOnResult = r -> false;
    Predicate<Object> abortOnResult = r -> false;
    Function<? super Throwable, Duration> delayHint =
        t -> t instanceof RejectedException r ? r.retryAfter().orElse(null) : null;
    Ticker ticker = Ticker.system();
    Sleeper sleeper = Sleeper.system();
    RandomGenerator random; // null: ThreadLocalRandom.current() at each draw
    OpenTelemetry openTelemetry = OpenTelemetry.noop();
    final List<Consumer<? super RetryEvent>> listeners = new ArrayList<>();

    private Builder(String name) {
      this.name = Checks.name(name);
    }

    /** The most attempts, the first included; at least 1. */
    public Builder maxAttempts(int attempts) {
      this.maxAttempts = Checks.positive("maxAttempts", attempts);
      return this;
    }

    /** The longest a call may take, waits included, from its start; positive. */
    public Builder maxDuration(Duration duration) {
      this.maxDurationNanos = Checks.positiveNanos("maxDuration", duration);
      return this;
    }

    /** The waits between attempts. */
    public Builder backoff(Backoff backoff) {
      this.backoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /** Which failures are retried. Default: every {@link Exception}. */
    public Builder retryOn(Predicate<? super Throwable> retryable) {
      this.retryOn = Objects.requireNonNull(retryable, "retryable");
      return this;
    }

    /** Which failures stop the retry at once, whatever {@link #retryOn} says. Default: none. */
    public Builder abortOn(Predicate<? super Throwable> fatal) {
      this.abortOn = Objects.requireNonNull(fatal, "fatal");
      return this;
    }

    /** Which results are retried (the last one is returned when the retry gives up). Default: none. */
    @SuppressWarnings("unchecked")
    public Builder retryOnResult(Predicate<?> retryable) {
      this.retryOnResult = (Predicate<Object>) Objects.requireNonNull(retryable, "retryable");
      return this;
    }

    /** Which results are returned at once, whatever {@link #retryOnResult} says. Default: none. */
    @SuppressWarnings("unchecked")
    public Builder abortOnResult(Predicate<?> fatal) {
      this.abortOnResult = (Predicate<Object>) Objects.requireNonNull(fatal, "fatal");
      return this;
    }

    /**
     * The failure's own idea of when to try again (an HTTP 429 or 503 {@code Retry-After}), or null.
     * The wait is the longer of the hint and the backoff. Default: {@link RejectedException#retryAfter()}.
     */
    public Builder delayHint(Function<? super Throwable, Duration> hint) {
      this.delayHint = Objects.requireNonNull(hint, "hint");
      return this;
    }

    /** The clock; tests pass a fake one. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** How to wait; tests pass one that advances a fake ticker. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The randomness of jittered backoffs (must be thread-safe if the retry is shared). Default: {@link java.util.concurrent.ThreadLocalRandom}. */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Where metrics go: counter {@code architect.resilience.retry.calls} (outcome success,
     * success_after_retry, failure, failure_after_retry) and counter {@code .retries}. Default: no-op.
     */
    public Builder openTelemetry(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
      return this;
    }

    /** Called before each wait, on the calling thread. */
    public Builder onRetry(Consumer<? super RetryEvent> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** The retry. */
    public Retry build() {
      return new RetryImpl(this);
    }
  }
}
