package dev.architect.resilience;

import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A circuit breaker: counts the outcomes of recent calls and, when too many fail or are slow, refuses
 * calls for a while (OPEN), then lets a few trial calls through (HALF_OPEN) to decide whether to close
 * again.
 *
 * <pre>{@code
 * CircuitBreaker breaker = CircuitBreaker.builder("payments")
 *     .failureRateThreshold(50)
 *     .slidingWindow(CircuitBreaker.WindowType.COUNT_BASED, 100)
 *     .minimumNumberOfCalls(20)
 *     .waitInOpenState(Duration.ofSeconds(30))
 *     .build();
 * Receipt receipt = breaker.call(() -> payments.charge(order));
 * }</pre>
 *
 * <p>Guarantees: in HALF_OPEN at most {@link Builder#permittedCallsInHalfOpenState} counted trial calls
 * are let through before the breaker decides (a trial whose exception is ignored gives its permit
 * back); a count-based window holds the last N outcomes. The clock is read only when the configuration
 * needs it: a count-based breaker without a slow-call threshold reads it only while open; with a
 * slow-call threshold it reads it twice per call (the duration needs a start and an end).
 *
 * <p>Thread-safe and lock-free for count-based windows (a time-based window takes a short
 * {@link java.util.concurrent.locks.ReentrantLock}); nothing blocks inside {@code synchronized}, so
 * virtual threads never pin. Listeners run on the thread whose call caused the transition; an
 * exception thrown by a listener goes to that thread's uncaught-exception handler, not to the caller.
 */
public sealed interface CircuitBreaker permits CircuitBreakerImpl {
  /** The breaker's states. */
  enum State {
    /** Calls pass and their outcomes are counted. */
    CLOSED,
    /** Calls are refused until the wait in the open state is over. */
    OPEN,
    /** A limited number of trial calls pass; their outcomes decide between CLOSED and OPEN. */
    HALF_OPEN,
    /** Calls are refused until the breaker is {@linkplain #reset reset}. */
    FORCED_OPEN,
    /** Calls pass and nothing is counted, until the breaker is {@linkplain #reset reset}. */
    DISABLED
  }

  /** How the sliding window of recent outcomes is measured. */
  enum WindowType {
    /** The last N calls. */
    COUNT_BASED,
    /** The calls of the last N seconds. */
    TIME_BASED
  }

  /**
   * A transition, as reported to {@link Builder#onStateChange} listeners.
   *
   * @param circuitBreaker the breaker's name
   * @param from the state left
   * @param to the state entered
   * @param ticks the {@link Ticker} reading when it happened (0 when the transition needed no clock)
   */
  record StateChange(String circuitBreaker, State from, State to, long ticks) {}

  /** Starts the configuration of a breaker named {@code name} (used in messages and metrics). */
  static Builder builder(String name) {
    return new Builder(name);
  }

  /** A breaker with the default configuration (see {@link Builder}). */
  static CircuitBreaker ofDefaults(String name) {
    return builder(name).build();
  }

  /** The name given to the builder. */
  String name();

  /** The current state. */
  State state();

  /** The failure rate of the current window in percent, or -1 while it has fewer calls than the minimum or is not CLOSED. */
  double failureRate();

  /** The slow-call rate of the current window in percent, or -1 while it has fewer calls than the minimum or is not CLOSED. */
  double slowCallRate();

  /**
   * Runs {@code call} if the breaker permits it, counting its outcome.
   *
   * @throws CircuitBreakerOpenException if the breaker does not permit the call
   * @throws Exception what {@code call} threw, unchanged
   */
  <T> T call(Callable<T> call) throws Exception;

  /** {@link #call} for code that throws no checked exception. */
  <T> T get(Supplier<T> supplier);

  /** {@link #call} for code without a result. */
  void run(Runnable runnable);

  /** Moves to FORCED_OPEN: every call is refused until {@link #reset}. */
  void forceOpen();

  /** Moves to DISABLED: every call passes and nothing is counted, until {@link #reset}. */
  void disable();

  /** Moves to CLOSED with an empty window, and forgets how many times in a row it opened. */
  void reset();

  /**
   * The configuration of a {@link CircuitBreaker}. Defaults: failure-rate threshold 50%, no slow-call
   * threshold, a count-based window of 100 calls, minimum 100 calls, 60 s in OPEN, 10 trial calls in
   * HALF_OPEN, every exception counts as a failure except {@link RejectedException}s (the protected
   * code never ran: they are ignored), no result counts as a failure, the system ticker, no metrics.
   * Each setter checks its argument at once, naming it and its value. Not thread-safe.
   */
  final class Builder {
    final String name;
    double failureRateThreshold = 50;
    double slowCallRateThreshold = 0; // 0 means off
    long slowCallNanos = Long.MAX_VALUE;
    WindowType windowType = WindowType.COUNT_BASED;
    int windowSize = 100;
    int minimumNumberOfCalls = 100;
    IntFunction<Duration> waitInOpenState = attempt -> Duration.ofSeconds(60);
    int permittedCallsInHalfOpenState = 10;
    Predicate<? super Throwable> failureException = t -> true;
    Predicate<? super Throwable> ignoredException = t -> t instanceof RejectedException;
    Predicate<Object> failureResult = r -> false;
    Ticker ticker = Ticker.system();
    OpenTelemetry openTelemetry = OpenTelemetry.noop();
    final List<Consumer<? super StateChange>> listeners = new ArrayList<>();

    private Builder(String name) {
      this.name = Checks.name(name);
    }

    /** Opens when at least this percentage of the window's calls failed; in (0, 100]. */
    public Builder failureRateThreshold(double percent) {
      this.failureRateThreshold = Checks.percentage("failureRateThreshold", percent);
      return this;
    }

    /** Opens when at least {@code percent} of the window's calls took {@code duration} or longer. */
    public Builder slowCallRateThreshold(double percent, Duration duration) {
      this.slowCallRateThreshold = Checks.percentage("slowCallRateThreshold", percent);
      this.slowCallNanos = Checks.positiveNanos("slowCallDuration", duration);
      return this;
    }

    /**
     * The window: the last {@code size} calls (at most 100,000), or the calls of the last {@code size}
     * seconds (at most 3600).
     */
    public Builder slidingWindow(WindowType type, int size) {
      Objects.requireNonNull(type, "type");
      Checks.positive("windowSize", size);
      Checks.atMost("windowSize", size, type == WindowType.COUNT_BASED ? CountWindow.MAX_SIZE : 3600);
      this.windowType = type;
      this.windowSize = size;
      return this;
    }

    /** Rates are computed only once the window holds at least this many calls. */
    public Builder minimumNumberOfCalls(int calls) {
      this.minimumNumberOfCalls = Checks.positive("minimumNumberOfCalls", calls);
      return this;
    }

    /** How long to stay OPEN before trying HALF_OPEN; positive. */
    public Builder waitInOpenState(Duration wait) {
      Checks.positiveNanos("waitInOpenState", wait);
      this.waitInOpenState = attempt -> wait;
      return this;
    }

    /**
     * How long to stay OPEN, as a function of how many times in a row the breaker opened (1, 2, ...;
     * a successful HALF_OPEN or a reset starts again at 1): a backoff for a dependency that stays
     * down, for instance {@code n -> Backoff.exponential(Duration.ofSeconds(1), 2, Duration.ofMinutes(5)).delay(n)}.
     * The function must return a positive duration.
     */
    public Builder waitInOpenState(IntFunction<Duration> waitByOpenings) {
      this.waitInOpenState = Objects.requireNonNull(waitByOpenings, "waitByOpenings");
      return this;
    }

    /** How many trial calls HALF_OPEN lets through before deciding; at most 100,000. */
    public Builder permittedCallsInHalfOpenState(int calls) {
      Checks.positive("permittedCallsInHalfOpenState", calls);
      this.permittedCallsInHalfOpenState = Checks.atMost("permittedCallsInHalfOpenState", calls, CountWindow.MAX_SIZE);
      return this;
    }

    /** Which exceptions count as failures; the others (not ignored) count as successes. Default: all. */
    public Builder recordExceptions(Predicate<? super Throwable> isFailure) {
      this.failureException = Objects.requireNonNull(isFailure, "isFailure");
      return this;
    }

    /**
     * Which exceptions are not counted at all (checked before {@link #recordExceptions}). Default:
     * {@link RejectedException}s thrown by policies inside this breaker.
     */
    public Builder ignoreExceptions(Predicate<? super Throwable> isIgnored) {
      this.ignoredException = Objects.requireNonNull(isIgnored, "isIgnored");
      return this;
    }

    /** Which results count as failures. Default: none. */
    @SuppressWarnings("unchecked")
    public Builder recordResults(Predicate<?> isFailure) {
      this.failureResult = (Predicate<Object>) Objects.requireNonNull(isFailure, "isFailure");
      return this;
    }

    /** The clock; tests pass a fake one. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /**
     * Where metrics go: counter {@code architect.resilience.circuit_breaker.calls} (outcome success,
     * failure, ignored, rejected), counter {@code .transitions} (attribute state: the state entered),
     * gauge {@code .state} (1 for the current state, 0 for the others). Default: no-op.
     */
    public Builder openTelemetry(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
      return this;
    }

    /** Called on every state transition, on the thread that caused it. */
    public Builder onStateChange(Consumer<? super StateChange> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** The breaker, CLOSED. */
    public CircuitBreaker build() {
      return new CircuitBreakerImpl(this);
    }
  }
}
