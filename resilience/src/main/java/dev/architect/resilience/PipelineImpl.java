package dev.architect.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The policies' call paths written out in one method each, in the documented order, so that a call
 * allocates nothing (no lambda, no iterator, no holder for the clock reading) and reads the clock once
 * per attempt: the first policy that needs the time reads it and the others reuse the reading.
 */
final class PipelineImpl<T> implements Pipeline<T> {
  private final FallbackImpl<T> fallback;
  private final RetryImpl retry;
  private final CircuitBreakerImpl breaker;
  private final RateLimiterImpl limiter;
  private final TimeoutImpl timeout;
  private final SemaphoreBulkhead bulkhead;
  private final Ticker ticker;
  private final long maxDuration;

  PipelineImpl(Builder<T> b) {
    this.fallback = (FallbackImpl<T>) b.fallback;
    this.retry = (RetryImpl) b.retry;
    this.breaker = (CircuitBreakerImpl) b.circuitBreaker;
    this.limiter = (RateLimiterImpl) b.rateLimiter;
    this.timeout = (TimeoutImpl) b.timeout;
    this.bulkhead = (SemaphoreBulkhead) b.bulkhead;
    this.maxDuration = retry == null ? Long.MAX_VALUE : retry.maxDurationNanos;
    List<String> owners = new ArrayList<>();
    List<Ticker> tickers = new ArrayList<>();
    if (retry != null) {
      owners.add("retry '" + retry.name() + "'");
      tickers.add(retry.ticker);
    }
    if (breaker != null) {
      owners.add("circuit breaker '" + breaker.name() + "'");
      tickers.add(breaker.ticker);
    }
    if (limiter != null) {
      owners.add("rate limiter '" + limiter.name() + "'");
      tickers.add(limiter.ticker);
    }
    for (int i = 1; i < tickers.size(); i++) {
      if (tickers.get(i) != tickers.get(0)) {
        throw new IllegalArgumentException("the policies of a pipeline must share one ticker, but "
            + owners.get(0) + " and " + owners.get(i) + " have different ones");
      }
    }
    this.ticker = tickers.isEmpty() ? Ticker.system() : tickers.get(0);
  }

  @Override
  public T call(Callable<? extends T> call) throws Exception {
    return call(call, maxDuration);
  }

  @Override
  public T call(Callable<? extends T> call, Duration timeLeft) throws Exception {
    long left = Checks.saturatedNanos(Objects.requireNonNull(timeLeft, "timeLeft"));
    return call(call, Math.min(maxDuration, Math.max(0, left)));
  }

  @Override
  public T get(Supplier<? extends T> supplier) {
    Objects.requireNonNull(supplier, "supplier");
    try {
      return call(supplier::get);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting in a pipeline", e);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private T call(Callable<? extends T> call, long budget) throws Exception {
    Objects.requireNonNull(call, "call");
    if (fallback == null) {
      return retried(call, budget);
    }
    try {
      return retried(call, budget);
    } catch (Throwable t) {
      if (fallback.handles(t)) {
        return fallback.apply(t);
      }
      throw t;
    }
  }

  private T retried(Callable<? extends T> call, long budget) throws Exception {
    if (retry == null) {
      return attempt(call, 0, false);
    }
    boolean bounded = budget != Long.MAX_VALUE;
    long start = bounded ? ticker.read() : 0;
    long delay = 0;
    for (int attempt = 1; ; attempt++) {
      T result;
      try {
        result = attempt(call, start, bounded && attempt == 1);
      } catch (Throwable t) {
        long next = retry.delayAfter(attempt, delay, t);
        if (next < 0 || !retry.fits(start, next, budget)) {
          retry.failed(attempt);
          throw t;
        }
        retry.pause(attempt, next, t);
        delay = next;
        continue;
      }
      long next = retry.delayAfterResult(attempt, delay, result);
      if (next >= 0 && retry.fits(start, next, budget)) {
        retry.pause(attempt, next, null);
        delay = next;
        continue;
      }
      retry.succeeded(attempt);
      return result;
    }
  }

  /** One attempt through breaker, limiter, timeout and bulkhead; {@code now} is valid when {@code timed}. */
  private T attempt(Callable<? extends T> call, long now, boolean timed) throws Exception {
    CircuitBreakerImpl.Phase admitted = null;
    if (breaker != null) {
      CircuitBreakerImpl.Phase phase = breaker.phase();
      if (phase.needsTime && !timed) {
        now = ticker.read();
        timed = true;
      }
      admitted = phase.acquire(now);
      if (admitted == null) {
        throw breaker.refusal(timed ? now : ticker.read());
      }
    }
    T result;
    try {
      if (limiter != null) {
        if (!timed) {
          now = ticker.read();
          timed = true;
        }
        long due = limiter.acquire(1, now, limiter.maxWait());
        if (due < 0) {
          throw limiter.refusal(due);
        }
      }
      result = timeout == null ? bulkheaded(call) : timeout.call(() -> bulkheaded(call));
    } catch (Throwable t) {
      if (admitted != null) {
        breaker.onError(admitted, now, breaker.measuresDuration() ? ticker.read() : now, t);
      }
      throw t;
    }
    if (admitted != null) {
      breaker.onResult(admitted, now, breaker.measuresDuration() ? ticker.read() : now, result);
    }
    return result;
  }

  private T bulkheaded(Callable<? extends T> call) throws Exception {
    if (bulkhead == null) {
      return call.call();
    }
    int token = bulkhead.acquire();
    if (token < 0) {
      throw bulkhead.refusal();
    }
    try {
      return call.call();
    } finally {
      bulkhead.release(token);
    }
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Pipeline[");
    if (fallback != null) s.append("fallback ");
    if (retry != null) s.append("retry ").append(retry.name()).append(' ');
    if (breaker != null) s.append("circuitBreaker ").append(breaker.name()).append(' ');
    if (limiter != null) s.append("rateLimiter ").append(limiter.name()).append(' ');
    if (timeout != null) s.append("timeout ").append(timeout.name()).append(' ');
    if (bulkhead != null) s.append("bulkhead ").append(bulkhead.name()).append(' ');
    return s.toString().strip() + "]";
  }
}
