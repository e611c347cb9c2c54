package dev.architect.bench.resilience;

import dev.architect.bench.Contenders;
import dev.architect.resilience.Backoff;
import dev.architect.resilience.Bulkhead;
import dev.architect.resilience.CircuitBreaker;
import dev.architect.resilience.Pipeline;
import dev.architect.resilience.RateLimiter;
import dev.architect.resilience.Retry;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * A no-op call (it returns a field) through each policy alone and through retry + circuit breaker +
 * rate limiter + bulkhead composed, with Architect, Resilience4j 2.4.0 and Failsafe 3.3.2 configured
 * alike, on one thread and on two threads sharing the policies ({@code Scope.Benchmark}). Nothing
 * ever fails or is refused: this is the cost every successful call pays.
 *
 * <p>The same configuration everywhere: circuit breaker with a count-based window of 100 calls,
 * minimum 100, failure-rate threshold 50%, 60 s open, 10 half-open trials (Failsafe: 50 failures of
 * the last 100, 10 successes to close); retry with 3 attempts and a fixed 100 ms wait; rate limiter
 * with a bucket of 1,000,000 tokens refilled at 10^8 per second (Resilience4j: 1,000,000 per 10 ms
 * period; Failsafe: bursty, 1,000,000 per 10 ms), never waiting; bulkhead of 25 concurrent calls,
 * never waiting. Each contender's decorated call is built once in {@code @Setup}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Contenders(anchors = {"resilience4j", "failsafe"})
public class PolicyBenchmark {
  private final Object value = new Object();
  private final Callable<Object> call = () -> value;
  private final Supplier<Object> supplier = () -> value;
  private final CheckedSupplier<Object> checked = () -> value;

  private CircuitBreaker breaker;
  private Retry retry;
  private RateLimiter limiter;
  private Bulkhead bulkhead;
  private Pipeline<Object> composed;

  private Supplier<Object> r4jBreaker;
  private Supplier<Object> r4jRetry;
  private Supplier<Object> r4jLimiter;
  private Supplier<Object> r4jBulkhead;
  private Supplier<Object> r4jComposed;

  private FailsafeExecutor<Object> fsBreaker;
  private FailsafeExecutor<Object> fsRetry;
  private FailsafeExecutor<Object> fsLimiter;
  private FailsafeExecutor<Object> fsBulkhead;
  private FailsafeExecutor<Object> fsComposed;

  @Setup
  public void setUp() {
    breaker = CircuitBreaker.builder("cb").slidingWindow(CircuitBreaker.WindowType.COUNT_BASED, 100)
        .minimumNumberOfCalls(100).failureRateThreshold(50).waitInOpenState(Duration.ofSeconds(60))
        .permittedCallsInHalfOpenState(10).build();
    retry = Retry.builder("retry").maxAttempts(3).backoff(Backoff.fixed(Duration.ofMillis(100))).build();
    limiter = RateLimiter.builder("rl").capacity(1_000_000).refill(1_000_000, Duration.ofMillis(10)).build();
    bulkhead = Bulkhead.builder("bh").maxConcurrentCalls(25).build();
    composed = Pipeline.builder().retry(retry).circuitBreaker(breaker).rateLimiter(limiter).bulkhead(bulkhead).build();

    var cb4 = io.github.resilience4j.circuitbreaker.CircuitBreaker.of("cb", CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED).slidingWindowSize(100)
        .minimumNumberOfCalls(100).failureRateThreshold(50).waitDurationInOpenState(Duration.ofSeconds(60))
        .permittedNumberOfCallsInHalfOpenState(10).build());
    var retry4 = io.github.resilience4j.retry.Retry.of("retry", RetryConfig.custom().maxAttempts(3)
        .waitDuration(Duration.ofMillis(100)).build());
    var rl4 = io.github.resilience4j.ratelimiter.RateLimiter.of("rl", RateLimiterConfig.custom()
        .limitForPeriod(1_000_000).limitRefreshPeriod(Duration.ofMillis(10)).timeoutDuration(Duration.ZERO).build());
    var bh4 = io.github.resilience4j.bulkhead.Bulkhead.of("bh", BulkheadConfig.custom().maxConcurrentCalls(25)
        .maxWaitDuration(Duration.ZERO).build());
    r4jBreaker = io.github.resilience4j.circuitbreaker.CircuitBreaker.decorateSupplier(cb4, supplier);
    r4jRetry = io.github.resilience4j.retry.Retry.decorateSupplier(retry4, supplier);
    r4jLimiter = io.github.resilience4j.ratelimiter.RateLimiter.decorateSupplier(rl4, supplier);
    r4jBulkhead = io.github.resilience4j.bulkhead.Bulkhead.decorateSupplier(bh4, supplier);
    r4jComposed = io.github.resilience4j.retry.Retry.decorateSupplier(retry4,
        io.github.resilience4j.circuitbreaker.CircuitBreaker.decorateSupplier(cb4,
            io.github.resilience4j.ratelimiter.RateLimiter.decorateSupplier(rl4,
                io.github.resilience4j.bulkhead.Bulkhead.decorateSupplier(bh4, supplier))));

