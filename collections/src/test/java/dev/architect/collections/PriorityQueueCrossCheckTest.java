package dev.architect.collections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.architect.collections.IndexedPriorityQueue.Handle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The indexed and stable queues against {@link PriorityQueue} under random operation sequences. The
 * reference orders by (priority, sequence number), the sequence being stamped on every push (and, for
 * the indexed queue, every update), which is each queue's documented tie rule, so every pop must
 * return exactly the reference's element. An update is a remove then an add in the reference (its
 * {@code remove(Object)} is a linear search: fine for a test). The model tests check the same
 * queues against plain lists; this checks them against the JDK's heap as well.
 */
class PriorityQueueCrossCheckTest {
  private static final int STEPS = 5_000;

  /** The reference's entry: identity equality, so {@code remove(Object)} removes exactly this one. */
  private static final class Ref {
    final Handle<Integer> handle;
    final int id;
    long key;
    long sequence;

    Ref(Handle<Integer> handle, int id, long key, long sequence) {
      this.handle = handle;
      this.id = id;
      this.key = key;
      this.sequence = sequence;
    }
  }

  private static final Comparator<Ref> BY_KEY_THEN_SEQUENCE =
      Comparator.<Ref>comparingLong(r -> r.key).thenComparingLong(r -> r.sequence);

  @ParameterizedTest(name = "maxFirst = {0}")
  @ValueSource(booleans = {false, true})
  void indexedQueuePopsExactlyWhatPriorityQueuePops(boolean maxFirst) {
    Seeds.all().forEach(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      int priorities = 1 + random.nextInt(random.nextBoolean() ? 5 : 1_000_000);
      IndexedPriorityQueue<Integer> queue = maxFirst ? IndexedPriorityQueue.maxFirst() : IndexedPriorityQueue.minFirst();
      PriorityQueue<Ref> reference = new PriorityQueue<>(BY_KEY_THEN_SEQUENCE);
      List<Ref> queued = new ArrayList<>();
      long sequence = 0;
      for (int step = 0; step < STEPS; step++) {
        String at = "seed " + seed + ", step " + step;
        int roll = random.nextInt(100);
        if (roll < 40) {
          long priority = random.nextInt(priorities) - priorities / 2;
          Handle<Integer> handle = queue.push(step, priority);
          Ref ref = new Ref(handle, step, maxFirst ? -priority : priority, sequence++);
          reference.add(ref);
          queued.add(ref);
        } else if (roll < 70) {
          Ref expected = reference.poll();
          Integer popped = queue.poll();
          assertThat(popped).as(at + ": poll").isEqualTo(expected == null ? null : expected.id);
          if (expected != null) {
            queued.remove(expected);
          }
        } else if (roll < 85) {
          if (!queued.isEmpty()) {
            Ref ref = queued.get(random.nextInt(queued.size()));
            long priority = random.nextInt(priorities) - priorities / 2;
            queue.update(ref.handle, priority);
            reference.remove(ref);
            ref.key = maxFirst ? -priority : priority;
            ref.sequence = sequence++;
            reference.add(ref);
          }
        } else {
          if (!queued.isEmpty()) {
            Ref ref = queued.remove(random.nextInt(queued.size()));
            assertThat(queue.remove(ref.handle)).as(at + ": remove").isEqualTo(ref.id);
            reference.remove(ref);
          }
        }
        assertThat(queue.size()).as(at + ": size").isEqualTo(reference.size());
        if (!reference.isEmpty()) {
          assertThat(queue.peek()).as(at + ": peek").isEqualTo(reference.peek().id);
        }
      }
      List<Integer> drained = new ArrayList<>();
      List<Integer> expected = new ArrayList<>();
      while (!reference.isEmpty()) {
        expected.add(reference.poll().id);
        drained.add(queue.pop());
      }
      assertThat(drained).as("seed %d: drain", seed).isEqualTo(expected);
      assertThat(queue.isEmpty()).isTrue();
    });
  }

  /** An element of the stable queue: ordered by priority only, so ties are everywhere. */
  record Job(int priority, int id) {}

  @ParameterizedTest(name = "max = {0}")
  @ValueSource(booleans = {false, true})
  void stableQueuePopsExactlyWhatPriorityQueuePops(boolean max) {
    Comparator<Job> byPriority = Comparator.comparingInt(Job::priority);
    Comparator<Job> order = max ? byPriority.reversed() : byPriority;
    Seeds.all().forEach(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      int priorities = 1 + random.nextInt(random.nextBoolean() ? 4 : 10_000);
      StablePriorityQueue<Job> queue = StablePriorityQueue.by(order);
      // Ids grow with every push, so ordering by id breaks ties first in, first out.
      PriorityQueue<Job> reference = new PriorityQueue<>(order.thenComparingInt(Job::id));
      for (int step = 0; step < STEPS; step++) {
        if (random.nextInt(100) < 55) {
          Job job = new Job(random.nextInt(priorities), step);
          queue.push(job);
          reference.add(job);
        } else {
          assertThat(queue.poll()).as("seed %d, step %d: poll", seed, step).isEqualTo(reference.poll());
        }
        assertThat(queue.size()).isEqualTo(reference.size());
      }
      List<Job> expected = new ArrayList<>();
      while (!reference.isEmpty()) {
        expected.add(reference.poll());
      }
      assertThat(queue.drain()).as("seed %d: drain", seed).isEqualTo(expected);
    });
  }
}
