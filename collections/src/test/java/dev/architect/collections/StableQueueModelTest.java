package dev.architect.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stable queue against a model that states the contract directly: a list in push order, from
 * which a pop takes the first of the smallest elements. The order is exact, ties included.
 */
class StableQueueModelTest {
  private static final int STEPS = 4_000;

  /** Ordered by priority only: equal priorities, distinct ids, so the test sees the tie order. */
  record Job(int priority, int id) implements Comparable<Job> {
    @Override
    public int compareTo(Job other) {
      return Integer.compare(priority, other.priority);
    }
  }

  static Stream<Arguments> queues() {
    Comparator<Job> byPriority = Comparator.comparingInt(Job::priority);
    return Stream.of(
        Arguments.of("min", Comparator.<Job>naturalOrder(), (Supplier<StablePriorityQueue<Job>>) StablePriorityQueue::min),
        Arguments.of("max", Comparator.<Job>reverseOrder(), (Supplier<StablePriorityQueue<Job>>) StablePriorityQueue::max),
        Arguments.of("by comparator", byPriority,
            (Supplier<StablePriorityQueue<Job>>) () -> StablePriorityQueue.by(byPriority)),
        Arguments.of("by reversed comparator", byPriority.reversed(),
            (Supplier<StablePriorityQueue<Job>>) () -> StablePriorityQueue.by(byPriority.reversed())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queues")
  void popsTiesFirstInFirstOut(String name, Comparator<Job> order, Supplier<StablePriorityQueue<Job>> factory) {
    Seeds.all().forEach(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      int priorities = 1 + random.nextInt(random.nextBoolean() ? 5 : 1_000);
      StablePriorityQueue<Job> queue = factory.get();
      List<Job> model = new ArrayList<>();
      int nextId = 0;
      for (int step = 0; step < STEPS; step++) {
        String at = "seed " + seed + ", step " + step;
        int roll = random.nextInt(100);
        if (roll < 50) {
          Job job = new Job(random.nextInt(priorities), nextId++);
          queue.push(job);
          model.add(job);
        } else if (roll < 85) {
          if (model.isEmpty()) {
            assertThatThrownBy(queue::pop).as(at).isInstanceOf(NoSuchElementException.class)
                .hasMessage("queue is empty");
            assertThat(queue.poll()).as(at).isNull();
          } else {
            assertThat(queue.pop()).as(at + ": pop").isEqualTo(model.remove(first(model, order)));
          }
        } else if (roll < 95) {
          if (!model.isEmpty()) {
            assertThat(queue.peek()).as(at + ": peek").isEqualTo(model.get(first(model, order)));
          }
        } else if (roll < 99) {
          List<Job> seen = new ArrayList<>();
          queue.forEach(seen::add);
          assertThat(seen).as(at + ": iteration").containsExactlyInAnyOrderElementsOf(model);
        } else {
          queue.clear();
          model.clear();
        }
        assertThat(queue.size()).as(at + ": size").isEqualTo(model.size());
      }
      List<Job> expected = new ArrayList<>();
      while (!model.isEmpty()) {
        expected.add(model.remove(first(model, order)));
      }
      assertThat(queue.drain()).as("seed %d: drain", seed).isEqualTo(expected);
    });
  }

  /** The index of the first smallest element: the one pushed first among those that pop first. */
  private static int first(List<Job> model, Comparator<Job> order) {
    int best = 0;
    for (int i = 1; i < model.size(); i++) {
      if (order.compare(model.get(i), model.get(best)) < 0) {
        best = i;
      }
    }
    return best;
  }
}
