package dev.architect.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every combinator against a simple reference, on random sets of futures completed in a random order
 * with random outcomes while the combinator waits. The reference reads Amp's documented semantics off
 * the completion sequence.
 */
class CombinatorModelTest {
  private static final int ROUNDS = 150;

  /** One future's fate: its key, and its value or (when failed) its error. */
  private record Step(String key, Integer value, RuntimeException error) {}

  @Test
  void awaitMatchesTheReference() {
    run((steps, futures) -> Async.await(futures), steps -> {
      Map<String, Integer> values = new LinkedHashMap<>();
      for (Step step : steps) {
        if (step.error != null) {
          return step.error;
        }
        values.put(step.key, step.value);
      }
      return values;
    });
  }

  @Test
  void awaitAllMatchesTheReference() {
    run((steps, futures) -> Async.awaitAll(futures), steps -> {
      Map<String, Throwable> errors = new LinkedHashMap<>();
      Map<String, Integer> values = new LinkedHashMap<>();
      for (Step step : steps) {
        if (step.error != null) {
          errors.put(step.key, step.error);
        } else {
          values.put(step.key, step.value);
        }
      }
      return new Settled<>(errors, values);
    });
  }

  @Test
  void awaitAnyMatchesTheReference() {
    run((steps, futures) -> Async.awaitAny(futures), steps -> {
      Map<String, Throwable> errors = new LinkedHashMap<>();
      for (Step step : steps) {
        if (step.error == null) {
          return step.value;
        }
        errors.put(step.key, step.error);
      }
      return errors; // a CompositeException with these reasons
    });
  }

  @Test
  void awaitAnyNMatchesTheReference() {
    Random random = new Random(9);
    for (int round = 0; round < ROUNDS; round++) {
      int size = 1 + random.nextInt(7);
      int count = 1 + random.nextInt(size);
      List<Step> steps = steps(random, size);
      Object actual = outcome(steps, futures -> Async.awaitAnyN(count, futures));
      Map<String, Integer> values = new LinkedHashMap<>();
      Map<String, Throwable> errors = new LinkedHashMap<>();
      Object expected = null;
      for (Step step : steps) {
        if (step.error != null) {
          errors.put(step.key, step.error);
        } else {
          values.put(step.key, step.value);
          if (values.size() == count) {
            expected = values;
            break;
          }
        }
      }
      check(steps, actual, expected == null ? errors : expected);
    }
  }

  @Test
  void awaitFirstMatchesTheReference() {
    run((steps, futures) -> Async.awaitFirst(futures),
        steps -> steps.getFirst().error != null ? steps.getFirst().error : steps.getFirst().value);
  }

  private interface Combinator {
    Object apply(List<Step> steps, Map<String, Future<Integer>> futures);
  }

  private static void run(Combinator combinator, Function<List<Step>, Object> reference) {
    Random random = new Random(42);
    for (int round = 0; round < ROUNDS; round++) {
      List<Step> steps = steps(random, 1 + random.nextInt(7));
      Object actual = outcome(steps, futures -> combinator.apply(steps, futures));
      check(steps, actual, reference.apply(steps));
    }
  }

  /** Random keys, outcomes and completion order (the list's order). */
  private static List<Step> steps(Random random, int size) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String key = "k" + i;
      steps.add(random.nextInt(3) == 0
          ? new Step(key, null, new IllegalStateException("error of " + key))
          : new Step(key, random.nextInt(2) == 0 ? null : i * 10, null));
    }
    Collections.shuffle(steps, random);
    return steps;
  }

  /**
   * Starts the combinator on a virtual thread over futures given in key order, waits until it is
   * subscribed to all, completes them in the steps' order, and returns its result or what it threw.
   */
  private static Object outcome(List<Step> steps, Function<Map<String, Future<Integer>>, Object> combinator) {
    Map<String, DeferredFuture<Integer>> deferred = new LinkedHashMap<>();
    List<String> keys = steps.stream().map(Step::key).sorted().toList();
    for (String key : keys) {
      deferred.put(key, new DeferredFuture<>());
    }
    Map<String, Future<Integer>> futures = new LinkedHashMap<>();
    deferred.forEach((key, value) -> futures.put(key, value.future()));
    Future<Object> result = Async.async(() -> combinator.apply(futures));
    Probes.subscribed(futures.values());
    for (Step step : steps) {
      if (step.error != null) {
        deferred.get(step.key).error(step.error);
      } else {
        deferred.get(step.key).complete(step.value);
      }
    }
    try {
      return result.await();
    } catch (RuntimeException thrown) {
      return thrown;
    }
  }

  /** Compares an actual result with the reference's: maps in order, settled pairs, composites, errors. */
  private static void check(List<Step> steps, Object actual, Object expected) {
    String where = "completion sequence " + steps;
    if (expected instanceof RuntimeException error) {
      assertThat(actual).as(where).isSameAs(error);
    } else if (expected instanceof Map<?, ?> map && !(actual instanceof Map<?, ?>)) {
      assertThat(actual).as(where).isInstanceOf(CompositeException.class);
      assertThat(new ArrayList<>(((CompositeException) actual).reasons().entrySet())).as(where)
          .isEqualTo(new ArrayList<>(map.entrySet()));
    } else if (expected instanceof Map<?, ?> map) {
      assertThat(new ArrayList<>(((Map<?, ?>) actual).entrySet())).as(where)
          .isEqualTo(new ArrayList<>(map.entrySet()));
    } else if (expected instanceof Settled<?, ?> settled) {
      Settled<?, ?> got = (Settled<?, ?>) actual;
      assertThat(new ArrayList<>(got.errors().entrySet())).as(where)
          .isEqualTo(new ArrayList<>(settled.errors().entrySet()));
      assertThat(new ArrayList<>(got.values().entrySet())).as(where)
          .isEqualTo(new ArrayList<>(settled.values().entrySet()));
    } else {
      assertThat(actual).as(where).isEqualTo(expected);
    }
  }

  @Test
  void theModelCanFail() {
    // The reference is not trivially satisfied: a wrong expectation is caught.
    List<Step> steps = List.of(new Step("k0", 1, null));
    assertThatThrownBy(() -> check(steps, 1, 2)).isInstanceOf(AssertionError.class);
  }
}
