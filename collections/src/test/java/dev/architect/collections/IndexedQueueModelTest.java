package dev.architect.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.architect.collections.IndexedPriorityQueue.Handle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The indexed queue against a model: a list of entries (handle, element, priority, sequence), where a
 * pop takes the smallest (priority, sequence), the sequence being a counter stamped on every push and
 * update. The order is exact, ties included. Stale handles, taken from a graveyard of popped and
 * removed entries, must be refused with an error and change nothing.
 */
class IndexedQueueModelTest {
  private static final int STEPS = 5_000;

  private static final class Model {
    final Handle<String> handle;
    final String element;
    long priority;
    long sequence;

    Model(Handle<String> handle, String element, long priority, long sequence) {
      this.handle = handle;
      this.element = element;
      this.priority = priority;
      this.sequence = sequence;
    }
  }

  @ParameterizedTest(name = "maxFirst = {0}")
  @ValueSource(booleans = {false, true})
  void matchesTheModelUnderRandomOperations(boolean maxFirst) {
    Seeds.all().forEach(seed -> run(seed, maxFirst));
  }

  private static void run(long seed, boolean maxFirst) {
    SplittableRandom random = new SplittableRandom(seed);
    int priorities = 1 + random.nextInt(random.nextBoolean() ? 6 : 100_000);
    IndexedPriorityQueue<String> queue = maxFirst ? IndexedPriorityQueue.maxFirst() : IndexedPriorityQueue.minFirst();
    Comparator<Model> order = Comparator.<Model>comparingLong(m -> maxFirst ? ~m.priority : m.priority)
        .thenComparingLong(m -> m.sequence);
    List<Model> model = new ArrayList<>();
    List<Handle<String>> graveyard = new ArrayList<>();
    long sequence = 0;
    for (int step = 0; step < STEPS; step++) {
      String at = "seed " + seed + ", step " + step;
      int roll = random.nextInt(100);
      if (roll < 35) {
        String element = "e" + step;
        long priority = priority(random, priorities);
        Handle<String> handle = queue.push(element, priority);
        model.add(new Model(handle, element, priority, sequence++));
        assertThat(handle.element()).as(at).isEqualTo(element);
        assertThat(handle.priority()).as(at).isEqualTo(priority);
      } else if (roll < 55) {
        if (model.isEmpty()) {
          assertThatThrownBy(queue::pop).as(at).isInstanceOf(NoSuchElementException.class).hasMessage("queue is empty");
          assertThat(queue.poll()).as(at).isNull();
        } else {
          Model first = model.stream().min(order).orElseThrow();
          assertThat(random.nextBoolean() ? queue.pop() : queue.poll()).as(at + ": pop").isEqualTo(first.element);
          model.remove(first);
          graveyard.add(first.handle);
        }
      } else if (roll < 70) {
        if (!model.isEmpty()) {
          Model entry = model.get(random.nextInt(model.size()));
          long priority = random.nextInt(4) == 0 ? entry.priority : priority(random, priorities);
          queue.update(entry.handle, priority);
          entry.priority = priority;
          entry.sequence = sequence++;
          assertThat(entry.handle.priority()).as(at).isEqualTo(priority);
        }
      } else if (roll < 80) {
        if (!model.isEmpty()) {
          Model entry = model.remove(random.nextInt(model.size()));
          assertThat(queue.remove(entry.handle)).as(at + ": remove").isEqualTo(entry.element);
          graveyard.add(entry.handle);
        }
      } else if (roll < 85) {
        if (!graveyard.isEmpty()) {
          Handle<String> stale = graveyard.get(random.nextInt(graveyard.size()));
          String message = "handle " + stale + " is stale: its entry was already popped, removed or cleared";
          assertThat(stale.isQueued()).as(at).isFalse();
          assertThat(queue.contains(stale)).as(at).isFalse();
          assertThatThrownBy(() -> queue.update(stale, 1)).as(at).isInstanceOf(IllegalArgumentException.class)
              .hasMessage(message);
          assertThatThrownBy(() -> queue.remove(stale)).as(at).isInstanceOf(IllegalArgumentException.class)
              .hasMessage(message);
        }
      } else if (roll < 95) {
        if (model.isEmpty()) {
          assertThatThrownBy(queue::peek).as(at).isInstanceOf(NoSuchElementException.class).hasMessage("queue is empty");
          assertThatThrownBy(queue::peekPriority).as(at).isInstanceOf(NoSuchElementException.class);
        } else {
          Model first = model.stream().min(order).orElseThrow();
          assertThat(queue.peek()).as(at + ": peek").isEqualTo(first.element);
          assertThat(queue.peekPriority()).as(at + ": peekPriority").isEqualTo(first.priority);
          assertThat(queue.peekHandle()).as(at + ": peekHandle").isSameAs(first.handle);
        }
      } else if (roll < 99) {
        List<Handle<String>> seen = new ArrayList<>();
        queue.forEach(seen::add);
        assertThat(seen).as(at + ": iteration").containsExactlyInAnyOrderElementsOf(
            model.stream().map(m -> m.handle).toList());
        for (Model entry : model) {
          assertThat(queue.contains(entry.handle)).as(at).isTrue();
          assertThat(entry.handle.isQueued()).as(at).isTrue();
          assertThat(entry.handle.priority()).as(at).isEqualTo(entry.priority);
        }
      } else {
        queue.clear();
        model.forEach(m -> graveyard.add(m.handle));
        model.clear();
        sequence = 0;
      }
      assertThat(queue.size()).as(at + ": size").isEqualTo(model.size());
      assertThat(queue.isEmpty()).as(at + ": isEmpty").isEqualTo(model.isEmpty());
    }
    // Drain: the exact order of the model.
    model.sort(order);
    for (Model entry : model) {
      assertThat(queue.pop()).as("seed %d: drain", seed).isEqualTo(entry.element);
      assertThat(entry.handle.isQueued()).isFalse();
    }
    assertThat(queue.isEmpty()).isTrue();
  }

  /** Mostly small priorities (many ties), now and then the extremes of {@code long}. */
  private static long priority(SplittableRandom random, int priorities) {
    return switch (random.nextInt(50)) {
      case 0 -> Long.MIN_VALUE;
      case 1 -> Long.MAX_VALUE;
      case 2 -> -1;
      default -> random.nextInt(priorities);
    };
  }
}
