package dev.architect.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final long MS = 1_000_000L;
  private final Random random = new Random(42);

  @Test
  void fixedIsAlwaysTheSame() {
    Backoff fixed = Backoff.fixed(Duration.ofMillis(250));
    for (int retry = 1; retry < 10; retry++) {
      assertThat(fixed.delayNanos(retry, 123, random)).isEqualTo(250 * MS);
    }
    assertThat(Backoff.fixed(Duration.ZERO).delayNanos(1, 0, random)).isZero();
  }

  @Test
  void exponentialGrowsByTheMultiplierUpToTheMaximum() {
    Backoff exponential = Backoff.exponential(Duration.ofMillis(100), 2, Duration.ofSeconds(1));
    long[] expected = {100, 200, 400, 800, 1000, 1000};
    for (int retry = 1; retry <= expected.length; retry++) {
      assertThat(exponential.delayNanos(retry, 0, random)).isEqualTo(expected[retry - 1] * MS);
    }
    assertThat(exponential.delayNanos(Integer.MAX_VALUE, 0, random)).isEqualTo(1000 * MS);
    Backoff slow = Backoff.exponential(Duration.ofMillis(100), 1.5, Duration.ofDays(1));
    assertThat(slow.delayNanos(3, 0, random)).isEqualTo(225 * MS);
  }

  @Test
  void fullJitterDrawsUniformlyBelowTheExponentialCeiling() {
    Backoff jitter = Backoff.exponentialFullJitter(Duration.ofMillis(100), 2, Duration.ofSeconds(1));
    SplittableRandom draws = new SplittableRandom(1);
    for (int retry = 1; retry <= 8; retry++) {
      long ceiling = Math.min(1000, 100L << (retry - 1)) * MS;
      long below = 0;
      long min = Long.MAX_VALUE;
      long max = 0;
      int n = 4000;
      for (int i = 0; i < n; i++) {
        long d = jitter.delayNanos(retry, 0, draws);
        assertThat(d).isBetween(0L, ceiling);
        below += d < ceiling / 2 ? 1 : 0;
        min = Math.min(min, d);
        max = Math.max(max, d);
      }
      // Uniform: about half below the middle, and the draws reach both ends of the range.
      assertThat(below).isBetween(n * 45L / 100, n * 55L / 100);
      assertThat(min).isLessThan(ceiling / 50);
      assertThat(max).isGreaterThan(ceiling - ceiling / 50);
    }
  }

  @Test
  void decorrelatedJitterStaysBetweenTheBaseAndThreeTimesThePreviousDelay() {
    Backoff jitter = Backoff.decorrelatedJitter(Duration.ofMillis(10), Duration.ofSeconds(2));
    SplittableRandom draws = new SplittableRandom(2);
    long previous = 0;
    boolean reachedCap = false;
    for (int retry = 1; retry <= 2000; retry++) {
      long d = jitter.delayNanos(retry, previous, draws);
      long top = Math.max(previous, 10 * MS) * 3;
      assertThat(d).isBetween(10 * MS, Math.min(2000 * MS, top));
      reachedCap |= d == 2000 * MS;
      previous = d;
    }
    assertThat(reachedCap).isTrue();
  }

  @Test
  void badParametersAreNamed() {
    assertThatThrownBy(() -> Backoff.fixed(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("delay must not be negative, was PT-0.001S");
    assertThatThrownBy(() -> Backoff.exponential(Duration.ZERO, 2, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("initial must be positive, was PT0S");
    assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("multiplier must be a finite number >= 1, was 0.5");
    assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), Double.NaN, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("multiplier must be a finite number >= 1, was NaN");
    assertThatThrownBy(() -> Backoff.exponentialFullJitter(Duration.ofSeconds(2), 2, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("max must not be below base (PT2S), was PT1S");
    assertThatThrownBy(() -> Backoff.decorrelatedJitter(Duration.ofSeconds(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("max must be positive, was PT0S");
    assertThatThrownBy(() -> Backoff.fixed(null)).isInstanceOf(NullPointerException.class).hasMessage("delay");
  }
}
