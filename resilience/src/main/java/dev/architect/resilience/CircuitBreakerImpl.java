package dev.architect.resilience;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The breaker as phases swapped atomically: each phase object holds what its state needs (the window,
 * the time it opened, the trial permits), so a call reads one reference and a transition is one
 * compare-and-set, won by exactly one thread. A call records its outcome in the phase that admitted
 * it: a call that ends after the breaker moved on cannot disturb the new phase.
 */
final class CircuitBreakerImpl implements CircuitBreaker {
  static final int SUCCESS = 0;
  static final int FAILURE = 1;
  static final int IGNORED = 2;
  static final int REJECTED = 3;

  private final String name;
  private final Window.Thresholds thresholds;
  private final long slowCallNanos;
  private final boolean measuresDuration;
  private final WindowType windowType;
  private final int windowSize;
  private final IntFunction<Duration> waitInOpenState;
  private final int permittedCallsInHalfOpenState;
  private final Predicate<? super Throwable> failureException;
  private final Predicate<? super Throwable> ignoredException;
  private final Predicate<Object> failureResult;
  final Ticker ticker;
  private final List<Consumer<? super StateChange>> listeners;
  private final boolean closedNeedsTime; // slow calls or a time-based window
  private final AtomicReference<Phase> phase = new AtomicReference<>();
  private final Metrics.Counter calls;
  private final LongCounter transitions;
  private final Attributes[] stateAttributes;

