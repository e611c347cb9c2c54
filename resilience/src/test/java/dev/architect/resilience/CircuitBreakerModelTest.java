package dev.architect.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.architect.resilience.CircuitBreaker.State;
import dev.architect.resilience.CircuitBreaker.WindowType;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The breaker against a plain single-threaded reference under random operation sequences, and the
 * half-open trial limit under random concurrent schedules.
 */
class CircuitBreakerModelTest {
  /** The breaker as the issue describes it, written as plainly as possible. */
  static final class Reference {
    final WindowType type;
    final int size;
    final int minimum;
    final double failureRate;
    final double slowRate;
    final long slowNanos;
    final int trials;
    final long wait;
    State state = State.CLOSED;
    final ArrayDeque<long[]> window = new ArrayDeque<>(); // {second, failure, slow}
    long openedAt;
    int trialCalls;
    int trialFailures;
    int trialSlow;
    int trialPermits;

    Reference(WindowType type, int size, int minimum, double failureRate, double slowRate, long slowNanos, int trials, long wait) {
      this.type = type;
      this.size = size;
      this.minimum = minimum;
      this.failureRate = failureRate;
      this.slowRate = slowRate;
      this.slowNanos = slowNanos;
      this.trials = trials;
      this.wait = wait;
    }

    void prune(long now) {
      if (type == WindowType.TIME_BASED) {
        long second = Math.floorDiv(now, 1_000_000_000L);
        window.removeIf(e -> e[0] <= second - size);
      }
    }

    boolean exceeded(long calls, long failures, long slow) {
      return calls >= minimum && calls > 0
          && (failures * 100.0 >= failureRate * calls || slowRate > 0 && slow * 100.0 >= slowRate * calls);
    }

    /** Whether a call starting at {@code now} is admitted. */
    boolean admit(long now) {
      if (state == State.OPEN && now - openedAt >= wait) {
        state = State.HALF_OPEN;
        trialCalls = trialFailures = trialSlow = 0;
        trialPermits = trials;
      }
      return switch (state) {
        case CLOSED, DISABLED -> true;
        case OPEN, FORCED_OPEN -> false;
        case HALF_OPEN -> trialPermits-- > 0;
      };
    }

    void record(long start, long end, boolean failure) {
      boolean slow = end - start >= slowNanos;
      if (state == State.CLOSED) {
        window.addLast(new long[] {Math.floorDiv(start, 1_000_000_000L), failure ? 1 : 0, slow ? 1 : 0});
        if (type == WindowType.COUNT_BASED && window.size() > size) {
          window.removeFirst();
        }
        prune(start);
        long f = window.stream().mapToLong(e -> e[1]).sum();
        long s = window.stream().mapToLong(e -> e[2]).sum();
        if (exceeded(window.size(), f, s)) {
          open(end);
        }
      } else if (state == State.HALF_OPEN) {
        trialCalls++;
        trialFailures += failure ? 1 : 0;
        trialSlow += slow ? 1 : 0;
        if (trialCalls == trials) {
          if (trialFailures * 100.0 >= failureRate * trials || slowRate > 0 && trialSlow * 100.0 >= slowRate * trials) {
            open(end);
          } else {
            state = State.CLOSED;
            window.clear();
          }
        }
      }
    }

    void open(long now) {
      state = State.OPEN;
      openedAt = now;
      window.clear();
    }
  }

