package dev.architect.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.architect.collections.IndexedPriorityQueue.Handle;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The indexed queue's contract: handles, stale and foreign handles, ties, extremes, iteration. */
class IndexedQueueContractTest {
  @Test
  void timersPopByDeadlineAndCancelByHandle() {
    IndexedPriorityQueue<String> timers = IndexedPriorityQueue.minFirst();
    Handle<String> flush = timers.push("flush", 300);
    Handle<String> ping = timers.push("ping", 100);
    Handle<String> retry = timers.push("retry", 200);

    timers.update(flush, 50); // rescheduled earlier
    assertThat(timers.remove(retry)).isEqualTo("retry"); // cancelled
    assertThat(retry.isQueued()).isFalse();
    assertThat(timers.peekPriority()).isEqualTo(50);
    assertThat(timers.peekHandle()).isSameAs(flush);
    assertThat(timers.pop()).isEqualTo("flush");
    assertThat(timers.pop()).isEqualTo("ping");
    assertThat(timers.poll()).isNull();
    assertThat(List.of(flush.isQueued(), ping.isQueued())).containsExactly(false, false);
    assertThat(flush.priority()).isEqualTo(50); // the last priority stays readable
    assertThat(flush.element()).isEqualTo("flush");
  }

  @Test
  void equalPrioritiesPopInPushOrderAndAnUpdateGoesToTheBack() {
    IndexedPriorityQueue<String> queue = IndexedPriorityQueue.minFirst();
    Handle<String> a = queue.push("a", 1);
    queue.push("b", 1);
    queue.push("c", 1);
    queue.update(a, 1); // same priority: a re-insertion, behind b and c
    queue.push("d", 1);
    List<String> order = new ArrayList<>();
    while (!queue.isEmpty()) {
      order.add(queue.pop());
    }
    assertThat(order).containsExactly("b", "c", "a", "d");
  }

  @Test
  void maxFirstCoversTheWholeLongRange() {
    IndexedPriorityQueue<String> queue = IndexedPriorityQueue.maxFirst();
    queue.push("min", Long.MIN_VALUE);
    queue.push("zero", 0);
    queue.push("max", Long.MAX_VALUE);
    queue.push("minus one", -1);
    assertThat(queue.peekPriority()).isEqualTo(Long.MAX_VALUE);
    List<String> order = new ArrayList<>();
    while (!queue.isEmpty()) {
      order.add(queue.pop());
    }
    assertThat(order).containsExactly("max", "zero", "minus one", "min");

    IndexedPriorityQueue<String> min = IndexedPriorityQueue.minFirst();
    min.push("max", Long.MAX_VALUE);
    min.push("min", Long.MIN_VALUE);
    assertThat(min.pop()).isEqualTo("min");
  }

