package dev.architect.bench.fiber;

import dev.architect.async.Async;
import dev.architect.async.Future;
import dev.architect.bench.Contenders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Architect's futures ({@code architect-async}) beside the JDK's {@link CompletableFuture}.
 *
 * <ul>
 *   <li>{@code asyncAwait}: start a task on a new virtual thread and await its result, with
 *       {@code Async.async(...).await()}; the anchor is {@code CompletableFuture.supplyAsync(..., executor)
 *       .join()} with an executor that starts a virtual thread per task, the same way. {@code threadJoin},
 *       a bare {@code Thread.startVirtualThread(...)} and {@code join()}, is the floor both pay.
 *   <li>{@code delayStorm}: {@value #STORM} timers of 1 ms set at once and all awaited, with
 *       {@code Async.timer} and {@code Async.await}; the anchors complete {@code CompletableFuture}s from
 *       a one-thread {@link ScheduledExecutorService} ({@code scheduledExecutor}) or through
 *       {@link CompletableFuture#delayedExecutor} ({@code delayedExecutor}, whose tasks then run on the
 *       common pool), then {@code CompletableFuture.allOf(...).join()}. No contender takes a thread per
 *       delay.
 * </ul>
 *
 * <p>The benchmark threads are virtual ({@code -Djmh.executor=VIRTUAL}, set on the fork below): code that
 * awaits futures runs in tasks, on virtual threads, where waiting parks a continuation instead of a
 * platform thread (a platform thread waiting for a virtual one costs about 10 µs here, for every
 * contender alike).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = "-Djmh.executor=VIRTUAL")
@Contenders(anchors = {"completableFuture", "threadJoin", "scheduledExecutor", "delayedExecutor"})
public class AsyncBenchmark {
  static final int STORM = 10_000;
  private static final Duration DELAY = Duration.ofMillis(1);
  private static final Executor VIRTUAL = Thread::startVirtualThread;

  private ScheduledThreadPoolExecutor scheduler;
  private Executor delayed;
  private int counter;

  @Setup
  public void setUp() {
    scheduler = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "bench-scheduler");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.setRemoveOnCancelPolicy(true);
    delayed = CompletableFuture.delayedExecutor(DELAY.toNanos(), TimeUnit.NANOSECONDS);
    if (!Thread.currentThread().isVirtual()) {
      throw new IllegalStateException("expected virtual benchmark threads (-Djmh.executor=VIRTUAL)");
    }
  }

  @TearDown
  public void tearDown() {
    scheduler.shutdownNow();
  }

  @Benchmark
  public Integer asyncAwait_architect() {
    int input = ++counter;
    return Async.async(() -> input + 1).await();
  }

  @Benchmark
  public Integer asyncAwait_completableFuture() {
    int input = ++counter;
    return CompletableFuture.supplyAsync(() -> input + 1, VIRTUAL).join();
  }

  @Benchmark
  public Thread asyncAwait_threadJoin() throws InterruptedException {
    int input = ++counter;
    int[] result = new int[1];
    Thread thread = Thread.startVirtualThread(() -> result[0] = input + 1);
    thread.join();
    return thread;
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<Void> delayStorm_architect() {
    List<Future<Void>> timers = new ArrayList<>(STORM);
    for (int i = 0; i < STORM; i++) {
      timers.add(Async.timer(DELAY));
    }
    return Async.await(timers);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Void delayStorm_scheduledExecutor() {
    CompletableFuture<?>[] timers = new CompletableFuture<?>[STORM];
    long nanos = DELAY.toNanos();
    for (int i = 0; i < STORM; i++) {
      CompletableFuture<Void> timer = new CompletableFuture<>();
      scheduler.schedule(() -> timer.complete(null), nanos, TimeUnit.NANOSECONDS);
      timers[i] = timer;
    }
    return CompletableFuture.allOf(timers).join();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Void delayStorm_delayedExecutor() {
    CompletableFuture<?>[] timers = new CompletableFuture<?>[STORM];
    for (int i = 0; i < STORM; i++) {
      timers[i] = CompletableFuture.runAsync(() -> { }, delayed);
    }
    return CompletableFuture.allOf(timers).join();
  }
}
