package dev.architect.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.architect.resilience.CircuitBreaker.State;
import dev.architect.resilience.CircuitBreaker.StateChange;
import dev.architect.resilience.CircuitBreaker.WindowType;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The breaker's state machine, driven by a fake clock. */
class CircuitBreakerTest {
  private final FakeClock clock = new FakeClock();
  private final List<StateChange> changes = new ArrayList<>();

  private CircuitBreaker.Builder builder() {
    return CircuitBreaker.builder("dep").ticker(clock).onStateChange(changes::add);
  }

  private static void fail(CircuitBreaker breaker) {
    assertThatThrownBy(() -> breaker.call(() -> {
      throw new IOException("down");
    })).isInstanceOf(IOException.class).hasMessage("down");
  }

  private static void succeed(CircuitBreaker breaker) throws Exception {
    assertThat(breaker.call(() -> "ok")).isEqualTo("ok");
  }

  @Test
  void opensAtTheFailureRateOnceTheMinimumIsReached() throws Exception {
    CircuitBreaker breaker = builder().slidingWindow(WindowType.COUNT_BASED, 10).minimumNumberOfCalls(4)
        .failureRateThreshold(50).build();
    fail(breaker);
    fail(breaker);
    fail(breaker); // 3 of 3, but below the minimum of 4
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.failureRate()).isEqualTo(-1);
    succeed(breaker); // 3 of 4 = 75%
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(changes).containsExactly(new StateChange("dep", State.CLOSED, State.OPEN, clock.peek()));
  }

  @Test
  void staysClosedBelowTheThreshold() throws Exception {
    CircuitBreaker breaker = builder().slidingWindow(WindowType.COUNT_BASED, 4).minimumNumberOfCalls(4)
        .failureRateThreshold(50).build();
    for (int i = 0; i < 20; i++) {
      succeed(breaker);
      succeed(breaker);
      succeed(breaker);
      fail(breaker); // 25%
    }
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.failureRate()).isEqualTo(25.0);
  }

  @Test
  void aCountWindowForgetsOutcomesOlderThanItsSize() throws Exception {
    CircuitBreaker breaker = builder().slidingWindow(WindowType.COUNT_BASED, 4).minimumNumberOfCalls(4)
        .failureRateThreshold(75).build();
    fail(breaker);
    fail(breaker);
    succeed(breaker);
    succeed(breaker); // 50%
    succeed(breaker); // the first failure leaves: 25%
    assertThat(breaker.failureRate()).isEqualTo(25.0);
    fail(breaker);
    fail(breaker); // window: S S F F -> wait: S, S, F, F after evicting F and S
    assertThat(breaker.failureRate()).isEqualTo(50.0);
    fail(breaker); // S F F F = 75%
    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }

  @Test
  void aFailureAfterALongRunOfSuccessesLeavesAfterExactlyTheWindowSize() throws Exception {
    // A success after N clean calls is not written to the ring (nothing there would change); the
    // next failure must still count for exactly N calls, itself included.
    CircuitBreaker breaker = builder().slidingWindow(WindowType.COUNT_BASED, 5).minimumNumberOfCalls(5)
        .failureRateThreshold(100).build();
    for (int i = 0; i < 37; i++) {
      succeed(breaker);
    }
    assertThat(breaker.failureRate()).isEqualTo(0.0);
    fail(breaker);
    for (int i = 0; i < 4; i++) {
      assertThat(breaker.failureRate()).as("after %d successes", i).isEqualTo(20.0);
      succeed(breaker);
    }
    assertThat(breaker.failureRate()).isEqualTo(20.0); // the failure and the 4 successes after it
    succeed(breaker);
    assertThat(breaker.failureRate()).isEqualTo(0.0);
    fail(breaker);
    fail(breaker);
    assertThat(breaker.failureRate()).isEqualTo(40.0);
  }

  @Test
  void refusesWhileOpenThenAdmitsTrialCallsAndCloses() throws Exception {
    CircuitBreaker breaker = builder().slidingWindow(WindowType.COUNT_BASED, 2).minimumNumberOfCalls(2)
        .waitInOpenState(Duration.ofSeconds(30)).permittedCallsInHalfOpenState(2).build();
    fail(breaker);
    fail(breaker);
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    clock.advance(Duration.ofSeconds(10));
    assertThatThrownBy(() -> breaker.call(() -> "never"))
        .isInstanceOfSatisfying(CircuitBreakerOpenException.class, e -> {
          assertThat(e).hasMessage("circuit breaker 'dep' is open and does not permit calls");
          assertThat(e.state()).isEqualTo(State.OPEN);
          assertThat(e.policy()).isEqualTo("dep");
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(20));
        });
    clock.advance(Duration.ofSeconds(20));
    succeed(breaker);
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    succeed(breaker);
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(changes).extracting(StateChange::to).containsExactly(State.OPEN, State.HALF_OPEN, State.CLOSED);
  }

  @Test
  void aFailedTrialReopensWithTheNextWaitOfTheBackoff() throws Exception {
    List<Integer> asked = new ArrayList<>();
    CircuitBreaker breaker = builder().slidingWindow(WindowType.COUNT_BASED, 1).minimumNumberOfCalls(1)
        .permittedCallsInHalfOpenState(1)
        .waitInOpenState(n -> {
          asked.add(n);
          return Duration.ofSeconds(10L << (n - 1));
        })
        .build();
    fail(breaker); // opens for 10 s
    clock.advance(Duration.ofSeconds(10));
    fail(breaker); // the trial fails: opens for 20 s
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    clock.advance(Duration.ofSeconds(19));
    assertThatThrownBy(() -> breaker.call(() -> "x")).isInstanceOf(CircuitBreakerOpenException.class);
    clock.advance(Duration.ofSeconds(1));
    fail(breaker); // opens for 40 s
    clock.advance(Duration.ofSeconds(40));
    succeed(breaker); // closes, and the count starts again
    fail(breaker);
    assertThat(asked).containsExactly(1, 2, 3, 1);
  }

  @Test
  void halfOpenRefusesCallsBeyondItsTrials() throws Exception {
    CircuitBreaker breaker = builder().slidingWindow(WindowType.COUNT_BASED, 1).minimumNumberOfCalls(1)
        .permittedCallsInHalfOpenState(2).waitInOpenState(Duration.ofSeconds(1)).build();
    fail(breaker);
    clock.advance(Duration.ofSeconds(1));
    Object inside = breaker.call(() -> breaker.call(() -> {
      // two trials in flight: a third is refused
      assertThatThrownBy(() -> breaker.call(() -> "third"))
          .isInstanceOfSatisfying(CircuitBreakerOpenException.class,
              e -> assertThat(e).hasMessage("circuit breaker 'dep' is half-open and does not permit calls"));
      return "second";
    }));
    assertThat(inside).isEqualTo("second");
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void halfOpenDecidesOnTheFailureRateOfItsTrials() throws Exception {
    CircuitBreaker breaker = builder().slidingWindow(WindowType.COUNT_BASED, 1).minimumNumberOfCalls(1)
        .permittedCallsInHalfOpenState(4).failureRateThreshold(50).waitInOpenState(Duration.ofSeconds(1)).build();
    fail(breaker);
    clock.advance(Duration.ofSeconds(1));
    succeed(breaker);
    succeed(breaker);
    succeed(breaker);
    fail(breaker); // 25% < 50%
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    fail(breaker);
    clock.advance(Duration.ofSeconds(1));
    succeed(breaker);
    succeed(breaker);
    fail(breaker);
    fail(breaker); // 50%
    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }

  @Test
  void slowCallsOpenTheBreaker() throws Exception {
    CircuitBreaker breaker = builder().slidingWindow(WindowType.COUNT_BASED, 4).minimumNumberOfCalls(4)
        .slowCallRateThreshold(50, Duration.ofMillis(100)).build();
    breaker.call(() -> "fast");
    breaker.call(() -> {
      clock.advance(Duration.ofMillis(100));
      return "slow";
    });
    breaker.call(() -> "fast");
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    breaker.call(() -> {
      clock.advance(Duration.ofMillis(250));
      return "slow";
    });
    assertThat(breaker.slowCallRate()).isEqualTo(-1); // open: no window
    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }

  @Test
  void aTimeWindowForgetsSecondsThatLeftIt() throws Exception {
    CircuitBreaker breaker = builder().slidingWindow(WindowType.TIME_BASED, 10).minimumNumberOfCalls(3)
        .failureRateThreshold(60).build();
    fail(breaker);
    fail(breaker);
    clock.advance(Duration.ofSeconds(10)); // both failures leave the window
    succeed(breaker);
    fail(breaker);
    succeed(breaker);
    assertThat(breaker.failureRate()).isCloseTo(33.33, org.assertj.core.data.Offset.offset(0.01));
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    clock.advance(Duration.ofSeconds(5));
    fail(breaker);
    fail(breaker); // 3 of 5 = 60%
    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }

  @Test
  void aTimeWindowSurvivesAPauseLongerThanItself() throws Exception {
    CircuitBreaker breaker = builder().slidingWindow(WindowType.TIME_BASED, 3).minimumNumberOfCalls(1).build();
    succeed(breaker);
    clock.advance(Duration.ofDays(400));
    succeed(breaker);
    assertThat(breaker.failureRate()).isEqualTo(0.0);
    clock.advance(Duration.ofSeconds(3));
    assertThat(breaker.failureRate()).isEqualTo(-1);
  }

  @Test
  void predicatesChooseWhatCounts() throws Exception {
    CircuitBreaker breaker = builder().slidingWindow(WindowType.COUNT_BASED, 2).minimumNumberOfCalls(2)
        .failureRateThreshold(100)
        .recordExceptions(e -> e instanceof IOException)
        .ignoreExceptions(e -> e instanceof IllegalStateException)
        .recordResults(r -> "bad".equals(r))
        .build();
    assertThatThrownBy(() -> breaker.call(() -> {
      throw new IllegalArgumentException("a success for the breaker");
    })).isInstanceOf(IllegalArgumentException.class);
    assertThat(breaker.call(() -> "bad")).isEqualTo("bad");
    assertThat(breaker.failureRate()).isEqualTo(50.0);
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> breaker.call(() -> {
        throw new IllegalStateException("ignored");
      })).isInstanceOf(IllegalStateException.class);
    }
    assertThat(breaker.failureRate()).isEqualTo(50.0);
    assertThat(breaker.call(() -> "bad")).isEqualTo("bad");
    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }

  @Test
  void rejectionsOfInnerPoliciesAreIgnoredByDefault() throws Exception {
    CircuitBreaker breaker = builder().slidingWindow(WindowType.COUNT_BASED, 1).minimumNumberOfCalls(1).build();
    Bulkhead full = Bulkhead.builder("b").maxConcurrentCalls(1).build();
    full.call(() -> {
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> breaker.call(() -> full.call(() -> "x"))).isInstanceOf(BulkheadFullException.class);
      }
      return null;
    });
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    assertThat(breaker.failureRate()).isEqualTo(-1);
  }

  @Test
  void anIgnoredTrialGivesItsPermitBack() throws Exception {
    CircuitBreaker breaker = builder().slidingWindow(WindowType.COUNT_BASED, 1).minimumNumberOfCalls(1)
        .permittedCallsInHalfOpenState(1).waitInOpenState(Duration.ofSeconds(1))
        .ignoreExceptions(e -> e instanceof IllegalStateException).build();
    fail(breaker);
    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> breaker.call(() -> {
      throw new IllegalStateException("ignored");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
    succeed(breaker);
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
  }

  @Test
  void forcedOpenDisabledAndReset() throws Exception {
    CircuitBreaker breaker = builder().slidingWindow(WindowType.COUNT_BASED, 1).minimumNumberOfCalls(1).build();
    breaker.forceOpen();
    clock.advance(Duration.ofDays(1));
    assertThatThrownBy(() -> breaker.call(() -> "x"))
        .isInstanceOfSatisfying(CircuitBreakerOpenException.class, e -> {
          assertThat(e).hasMessage("circuit breaker 'dep' is forced-open and does not permit calls");
          assertThat(e.retryAfter()).isEmpty();
        });
    breaker.disable();
    for (int i = 0; i < 10; i++) {
      fail(breaker);
    }
    assertThat(breaker.state()).isEqualTo(State.DISABLED);
    breaker.reset();
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    fail(breaker);
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(changes).extracting(StateChange::to)
        .containsExactly(State.FORCED_OPEN, State.DISABLED, State.CLOSED, State.OPEN);
  }

  @Test
  void aCallThatEndsAfterTheBreakerMovedOnDoesNotCountInTheNewPhase() throws Exception {
    CircuitBreaker breaker = builder().slidingWindow(WindowType.COUNT_BASED, 2).minimumNumberOfCalls(2).build();
    breaker.call(() -> {
      fail(breaker);
      fail(breaker); // opens while this call runs
      breaker.reset();
      return "late";
    });
    assertThat(breaker.failureRate()).isEqualTo(-1); // the late success went to the old window
  }

  @Test
  void aListenerThatThrowsDoesNotFailTheCall() throws Exception {
    List<Throwable> reported = new ArrayList<>();
    CircuitBreaker breaker = CircuitBreaker.builder("dep").ticker(clock)
        .slidingWindow(WindowType.COUNT_BASED, 1).minimumNumberOfCalls(1)
        .onStateChange(change -> {
          throw new IllegalStateException("listener bug");
        })
        .build();
    Thread.UncaughtExceptionHandler previous = Thread.currentThread().getUncaughtExceptionHandler();
    Thread.currentThread().setUncaughtExceptionHandler((t, e) -> reported.add(e));
    try {
      fail(breaker);
    } finally {
      Thread.currentThread().setUncaughtExceptionHandler(previous);
    }
    assertThat(breaker.state()).isEqualTo(State.OPEN);
    assertThat(reported).singleElement().extracting(Throwable::getMessage).isEqualTo("listener bug");
  }

  @Test
  void aCountBasedBreakerReadsTheClockOnlyWhileOpen() throws Exception {
    CircuitBreaker breaker = builder().slidingWindow(WindowType.COUNT_BASED, 2).minimumNumberOfCalls(2).build();
    long before = clock.reads();
    for (int i = 0; i < 100; i++) {
      succeed(breaker);
    }
    assertThat(clock.reads()).isEqualTo(before);
  }

  @Test
  void aWaitFunctionReturningNothingUsefulIsReported() {
    CircuitBreaker breaker = builder().slidingWindow(WindowType.COUNT_BASED, 1).minimumNumberOfCalls(1)
        .waitInOpenState(n -> Duration.ZERO).build();
    assertThatThrownBy(() -> breaker.call(() -> {
      throw new IOException("down");
    })).isInstanceOf(IllegalStateException.class)
        .hasMessage("waitInOpenState returned PT0S for opening 1 of circuit breaker 'dep'; it must be positive");
  }

  @Test
  void getAndRunWrapNothing() {
    CircuitBreaker breaker = builder().build();
    assertThat(breaker.get(() -> 42)).isEqualTo(42);
    int[] ran = {0};
    breaker.run(() -> ran[0]++);
    assertThat(ran[0]).isEqualTo(1);
    assertThatThrownBy(() -> breaker.get(() -> {
      throw new IllegalArgumentException("as is");
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("as is");
    assertThat(breaker).hasToString("CircuitBreaker(dep, CLOSED)");
  }
}