    dev.failsafe.CircuitBreaker<Object> cbFs = dev.failsafe.CircuitBreaker.builder().withFailureThreshold(50, 100)
        .withDelay(Duration.ofSeconds(60)).withSuccessThreshold(10).build();
    RetryPolicy<Object> retryFs = RetryPolicy.builder().withMaxAttempts(3).withDelay(Duration.ofMillis(100)).build();
    dev.failsafe.RateLimiter<Object> rlFs = dev.failsafe.RateLimiter.burstyBuilder(1_000_000, Duration.ofMillis(10))
        .withMaxWaitTime(Duration.ZERO).build();
    dev.failsafe.Bulkhead<Object> bhFs = dev.failsafe.Bulkhead.builder(25).withMaxWaitTime(Duration.ZERO).build();
    fsBreaker = Failsafe.with(cbFs);
    fsRetry = Failsafe.with(retryFs);
    fsLimiter = Failsafe.with(rlFs);
    fsBulkhead = Failsafe.with(bhFs);
    fsComposed = Failsafe.with(retryFs, cbFs, rlFs, bhFs); // outermost first
  }

  // ---- circuit breaker -----------------------------------------------------------------------

  @Benchmark
  public Object breaker1t_architect() throws Exception {
    return breaker.call(call);
  }

  @Benchmark
  public Object breaker1t_resilience4j() {
    return r4jBreaker.get();
  }

  @Benchmark
  public Object breaker1t_failsafe() {
    return fsBreaker.get(checked);
  }

  @Benchmark
  @Threads(2)
  public Object breaker2t_architect() throws Exception {
    return breaker.call(call);
  }

  @Benchmark
  @Threads(2)
  public Object breaker2t_resilience4j() {
    return r4jBreaker.get();
  }

  @Benchmark
  @Threads(2)
  public Object breaker2t_failsafe() {
    return fsBreaker.get(checked);
  }

  // ---- retry ---------------------------------------------------------------------------------

  @Benchmark
  public Object retry1t_architect() throws Exception {
    return retry.call(call);
  }

  @Benchmark
  public Object retry1t_resilience4j() {
    return r4jRetry.get();
  }

  @Benchmark
  public Object retry1t_failsafe() {
    return fsRetry.get(checked);
  }

  @Benchmark
  @Threads(2)
  public Object retry2t_architect() throws Exception {
    return retry.call(call);
  }

  @Benchmark
  @Threads(2)
  public Object retry2t_resilience4j() {
    return r4jRetry.get();
  }

  @Benchmark
  @Threads(2)
  public Object retry2t_failsafe() {
    return fsRetry.get(checked);
  }

  // ---- rate limiter --------------------------------------------------------------------------

  @Benchmark
  public Object rateLimiter1t_architect() throws Exception {
    return limiter.call(call);
  }

  @Benchmark
  public Object rateLimiter1t_resilience4j() {
    return r4jLimiter.get();
  }

  @Benchmark
  public Object rateLimiter1t_failsafe() {
    return fsLimiter.get(checked);
  }

  @Benchmark
  @Threads(2)
  public Object rateLimiter2t_architect() throws Exception {
    return limiter.call(call);
  }

  @Benchmark
  @Threads(2)
  public Object rateLimiter2t_resilience4j() {
    return r4jLimiter.get();
  }

  @Benchmark
  @Threads(2)
  public Object rateLimiter2t_failsafe() {
    return fsLimiter.get(checked);
  }

  // ---- bulkhead ------------------------------------------------------------------------------

  @Benchmark
  public Object bulkhead1t_architect() throws Exception {
    return bulkhead.call(call);
  }

  @Benchmark
  public Object bulkhead1t_resilience4j() {
    return r4jBulkhead.get();
  }

  @Benchmark
  public Object bulkhead1t_failsafe() {
    return fsBulkhead.get(checked);
  }

  @Benchmark
  @Threads(2)
  public Object bulkhead2t_architect() throws Exception {
    return bulkhead.call(call);
  }

  @Benchmark
  @Threads(2)
  public Object bulkhead2t_resilience4j() {
    return r4jBulkhead.get();
  }

  @Benchmark
  @Threads(2)
  public Object bulkhead2t_failsafe() {
    return fsBulkhead.get(checked);
  }

  // ---- retry + circuit breaker + rate limiter + bulkhead -------------------------------------

  @Benchmark
  public Object composed1t_architect() throws Exception {
    return composed.call(call);
  }

  @Benchmark
  public Object composed1t_resilience4j() {
    return r4jComposed.get();
  }

  @Benchmark
  public Object composed1t_failsafe() {
    return fsComposed.get(checked);
  }

  @Benchmark
  @Threads(2)
  public Object composed2t_architect() throws Exception {
    return composed.call(call);
  }

  @Benchmark
  @Threads(2)
  public Object composed2t_resilience4j() {
    return r4jComposed.get();
  }

  @Benchmark
  @Threads(2)
  public Object composed2t_failsafe() {
    return fsComposed.get(checked);
  }
}
