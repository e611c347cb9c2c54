package dev.architect.bench.fiber;

import dev.architect.bench.Contenders;
import dev.architect.collections.IndexedPriorityQueue;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Re-prioritising one queued element (rescheduling a timer) in a queue of {@code size}:
 * {@link IndexedPriorityQueue#update} through the element's handle, O(log n), against what
 * {@link PriorityQueue} offers, {@code remove(element)} (a linear search) then {@code add}, O(n). Each
 * operation picks the next element and new priority from precomputed random sequences, identical
 * for both contenders; the queue stays at {@code size} elements and nothing is allocated. The new
 * priority is returned, so JMH consumes it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Contenders(anchors = {"priorityQueue"})
public class IndexedQueueUpdateBenchmark {
  private static final int SEQUENCE = 1 << 12;

  /** The anchor's element: identity equality (as a timer object has), mutable priority. */
  static final class Task {
    long priority;

    Task(long priority) {
      this.priority = priority;
    }
  }

  @Param({"1000", "100000"})
  public int size;

  private final IndexedPriorityQueue<Integer> indexed = IndexedPriorityQueue.minFirst();
  private IndexedPriorityQueue.Handle<Integer>[] handles;
  private final PriorityQueue<Task> queue = new PriorityQueue<>(Comparator.comparingLong((Task t) -> t.priority));
  private Task[] tasks;
  private int[] picks;
  private long[] priorities;
  private int next;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() {
    SplittableRandom random = new SplittableRandom(20261125L);
    handles = (IndexedPriorityQueue.Handle<Integer>[]) new IndexedPriorityQueue.Handle<?>[size];
    tasks = new Task[size];
    for (int i = 0; i < size; i++) {
      long priority = random.nextLong();
      handles[i] = indexed.push(i, priority);
      tasks[i] = new Task(priority);
      queue.add(tasks[i]);
    }
    picks = random.ints(SEQUENCE, 0, size).toArray();
    priorities = random.longs(SEQUENCE).toArray();
  }

  @Benchmark
  public long update_architect() {
    int i = next++ & (SEQUENCE - 1);
    IndexedPriorityQueue.Handle<Integer> handle = handles[picks[i]];
    indexed.update(handle, priorities[i]);
    return handle.priority();
  }

  @Benchmark
  public long update_priorityQueue() {
    int i = next++ & (SEQUENCE - 1);
    Task task = tasks[picks[i]];
    queue.remove(task);
    task.priority = priorities[i];
    queue.add(task);
    return task.priority;
  }
}
