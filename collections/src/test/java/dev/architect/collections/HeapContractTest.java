package dev.architect.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The heaps' and stable queue's API contract: factories, errors, fail-fast iteration. */
class HeapContractTest {
  @Test
  void factoriesMakeTheAdvertisedOrderAndArity() {
    Heap<Integer> min = Heap.min();
    Heap<Integer> max = Heap.max();
    Heap<String> byLength = Heap.by(Comparator.comparingInt(String::length));
    Heap<Integer> fourAry = Heap.dAry(4, Comparator.naturalOrder());
    for (int value : new int[] {5, 1, 4, 1, 3}) {
      min.push(value);
      max.push(value);
      fourAry.push(value);
    }
    byLength.push("ccc");
    byLength.push("a");
    byLength.push("bb");

    assertThat(min.drain()).containsExactly(1, 1, 3, 4, 5);
    assertThat(max.drain()).containsExactly(5, 4, 3, 1, 1);
    assertThat(fourAry.drain()).containsExactly(1, 1, 3, 4, 5);
    assertThat(byLength.drain()).containsExactly("a", "bb", "ccc");
    assertThat(List.of(min.arity(), max.arity(), byLength.arity(), fourAry.arity())).containsExactly(2, 2, 2, 4);
    assertThat(Heap.dAry(2, Comparator.<Integer>naturalOrder()).arity()).isEqualTo(2);
  }

  @Test
  void theJdksNaturalOrdersPopAsGivenAndAreReportedAsGiven() {
    // Heaps compare through their own natural order when given the JDK's; users still see theirs.
    Heap<Integer> ascending = Heap.by(Comparator.naturalOrder());
    Heap<Integer> descending = Heap.dAry(3, Comparator.reverseOrder());
    for (int value : new int[] {5, 1, 4, 1, 3, 9, 2, 6}) {
      ascending.push(value);
      descending.push(value);
    }
    assertThat(ascending.comparator()).isSameAs(Comparator.naturalOrder());
    assertThat(descending.comparator()).isSameAs(Comparator.reverseOrder());
    assertThat(ascending.drain()).containsExactly(1, 1, 2, 3, 4, 5, 6, 9);
    assertThat(descending.drain()).containsExactly(9, 6, 5, 4, 3, 2, 1, 1);
  }

  @Test
  void badArgumentsAreRefusedWithClearMessages() {
    assertThatThrownBy(() -> Heap.dAry(1, Comparator.<Integer>naturalOrder()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("arity must be between 2 and 64, was 1");
    assertThatThrownBy(() -> Heap.dAry(65, Comparator.<Integer>naturalOrder()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("arity must be between 2 and 64, was 65");
    assertThatThrownBy(() -> Heap.by(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("order must not be null");
    assertThatThrownBy(() -> Heap.dAry(4, null)).isInstanceOf(NullPointerException.class)
        .hasMessage("order must not be null");
    assertThatThrownBy(() -> StablePriorityQueue.by(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("order must not be null");

    Heap<Integer> heap = Heap.min();
    assertThatThrownBy(heap::pop).isInstanceOf(NoSuchElementException.class).hasMessage("heap is empty");
    assertThatThrownBy(heap::peek).isInstanceOf(NoSuchElementException.class).hasMessage("heap is empty");
    assertThat(heap.poll()).isNull();
    assertThatThrownBy(() -> heap.push(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("element must not be null");
    assertThat(heap.isEmpty()).isTrue();

    StablePriorityQueue<Integer> queue = StablePriorityQueue.min();
    assertThatThrownBy(queue::pop).isInstanceOf(NoSuchElementException.class).hasMessage("queue is empty");
    assertThatThrownBy(queue::peek).isInstanceOf(NoSuchElementException.class).hasMessage("queue is empty");
    assertThat(queue.poll()).isNull();
  }

  @Test
  void heapIteratorsAreFailFastAndCannotRemove() {
    Heap<Integer> heap = Heap.min();
    heap.push(2);
    heap.push(1);
    heap.push(3);

    assertThat(heap.iterator().next()).isEqualTo(1);
    assertThat(heap).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(heap.toString()).startsWith("[1, ").hasSize("[1, 2, 3]".length());

    Iterator<Integer> afterPush = heap.iterator();
    afterPush.next();
    heap.push(0);
    assertThatThrownBy(afterPush::next).isInstanceOf(ConcurrentModificationException.class)
        .hasMessage("heap was modified during iteration");
    assertThatThrownBy(afterPush::hasNext).isInstanceOf(ConcurrentModificationException.class);

    Iterator<Integer> afterPop = heap.iterator();
    heap.pop();
    assertThatThrownBy(afterPop::next).isInstanceOf(ConcurrentModificationException.class);

    Iterator<Integer> afterClear = heap.iterator();
    heap.clear();
    assertThatThrownBy(afterClear::hasNext).isInstanceOf(ConcurrentModificationException.class);

    heap.push(7);
    Iterator<Integer> one = heap.iterator();
    assertThat(one.next()).isEqualTo(7);
    assertThatThrownBy(one::remove).isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("heap iterators do not support remove; use pop, poll or clear");
    assertThat(one.hasNext()).isFalse();
    assertThatThrownBy(one::next).isInstanceOf(NoSuchElementException.class)
        .hasMessage("no element after the heap's last (1 elements)");
    // A failed push is no modification: iterators made before it stay valid.
    Iterator<Integer> beforeNull = heap.iterator();
    assertThatThrownBy(() -> heap.push(null)).isInstanceOf(NullPointerException.class);
    assertThat(beforeNull.next()).isEqualTo(7);
  }

  @Test
  void stableQueueIteratorsAreFailFastAndCannotRemove() {
    StablePriorityQueue<String> queue = StablePriorityQueue.by(Comparator.comparingInt(String::length));
    queue.push("bb");
    queue.push("a");
    Iterator<String> iterator = queue.iterator();
    assertThat(iterator.next()).isEqualTo("a");
    queue.push("c");
    assertThatThrownBy(iterator::next).isInstanceOf(ConcurrentModificationException.class)
        .hasMessage("queue was modified during iteration");
    assertThatThrownBy(() -> queue.iterator().remove()).isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("queue iterators do not support remove; use pop, poll or clear");
    assertThat(queue.drain()).containsExactly("a", "c", "bb");
  }

  @Test
  void clearingRestartsTheStableQueueButKeepsItsPromise() {
    StablePriorityQueue<String> queue = StablePriorityQueue.by(Comparator.comparingInt(String::length));
    queue.push("x");
    queue.clear();
    queue.push("b");
    queue.push("a");
    queue.push("c");
    assertThat(queue.size()).isEqualTo(3);
    assertThat(queue.drain()).containsExactly("b", "a", "c");
  }

  @Test
  void aLargeHeapGrowsAndDrainsInOrder() {
    Heap<Integer> heap = Heap.dAry(5, Comparator.naturalOrder());
    SplittableRandom random = new java.util.SplittableRandom(7);
    int[] values = random.ints(100_000).toArray();
    for (int value : values) {
      heap.push(value);
    }
    Arrays.sort(values);
    List<Integer> drained = heap.drain();
    assertThat(drained).hasSize(values.length);
    for (int i = 0; i < values.length; i++) {
      if (drained.get(i) != values[i]) {
        assertThat(drained.get(i)).as("element %d of the drain", i).isEqualTo(values[i]);
      }
    }
  }
}
