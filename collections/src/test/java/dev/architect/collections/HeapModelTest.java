package dev.architect.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Heaps against {@link PriorityQueue} under random operation sequences with many equal priorities.
 * Ties pop in no specified order, so popped priorities are compared with the queue's, while a set of
 * ids checks that the heap itself never loses, duplicates or invents an element.
 */
class HeapModelTest {
  private static final int STEPS = 4_000;

  /** An element whose priority is only part of it: equal priorities, different elements. */
  record Item(int priority, int id) {}

  private static final Comparator<Item> BY_PRIORITY = Comparator.comparingInt(Item::priority);

  static Stream<Arguments> heaps() {
    return Stream.of(
        Arguments.of("binary, min", BY_PRIORITY, (Function<Comparator<Item>, Heap<Item>>) Heap::by),
        Arguments.of("binary, max", BY_PRIORITY.reversed(), (Function<Comparator<Item>, Heap<Item>>) Heap::by),
        Arguments.of("3-ary", BY_PRIORITY, (Function<Comparator<Item>, Heap<Item>>) order -> Heap.dAry(3, order)),
        Arguments.of("4-ary", BY_PRIORITY, (Function<Comparator<Item>, Heap<Item>>) order -> Heap.dAry(4, order)),
        Arguments.of("4-ary, max", BY_PRIORITY.reversed(),
            (Function<Comparator<Item>, Heap<Item>>) order -> Heap.dAry(4, order)),
        Arguments.of("7-ary", BY_PRIORITY, (Function<Comparator<Item>, Heap<Item>>) order -> Heap.dAry(7, order)),
        Arguments.of("64-ary", BY_PRIORITY, (Function<Comparator<Item>, Heap<Item>>) order -> Heap.dAry(64, order)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("heaps")
  void popsWhatPriorityQueuePopsUnderRandomOperations(String name, Comparator<Item> order,
      Function<Comparator<Item>, Heap<Item>> factory) {
    Seeds.all().forEach(seed -> run(seed, order, factory.apply(order)));
  }

  private static void run(long seed, Comparator<Item> order, Heap<Item> heap) {
    SplittableRandom random = new SplittableRandom(seed);
    // Few distinct priorities for some seeds (ties everywhere), many for others.
    int priorities = 1 + random.nextInt(random.nextBoolean() ? 8 : 10_000);
    PriorityQueue<Item> reference = new PriorityQueue<>(order);
    Set<Integer> ids = new HashSet<>();
    int nextId = 0;
    for (int step = 0; step < STEPS; step++) {
      int roll = random.nextInt(100);
      String at = "seed " + seed + ", step " + step;
      if (roll < 50) {
        Item item = new Item(random.nextInt(priorities), nextId++);
        heap.push(item);
        reference.add(item);
        ids.add(item.id());
      } else if (roll < 80) {
        if (reference.isEmpty()) {
          assertThatThrownBy(heap::pop).as(at).isInstanceOf(NoSuchElementException.class).hasMessage("heap is empty");
        } else {
          Item popped = heap.pop();
          assertThat(popped.priority()).as(at + ": pop").isEqualTo(reference.poll().priority());
          assertThat(ids.remove(popped.id())).as(at + ": popped an element it held").isTrue();
        }
      } else if (roll < 88) {
        Item polled = heap.poll();
        Item expected = reference.poll();
        if (expected == null) {
          assertThat(polled).as(at + ": poll of an empty heap").isNull();
        } else {
          assertThat(polled.priority()).as(at + ": poll").isEqualTo(expected.priority());
          assertThat(ids.remove(polled.id())).as(at + ": polled an element it held").isTrue();
        }
      } else if (roll < 95) {
        if (reference.isEmpty()) {
          assertThatThrownBy(heap::peek).as(at).isInstanceOf(NoSuchElementException.class).hasMessage("heap is empty");
        } else {
          Item top = heap.peek();
          assertThat(top.priority()).as(at + ": peek").isEqualTo(reference.peek().priority());
          assertThat(ids).as(at + ": peek").contains(top.id());
        }
      } else if (roll < 99) {
        checkContents(heap, ids, at);
      } else {
        heap.clear();
        reference.clear();
        ids.clear();
      }
      assertThat(heap.size()).as(at + ": size").isEqualTo(reference.size());
      assertThat(heap.isEmpty()).as(at + ": isEmpty").isEqualTo(reference.isEmpty());
    }
    checkContents(heap, ids, "seed " + seed + ", end");
    List<Item> drained = heap.drain();
    List<Integer> expected = new ArrayList<>();
    while (!reference.isEmpty()) {
      expected.add(reference.poll().priority());
    }
    assertThat(drained.stream().map(Item::priority).toList()).as("seed " + seed + ": drain").isEqualTo(expected);
    assertThat(drained.stream().map(Item::id).toList()).as("seed " + seed + ": drain").containsExactlyInAnyOrderElementsOf(ids);
    assertThat(heap.isEmpty()).isTrue();
  }

  /** The iterator shows exactly the elements held, the top first. */
  private static void checkContents(Heap<Item> heap, Set<Integer> ids, String at) {
    List<Integer> seen = new ArrayList<>();
    heap.forEach(item -> seen.add(item.id()));
    assertThat(seen).as(at + ": iteration").containsExactlyInAnyOrderElementsOf(ids);
    if (!ids.isEmpty()) {
      assertThat(seen.getFirst()).as(at + ": the iterator starts at the top").isEqualTo(heap.peek().id());
    }
  }

  static Stream<Arguments> naturalOrderHeaps() {
    return Stream.of(
        Arguments.of("min", Heap.<Integer>min(), new PriorityQueue<Integer>()),
        Arguments.of("max", Heap.<Integer>max(), new PriorityQueue<Integer>(Comparator.reverseOrder())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("naturalOrderHeaps")
  void minAndMaxFollowNaturalOrder(String name, Heap<Integer> heap, PriorityQueue<Integer> reference) {
    Seeds.all().forEach(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      for (int step = 0; step < STEPS; step++) {
        if (random.nextInt(5) < 3) {
          int value = random.nextInt(-50, 50);
          heap.push(value);
          reference.add(value);
        } else {
          assertThat(heap.poll()).as("seed %d, step %d", seed, step).isEqualTo(reference.poll());
        }
      }
      assertThat(heap.drain()).as("seed %d: drain", seed).isEqualTo(drain(reference));
    });
  }

  private static List<Integer> drain(PriorityQueue<Integer> queue) {
    List<Integer> drained = new ArrayList<>();
    while (!queue.isEmpty()) {
      drained.add(queue.poll());
    }
    return drained;
  }
}
