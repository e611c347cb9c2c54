package dev.architect.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A comparator that throws leaves heaps and stable queues exactly as they were: every push and pop is
 * tried with the comparator failing at its first, second, ... comparison, from many random states,
 * and after each failure the contents (in internal order), the size and the pop order are checked.
 */
class ComparatorFailureTest {
  /** Compares ints, and throws at the comparison numbered {@code failAt} (0 = never). */
  static final class Faulty implements Comparator<Integer> {
    int failAt;
    int count;

    @Override
    public int compare(Integer a, Integer b) {
      if (++count == failAt) {
        throw new IllegalStateException("comparator failed on purpose");
      }
      return Integer.compare(a, b);
    }

    void failAt(int comparison) {
      count = 0;
      failAt = comparison;
    }
  }

  /** What the tests need of both kinds: push, pop, contents in internal order. */
  interface Subject {
    void push(Integer value);

    Integer pop();

    List<Integer> contents();
  }

  static Stream<Arguments> subjects() {
    return Stream.of(
        Arguments.of("binary heap", (Function<Faulty, Subject>) order -> heap(Heap.by(order))),
        Arguments.of("3-ary heap", (Function<Faulty, Subject>) order -> heap(Heap.dAry(3, order))),
        Arguments.of("4-ary heap", (Function<Faulty, Subject>) order -> heap(Heap.dAry(4, order))),
        Arguments.of("stable queue", (Function<Faulty, Subject>) order -> stable(StablePriorityQueue.by(order))));
  }

  private static Subject heap(Heap<Integer> heap) {
    return new Subject() {
      @Override
      public void push(Integer value) {
        heap.push(value);
      }

      @Override
      public Integer pop() {
        return heap.pop();
      }

      @Override
      public List<Integer> contents() {
        List<Integer> contents = new ArrayList<>();
        heap.forEach(contents::add);
        assertThat(contents).hasSize(heap.size());
        return contents;
      }
    };
  }

  private static Subject stable(StablePriorityQueue<Integer> queue) {
    return new Subject() {
      @Override
      public void push(Integer value) {
        queue.push(value);
      }

      @Override
      public Integer pop() {
        return queue.pop();
      }

      @Override
      public List<Integer> contents() {
        List<Integer> contents = new ArrayList<>();
        queue.forEach(contents::add);
        assertThat(contents).hasSize(queue.size());
        return contents;
      }
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("subjects")
  void aThrowingComparatorChangesNothing(String name, Function<Faulty, Subject> factory) {
    Seeds.all().forEach(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      Faulty order = new Faulty();
      Subject subject = factory.apply(order);
      int failures = 0;
      for (int round = 0; round < 150; round++) {
        String at = "seed " + seed + ", round " + round;
        int target = random.nextInt(1, 120);
        while (subject.contents().size() < target) {
          subject.push(random.nextInt(20));
        }
        boolean push = random.nextBoolean();
        int value = random.nextInt(20);
        // Fail at the 1st comparison, then the 2nd, ... until the operation needs fewer than that.
        for (int failAt = 1; ; failAt++) {
          List<Integer> before = subject.contents();
          order.failAt(failAt);
          try {
            if (push) {
              subject.push(value);
            } else {
              subject.pop();
            }
          } catch (IllegalStateException e) {
            assertThat(e).as(at).hasMessage("comparator failed on purpose");
            assertThat(subject.contents()).as(at + ": after a failure at comparison " + failAt).isEqualTo(before);
            failures++;
            continue;
          }
          break; // succeeded: it needed fewer than failAt comparisons
        }
        order.failAt(0);
        if (random.nextInt(10) == 0) {
          // The heap order survived all those failures: a full drain comes out sorted.
          List<Integer> drained = new ArrayList<>();
          int size = subject.contents().size();
          for (int i = 0; i < size; i++) {
            drained.add(subject.pop());
          }
          assertThat(drained).as(at + ": drain").isSorted();
        }
      }
      assertThat(failures).as("seed %d: failures injected", seed).isGreaterThan(100);
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("subjects")
  void aNullIsRefusedBeforeTheComparatorSeesIt(String name, Function<Faulty, Subject> factory) {
    Faulty order = new Faulty();
    Subject subject = factory.apply(order);
    subject.push(3);
    subject.push(1);
    assertThatThrownBy(() -> subject.push(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("element must not be null");
    assertThat(subject.contents()).containsExactly(1, 3);
  }
}