  CircuitBreakerImpl(Builder b) {
    this.name = b.name;
    this.thresholds = new Window.Thresholds(b.minimumNumberOfCalls, b.failureRateThreshold, b.slowCallRateThreshold);
    this.slowCallNanos = b.slowCallNanos;
    this.measuresDuration = b.slowCallRateThreshold > 0;
    this.windowType = b.windowType;
    this.windowSize = b.windowSize;
    this.waitInOpenState = b.waitInOpenState;
    this.permittedCallsInHalfOpenState = b.permittedCallsInHalfOpenState;
    this.failureException = b.failureException;
    this.ignoredException = b.ignoredException;
    this.failureResult = b.failureResult;
    this.ticker = b.ticker;
    this.listeners = List.copyOf(b.listeners);
    this.closedNeedsTime = measuresDuration || windowType == WindowType.TIME_BASED;
    phase.set(new Closed(0));

    Metrics metrics = new Metrics(b.openTelemetry, "circuit_breaker", name);
    this.calls = metrics.counter("calls", "calls seen by the circuit breaker, by outcome",
        "success", "failure", "ignored", "rejected");
    State[] states = State.values();
    this.stateAttributes = new Attributes[states.length];
    for (State s : states) {
      stateAttributes[s.ordinal()] = metrics.with(Metrics.STATE, s.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (metrics.enabled) {
      this.transitions = metrics.meter().counterBuilder("architect.resilience.circuit_breaker.transitions")
          .setDescription("state transitions, by the state entered").build();
      metrics.gauge("state", "1 for the breaker's current state, 0 for the others", measurement -> {
        State current = state();
        for (State s : states) {
          measurement.record(s == current ? 1 : 0, stateAttributes[s.ordinal()]);
        }
      });
    } else {
      this.transitions = null;
    }
  }

  // ---- the call path, also used by Pipeline ----------------------------------------------------

  /** The current phase; {@link Phase#needsTime} says whether {@link Phase#acquire} needs a clock reading. */
  Phase phase() {
    return phase.get();
  }

  /** Whether a call needs its end time (slow-call detection). */
  boolean measuresDuration() {
    return measuresDuration;
  }

  CircuitBreakerOpenException refusal(long now) {
    calls.add(REJECTED);
    Phase p = phase.get();
    long retryAfter = p instanceof Open open ? Math.max(0, open.wait - (now - open.openedAt)) : -1;
    return new CircuitBreakerOpenException(name, p.state, retryAfter);
  }

  /** Counts a result of a call admitted by {@code admitted}, started at {@code start} and ended at {@code end}. */
  void onResult(Phase admitted, long start, long end, Object result) {
    boolean failed = failureResult.test(result);
    calls.add(failed ? FAILURE : SUCCESS);
    admitted.record(start, (failed ? Window.FAILURE : 0) | (end - start >= slowCallNanos ? Window.SLOW : 0));
  }

  /** Counts a failure of a call admitted by {@code admitted}. */
  void onError(Phase admitted, long start, long end, Throwable failure) {
    if (ignoredException.test(failure)) {
      calls.add(IGNORED);
      admitted.release();
      return;
    }
    boolean failed = failureException.test(failure);
    calls.add(failed ? FAILURE : SUCCESS);
    admitted.record(start, (failed ? Window.FAILURE : 0) | (end - start >= slowCallNanos ? Window.SLOW : 0));
  }

  @Override
  public <T> T call(Callable<T> call) throws Exception {
    Phase p = phase.get();
    long start = p.needsTime ? ticker.read() : 0;
    Phase admitted = p.acquire(start);
    if (admitted == null) {
      throw refusal(start);
    }
    T result;
    try {
      result = call.call();
    } catch (Throwable t) {
      onError(admitted, start, measuresDuration ? ticker.read() : start, t);
      throw t;
    }
    onResult(admitted, start, measuresDuration ? ticker.read() : start, result);
    return result;
  }

  @Override
  public <T> T get(Supplier<T> supplier) {
    try {
      return call(supplier::get);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  @Override
  public void run(Runnable runnable) {
    get(() -> {
      runnable.run();
      return null;
    });
  }

  // ---- state -----------------------------------------------------------------------------------

  @Override
  public String name() {
    return name;
  }

  @Override
  public State state() {
    return phase.get().state;
  }

  @Override
  public double failureRate() {
    return phase.get().rate(false);
  }

  @Override
  public double slowCallRate() {
    return phase.get().rate(true);
  }

  @Override
  public void forceOpen() {
    transition(phase.get(), new Fixed(State.FORCED_OPEN), 0);
  }

  @Override
  public void disable() {
    transition(phase.get(), new Fixed(State.DISABLED), 0);
  }

  @Override
  public void reset() {
    transition(phase.get(), new Closed(0), 0);
  }

  @Override
  public String toString() {
    return "CircuitBreaker(" + name + ", " + state() + ")";
  }

  /** Moves from {@code from} to {@code to} if nobody moved first; tells the listeners and metrics. */
  private boolean transition(Phase from, Phase to, long ticks) {
    if (!phase.compareAndSet(from, to)) {
      return false;
    }
    if (transitions != null) {
      transitions.add(1, stateAttributes[to.state.ordinal()]);
    }
    if (!listeners.isEmpty()) {
      StateChange change = new StateChange(name, from.state, to.state, ticks);
      for (Consumer<? super StateChange> listener : listeners) {
        try {
          listener.accept(change);
        } catch (RuntimeException e) {
          // Not swallowed, and not the caller's problem: the thread's handler reports it.
          Thread thread = Thread.currentThread();
          thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
        }
      }
    }
    return true;
  }

  /** Opens for the {@code openings}-th time in a row, if {@code from} is still the phase. */
  private void open(Phase from, int openings) {
    long now = ticker.read();
    Duration wait = waitInOpenState.apply(openings);
    if (wait == null || wait.isNegative() || wait.isZero()) {
      throw new IllegalStateException("waitInOpenState returned " + wait + " for opening " + openings
          + " of circuit breaker '" + name + "'; it must be positive");
    }
    transition(from, new Open(now, Checks.saturatedNanos(wait), openings), now);
  }

  // ---- phases ----------------------------------------------------------------------------------

  abstract static class Phase {
    final State state;
    final boolean needsTime;

    Phase(State state, boolean needsTime) {
      this.state = state;
      this.needsTime = needsTime;
    }

    /** This phase, or the one that replaced it, if it admits a call at {@code now}; null if refused. */
    abstract Phase acquire(long now);

    /** Counts the outcome of a call this phase admitted at {@code start}. */
    abstract void record(long start, int flags);

    /** Gives back the permit of an admitted call whose outcome is not counted. */
    void release() {}

    double rate(boolean slow) {
      return -1;
    }
  }

  private final class Closed extends Phase {
    private final Window window;
    private final int openings; // how many times in a row the breaker opened before closing

    Closed(int openings) {
      super(State.CLOSED, closedNeedsTime);
      this.openings = openings;
      this.window = windowType == WindowType.COUNT_BASED
          ? new CountWindow(windowSize, thresholds)
          : new TimeWindow(windowSize, thresholds);
    }

    @Override
    Phase acquire(long now) {
      return this;
    }

    @Override
    void record(long start, int flags) {
      if (window.record(start, flags) && phase.get() == this) {
        open(this, openings + 1);
      }
    }

    @Override
    double rate(boolean slow) {
      return window.rate(needsTime ? ticker.read() : 0, slow);
    }
  }

  private final class Open extends Phase {
    final long openedAt;
    final long wait;
    private final int openings;

    Open(long openedAt, long wait, int openings) {
      super(State.OPEN, true);
      this.openedAt = openedAt;
      this.wait = wait;
      this.openings = openings;
    }

    @Override
    Phase acquire(long now) {
      if (now - openedAt < wait) {
        return null;
      }
      transition(this, new HalfOpen(openings), now);
      return phase.get().acquire(now); // the half-open phase installed here or by a faster thread
    }

    @Override
    void record(long start, int flags) {
      // never admits a call
    }
  }

  private final class HalfOpen extends Phase {
    private final AtomicInteger permits = new AtomicInteger(permittedCallsInHalfOpenState);
    private final AtomicLong outcomes = new AtomicLong(); // calls | failures << 20 | slow << 40
    private final int openings;

    HalfOpen(int openings) {
      super(State.HALF_OPEN, measuresDuration);
      this.openings = openings;
    }

    @Override
    Phase acquire(long now) {
      // Never below zero, so exactly the permitted number of calls get in.
      for (int left = permits.get(); left > 0; left = permits.get()) {
        if (permits.compareAndSet(left, left - 1)) {
          return this;
        }
      }
      return null;
    }

    @Override
    void release() {
      permits.incrementAndGet();
    }

    @Override
    void record(long start, int flags) {
      long add = 1 | ((long) (flags & Window.FAILURE) << 20) | ((long) (flags & Window.SLOW) >> 1 << 40);
      long totals = outcomes.addAndGet(add);
      int n = (int) (totals & 0xFFFFF);
      if (n == permittedCallsInHalfOpenState) {
        long failures = (totals >>> 20) & 0xFFFFF;
        long slow = (totals >>> 40) & 0xFFFFF;
        Window.Thresholds decide = new Window.Thresholds(1, thresholds.failureRate(), thresholds.slowCallRate());
        if (decide.exceeded(n, failures, slow)) {
          open(this, openings + 1);
        } else {
          transition(this, new Closed(0), 0);
        }
      }
    }
  }

  /** FORCED_OPEN (refuses everything) or DISABLED (admits everything, counts nothing). */
  private static final class Fixed extends Phase {
    Fixed(State state) {
      super(state, false);
    }

    @Override
    Phase acquire(long now) {
      return state == State.DISABLED ? this : null;
    }

    @Override
    void record(long start, int flags) {}
  }
}
