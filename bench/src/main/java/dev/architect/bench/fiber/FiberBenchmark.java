package dev.architect.bench.fiber;

import dev.architect.bench.Contenders;
import dev.architect.fiber.Fiber;
import dev.architect.fiber.Fiber.Implementation;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A fiber round trip (resume, then the fiber suspends again) with each implementation, beside a bare
 * handoff to a virtual thread and back: the cost every switch between a scheduler and a task pays.
 * PHP's round trip on the same machine is printed beside this table by bin/bench (bench/php/fiber).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Contenders(subject = "continuation", anchors = {"virtualThread", "virtualThreadHandoff"})
public class FiberBenchmark {
  private Fiber continuation;
  private Fiber virtualThread;
  private Handoff handoff;

  @Setup
  public void setUp() {
    if (!Implementation.CONTINUATION.isAvailable()) {
      throw new IllegalStateException("run with --add-exports java.base/jdk.internal.vm=ALL-UNNAMED (bin/bench does)");
    }
    continuation = loopingFiber(Implementation.CONTINUATION);
    virtualThread = loopingFiber(Implementation.VIRTUAL_THREAD);
    handoff = new Handoff();
  }

  private static Fiber loopingFiber(Implementation implementation) {
    Fiber fiber = new Fiber(implementation, args -> {
      while (true) {
        Fiber.suspend();
      }
    });
    fiber.start();
    return fiber;
  }

  @TearDown
  public void tearDown() {
    continuation.close();
    virtualThread.close();
    handoff.stop();
  }

  @Benchmark
  public Object roundTrip_continuation() {
    return continuation.resume();
  }

  @Benchmark
  public Object roundTrip_virtualThread() {
    return virtualThread.resume();
  }

  @Benchmark
  public void roundTrip_virtualThreadHandoff() {
    handoff.roundTrip();
  }

  @Benchmark
  public Object createAndComplete_continuation() {
    Fiber fiber = new Fiber(Implementation.CONTINUATION, args -> args[0]);
    fiber.start(this);
    return fiber.getReturn();
  }

  @Benchmark
  public Object createAndComplete_virtualThread() {
    Fiber fiber = new Fiber(Implementation.VIRTUAL_THREAD, args -> args[0]);
    fiber.start(this);
    return fiber.getReturn();
  }

  @Benchmark
  public Object createAndComplete_virtualThreadHandoff() throws InterruptedException {
    Thread thread = Thread.ofVirtual().start(() -> { });
    thread.join();
    return thread;
  }

  /** The baseline: hand a turn to a virtual thread and wait until it hands it back, with park/unpark. */
  static final class Handoff {
    private volatile boolean theirTurn;
    private volatile boolean stopped;
    private volatile Thread caller;
    private final Thread peer;

    Handoff() {
      peer = Thread.ofVirtual().start(() -> {
        while (!stopped) {
          while (!theirTurn && !stopped) {
            LockSupport.park(this);
          }
          theirTurn = false;
          LockSupport.unpark(caller);
        }
      });
    }

    void roundTrip() {
      caller = Thread.currentThread();
      theirTurn = true;
      LockSupport.unpark(peer);
      while (theirTurn) {
        LockSupport.park(this);
      }
    }

    void stop() {
      stopped = true;
      LockSupport.unpark(peer);
    }
  }
}