  @Test
  void staleForeignAndNullHandlesAreRefused() {
    IndexedPriorityQueue<String> queue = IndexedPriorityQueue.minFirst();
    IndexedPriorityQueue<String> other = IndexedPriorityQueue.minFirst();
    Handle<String> popped = queue.push("popped", 1);
    Handle<String> kept = queue.push("kept", 2);
    Handle<String> foreign = other.push("foreign", 3);
    queue.pop();

    assertThatThrownBy(() -> queue.update(popped, 5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("handle popped@1 is stale: its entry was already popped, removed or cleared");
    assertThatThrownBy(() -> queue.remove(popped)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("handle popped@1 is stale: its entry was already popped, removed or cleared");
    assertThatThrownBy(() -> queue.update(foreign, 5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("handle foreign@3 was not returned by this queue");
    assertThatThrownBy(() -> queue.remove(foreign)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("handle foreign@3 was not returned by this queue");
    Handle<String> homemade = new Handle<>() {
      @Override
      public String element() {
        return "homemade";
      }

      @Override
      public long priority() {
        return 0;
      }

      @Override
      public boolean isQueued() {
        return true;
      }

      @Override
      public String toString() {
        return "homemade";
      }
    };
    assertThatThrownBy(() -> queue.remove(homemade)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("handle homemade was not returned by this queue");
    assertThatThrownBy(() -> queue.update(null, 1)).isInstanceOf(NullPointerException.class)
        .hasMessage("handle must not be null");
    assertThatThrownBy(() -> queue.remove(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("handle must not be null");
    assertThatThrownBy(() -> queue.push(null, 1)).isInstanceOf(NullPointerException.class)
        .hasMessage("element must not be null");

    assertThat(queue.contains(popped)).isFalse();
    assertThat(queue.contains(foreign)).isFalse();
    assertThat(queue.contains(null)).isFalse();
    assertThat(queue.contains(homemade)).isFalse();
    assertThat(queue.contains(kept)).isTrue();
    // None of the refusals changed anything.
    assertThat(queue.size()).isEqualTo(1);
    assertThat(other.size()).isEqualTo(1);
    assertThat(foreign.isQueued()).isTrue();
    assertThat(queue.pop()).isEqualTo("kept");
  }

  @Test
  void clearMakesEveryHandleStale() {
    IndexedPriorityQueue<Integer> queue = IndexedPriorityQueue.minFirst();
    List<Handle<Integer>> handles = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      handles.add(queue.push(i, i % 7));
    }
    queue.clear();
    assertThat(queue.isEmpty()).isTrue();
    assertThat(handles).noneMatch(Handle::isQueued);
    assertThatThrownBy(() -> queue.update(handles.get(5), 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("handle 5@5 is stale: its entry was already popped, removed or cleared");
    assertThatThrownBy(queue::pop).isInstanceOf(NoSuchElementException.class).hasMessage("queue is empty");
    assertThatThrownBy(queue::peek).isInstanceOf(NoSuchElementException.class).hasMessage("queue is empty");
    assertThatThrownBy(queue::peekHandle).isInstanceOf(NoSuchElementException.class).hasMessage("queue is empty");
    assertThatThrownBy(queue::peekPriority).isInstanceOf(NoSuchElementException.class).hasMessage("queue is empty");
  }

  @Test
  void iteratorsAreFailFastForEveryKindOfChange() {
    IndexedPriorityQueue<String> queue = IndexedPriorityQueue.minFirst();
    Handle<String> a = queue.push("a", 2);
    Handle<String> b = queue.push("b", 1);
    assertThat(queue.iterator().next()).isSameAs(b);
    assertThat(queue.toString()).isEqualTo("[b@1, a@2]");

    List<Runnable> changes = List.of(
        () -> queue.push("c", 3),
        () -> queue.update(a, 0),
        () -> queue.remove(queue.peekHandle()),
        queue::pop,
        queue::clear);
    for (Runnable change : changes) {
      queue.push("x", 5);
      Iterator<Handle<String>> iterator = queue.iterator();
      iterator.next();
      change.run();
      assertThatThrownBy(iterator::next).isInstanceOf(ConcurrentModificationException.class)
          .hasMessage("queue was modified during iteration");
    }
    Iterator<Handle<String>> iterator = queue.iterator();
    assertThatThrownBy(iterator::remove).isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("queue iterators do not support remove; use IndexedPriorityQueue.remove(handle)");
    // A refused call is no modification.
    queue.push("y", 1);
    Iterator<Handle<String>> stillValid = queue.iterator();
    assertThatThrownBy(() -> queue.update(a, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(stillValid.next().element()).isEqualTo("y");
  }

  @Test
  void manyUpdatesAndRemovesKeepTheOrder() {
    IndexedPriorityQueue<Integer> queue = IndexedPriorityQueue.minFirst();
    List<Handle<Integer>> handles = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      handles.add(queue.push(i, i));
    }
    // Reverse the order of the even entries and remove the odd ones.
    for (int i = 0; i < handles.size(); i++) {
      if (i % 2 == 0) {
        queue.update(handles.get(i), -i);
      } else {
        queue.remove(handles.get(i));
      }
    }
    int previous = Integer.MAX_VALUE;
    int count = 0;
    while (!queue.isEmpty()) {
      int next = queue.pop();
      assertThat(next).isEven().isLessThan(previous);
      previous = next;
      count++;
    }
    assertThat(count).isEqualTo(25_000);
  }
}
