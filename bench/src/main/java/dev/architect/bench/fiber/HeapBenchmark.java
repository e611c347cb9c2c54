package dev.architect.bench.fiber;

import dev.architect.bench.Contenders;
import dev.architect.collections.Heap;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * A heap at a steady size under push + pop pairs with random keys: Architect's binary heap and 4-ary
 * heap against {@link PriorityQueue}, in natural order ({@code pushPop}) and with a
 * {@code Comparator.comparingLong} comparator ({@code pushPopComparator}).
 *
 * <p>The workload is the "hold" model of event simulation and timer queues: the heap holds
 * {@code size} events with random times; each operation pops the earliest event, moves its time on
 * by a random delay (uniform in [1, 2^20), from a precomputed sequence that every contender sees in
 * the same order) and pushes it back. The size stays constant and the keys stay spread over the same
 * range, unlike "push a random key, pop the minimum", where the heap fills up with large keys and a
 * push soon returns straight to the top. No operation allocates (the popped event is pushed again),
 * so what is measured is sifting. The popped event is returned, so JMH consumes it.
 *
 * <p>JMH runs each benchmark in its own JVM, and the setup builds only the heap under test, so each
 * comparator call site sees only its contender's comparator.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Contenders(anchors = {"priorityQueue", "architect4ary"})
public class HeapBenchmark {
  private static final int DELAYS = 1 << 16;
  private static final Comparator<Event> BY_TIME = Comparator.comparingLong(Event::time);

  /** An event with a time: natural order is by time. Mutable, as the hold model reuses it. */
  public static final class Event implements Comparable<Event> {
    long time;

    Event(long time) {
      this.time = time;
    }

    long time() {
      return time;
    }

    @Override
    public int compareTo(Event other) {
      return Long.compare(time, other.time);
    }
  }

  @Param({"1000", "100000"})
  public int size;

  private long[] delays;
  private int next;
  private Heap<Event> binary;
  private Heap<Event> fourAry;
  private PriorityQueue<Event> queue;
  private Heap<Event> binaryByTime;
  private Heap<Event> fourAryByTime;
  private PriorityQueue<Event> queueByTime;

  /**
   * Builds only the heap the running benchmark uses: filling the others too would run their code in
   * this JVM, and the type and branch profiles that code leaves would be there when the JIT compiles
   * the contender under test.
   */
  @Setup
  public void setUp(BenchmarkParams params) {
    SplittableRandom random = new SplittableRandom(20261125L);
    delays = random.longs(DELAYS, 1, 1 << 20).toArray();
    long[] times = random.longs(size, 0, 1 << 20).toArray();
    String benchmark = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    switch (benchmark) {
      case "pushPop_architect" -> binary = fill(Heap.min(), times);
      case "pushPop_architect4ary" -> fourAry = fill(Heap.dAry(4, Comparator.naturalOrder()), times);
      case "pushPop_priorityQueue" -> queue = fill(new PriorityQueue<>(), times);
      case "pushPopComparator_architect" -> binaryByTime = fill(Heap.by(BY_TIME), times);
      case "pushPopComparator_architect4ary" -> fourAryByTime = fill(Heap.dAry(4, BY_TIME), times);
      case "pushPopComparator_priorityQueue" -> queueByTime = fill(new PriorityQueue<>(BY_TIME), times);
      default -> throw new IllegalStateException("no heap for benchmark " + benchmark);
    }
  }

  private static Heap<Event> fill(Heap<Event> heap, long[] times) {
    for (long time : times) {
      heap.push(new Event(time));
    }
    return heap;
  }

  private static PriorityQueue<Event> fill(PriorityQueue<Event> queue, long[] times) {
    for (long time : times) {
      queue.add(new Event(time));
    }
    return queue;
  }

  private long delay() {
    return delays[next++ & (DELAYS - 1)];
  }

  private Event hold(Heap<Event> heap) {
    Event event = heap.pop();
    event.time += delay();
    heap.push(event);
    return event;
  }

  private Event hold(PriorityQueue<Event> queue) {
    Event event = queue.poll();
    event.time += delay();
    queue.add(event);
    return event;
  }

  @Benchmark
  public Event pushPop_architect() {
    return hold(binary);
  }

  @Benchmark
  public Event pushPop_architect4ary() {
    return hold(fourAry);
  }

  @Benchmark
  public Event pushPop_priorityQueue() {
    return hold(queue);
  }

  @Benchmark
  public Event pushPopComparator_architect() {
    return hold(binaryByTime);
  }

  @Benchmark
  public Event pushPopComparator_architect4ary() {
    return hold(fourAryByTime);
  }

  @Benchmark
  public Event pushPopComparator_priorityQueue() {
    return hold(queueByTime);
  }
}
