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
 * A timer queue at a steady size: Architect's {@link IndexedPriorityQueue} (the queue under the fiber
 * scheduler's timers) against a {@link PriorityQueue} of timer objects ordered by
 * {@code Comparator.comparingLong(Timer::deadline)}, the way a Java timer queue is usually written.
 *
 * <ul>
 *   <li>{@code timerPushPop}: the earliest timer fires (pop) and a new one-shot timer is scheduled a
 *       random delay after it (push). Both contenders allocate one small object per push: the handle
 *       the indexed queue returns (to cancel the timer), the timer record the anchor queues.
 *   <li>{@code timerRepeat}: the earliest timer is a repeating one and is moved on by a random delay
 *       in place: {@code update(peekHandle(), ...)} against {@code poll()} then {@code add()} of the
 *       same mutable timer. Nothing is allocated.
 * </ul>
 *
 * <p>The queue holds {@code size} timers with random deadlines; the delays (uniform in [1, 2^20))
 * come from a precomputed sequence both contenders see in the same order, so the deadlines stay
 * spread over the same range for the whole run. The result (the fired timer's id or deadline) is
 * returned, so JMH consumes it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Contenders(anchors = {"priorityQueue"})
public class IndexedQueueBenchmark {
  private static final int DELAYS = 1 << 16;

  /** The anchor's one-shot timer: an id and a deadline. */
  record Timer(int id, long deadline) {}

  /** The anchor's repeating timer: its deadline moves on each time it fires. */
  static final class RepeatingTimer {
    final int id;
    long deadline;

    RepeatingTimer(int id, long deadline) {
      this.id = id;
      this.deadline = deadline;
    }
  }

  @Param({"1000", "100000"})
  public int size;

  private long[] delays;
  private int next;
  private IndexedPriorityQueue<Integer> indexed;
  private PriorityQueue<Timer> queue;
  private IndexedPriorityQueue<Integer> indexedRepeating;
  private PriorityQueue<RepeatingTimer> queueRepeating;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(20261125L);
    delays = random.longs(DELAYS, 1, 1 << 20).toArray();
    long[] deadlines = random.longs(size, 0, 1 << 20).toArray();
    indexed = IndexedPriorityQueue.minFirst();
    queue = new PriorityQueue<>(Comparator.comparingLong(Timer::deadline));
    indexedRepeating = IndexedPriorityQueue.minFirst();
    queueRepeating = new PriorityQueue<>(Comparator.comparingLong((RepeatingTimer t) -> t.deadline));
    for (int i = 0; i < size; i++) {
      Integer id = i;
      indexed.push(id, deadlines[i]);
      queue.add(new Timer(i, deadlines[i]));
      indexedRepeating.push(id, deadlines[i]);
      queueRepeating.add(new RepeatingTimer(i, deadlines[i]));
    }
  }

  private long delay() {
    return delays[next++ & (DELAYS - 1)];
  }

  @Benchmark
  public Integer timerPushPop_architect() {
    long deadline = indexed.peekPriority();
    Integer fired = indexed.pop();
    indexed.push(fired, deadline + delay());
    return fired;
  }

  @Benchmark
  public int timerPushPop_priorityQueue() {
    Timer fired = queue.poll();
    queue.add(new Timer(fired.id(), fired.deadline() + delay()));
    return fired.id();
  }

  @Benchmark
  public long timerRepeat_architect() {
    IndexedPriorityQueue.Handle<Integer> fired = indexedRepeating.peekHandle();
    long deadline = fired.priority() + delay();
    indexedRepeating.update(fired, deadline);
    return deadline;
  }

  @Benchmark
  public long timerRepeat_priorityQueue() {
    RepeatingTimer fired = queueRepeating.poll();
    fired.deadline += delay();
    queueRepeating.add(fired);
    return fired.deadline;
  }
}