  @RepeatedTest(40)
  void matchesTheReferenceOnRandomSequences(org.junit.jupiter.api.RepetitionInfo info) throws Exception {
    Random random = new Random(7919L * info.getCurrentRepetition());
    FakeClock clock = new FakeClock(random.nextLong(1L << 50));
    WindowType type = random.nextBoolean() ? WindowType.COUNT_BASED : WindowType.TIME_BASED;
    int size = 1 + random.nextInt(type == WindowType.COUNT_BASED ? 20 : 5);
    int minimum = 1 + random.nextInt(10);
    double failureRate = 1 + random.nextInt(100);
    boolean slowOn = random.nextBoolean();
    double slowRate = slowOn ? 1 + random.nextInt(100) : 0;
    long slowNanos = slowOn ? 100_000_000L : Long.MAX_VALUE;
    int trials = 1 + random.nextInt(5);
    long wait = 1_000_000_000L * (1 + random.nextInt(5));
    // Mostly failing or mostly healthy: the healthy mix makes long runs of successes, which a count
    // window records without writing while its ring is clean.
    int failurePercent = random.nextBoolean() ? 40 : 3;
    CircuitBreaker.Builder b = CircuitBreaker.builder("model").ticker(clock).slidingWindow(type, size)
        .minimumNumberOfCalls(minimum).failureRateThreshold(failureRate)
        .permittedCallsInHalfOpenState(trials).waitInOpenState(Duration.ofNanos(wait));
    if (slowOn) {
      b.slowCallRateThreshold(slowRate, Duration.ofNanos(slowNanos));
    }
    CircuitBreaker breaker = b.build();
    Reference model = new Reference(type, size, minimum, failureRate, slowRate, slowNanos, trials, wait);
    List<String> trace = new ArrayList<>();
    for (int step = 0; step < 2000; step++) {
      int op = random.nextInt(100);
      if (op < 10) {
        long advance = random.nextLong(2_000_000_000L);
        clock.advanceNanos(advance);
        trace.add("advance " + advance);
      } else if (op < 11) {
        breaker.forceOpen();
        model.state = State.FORCED_OPEN;
        trace.add("forceOpen");
      } else if (op < 12) {
        breaker.disable();
        model.state = State.DISABLED;
        trace.add("disable");
      } else if (op < 14) {
        breaker.reset();
        model.state = State.CLOSED;
        model.window.clear();
        trace.add("reset");
      } else {
        boolean failure = random.nextInt(100) < failurePercent;
        long duration = slowOn && random.nextBoolean() ? random.nextLong(200_000_000L) : 0;
        long start = clock.peek();
        boolean admitted = model.admit(start);
        boolean ran;
        try {
          breaker.call(() -> {
            clock.advanceNanos(duration);
            if (failure) {
              throw new IOException("down");
            }
            return "ok";
          });
          ran = true;
        } catch (CircuitBreakerOpenException e) {
          ran = false;
        } catch (IOException e) {
          ran = true;
        }
        trace.add((failure ? "fail " : "succeed ") + duration + " -> " + (ran ? "ran" : "refused"));
        assertThat(ran).as("admission at step %d: %s", step, trace).isEqualTo(admitted);
        if (admitted) {
          model.record(start, clock.peek(), failure);
        }
      }
      assertThat(breaker.state()).as("state at step %d: %s", step, trace.subList(Math.max(0, trace.size() - 20), trace.size()))
          .isEqualTo(model.state);
    }
  }

  @RepeatedTest(20)
  void halfOpenNeverAdmitsMoreThanItsTrialCalls(org.junit.jupiter.api.RepetitionInfo info) throws Exception {
    Random random = new Random(104729L * info.getCurrentRepetition());
    FakeClock clock = new FakeClock();
    int trials = 1 + random.nextInt(8);
    CircuitBreaker breaker = CircuitBreaker.builder("trials").ticker(clock)
        .slidingWindow(WindowType.COUNT_BASED, 1).minimumNumberOfCalls(1)
        .permittedCallsInHalfOpenState(trials).waitInOpenState(Duration.ofSeconds(1)).build();
    assertThat(breaker.get(() -> {
      breaker.forceOpen();
      return "x";
    })).isEqualTo("x");
    breaker.reset();
    try {
      breaker.call(() -> {
        throw new IOException("open it");
      });
    } catch (IOException expected) {
      // opens
    }
    clock.advance(Duration.ofSeconds(1));
    int threads = 50 + random.nextInt(200);
    CyclicBarrier start = new CyclicBarrier(threads);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger admitted = new AtomicInteger();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    List<Thread> all = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      all.add(Thread.ofVirtual().start(() -> {
        try {
          start.await();
          breaker.call(() -> {
            admitted.incrementAndGet();
            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            release.await();
            inside.decrementAndGet();
            return null;
          });
        } catch (CircuitBreakerOpenException refused) {
          // expected for all but the trials
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    // Every thread is either inside (a trial) or done (refused); wait until all refusals are in.
    while (all.stream().filter(t -> !t.isAlive()).count() + inside.get() < threads) {
      Thread.onSpinWait();
    }
    assertThat(admitted.get()).isEqualTo(trials);
    release.countDown();
    for (Thread t : all) {
      t.join();
    }
    assertThat(maxInside.get()).isLessThanOrEqualTo(trials);
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void concurrentFailuresOpenTheBreakerExactlyOnce() throws Exception {
    FakeClock clock = new FakeClock();
    AtomicInteger opened = new AtomicInteger();
    CircuitBreaker breaker = CircuitBreaker.builder("race").ticker(clock)
        .slidingWindow(WindowType.COUNT_BASED, 100).minimumNumberOfCalls(10)
        .onStateChange(c -> {
          if (c.to() == State.OPEN) {
            opened.incrementAndGet();
          }
        })
        .build();
    List<Thread> all = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      all.add(Thread.ofVirtual().start(() -> {
        try {
          breaker.call(() -> {
            throw new IOException("down");
          });
        } catch (Exception expected) {
          // failures and refusals
        }
      }));
    }
    for (Thread t : all) {
      t.join();
    }
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(opened.get()).isEqualTo(1);
  }
}
