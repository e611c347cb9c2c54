package dev.architect.cli.lab;

import dev.architect.fiber.Fiber;
import dev.architect.fiber.FiberException;
import dev.architect.fiber.Generator;
import dev.architect.fiber.Scheduler;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Lab 03, the counterpart of PHP 8.1 fibers: a fiber's states as it runs, values passed both ways,
 * exceptions crossing in and out, a cooperative scheduler interleaving tasks, a generator, and what a
 * switch costs with each implementation.
 */
public final class Lab03Fibers implements Lab {
  @Override
  public int number() {
    return 3;
  }

  @Override
  public String title() {
    return "Fibers and a cooperative scheduler";
  }

  @Override
  public void run(PrintWriter out) {
    out.println("  default implementation: " + Fiber.Implementation.defaultImplementation()
        + " (continuations available: " + Fiber.Implementation.CONTINUATION.isAvailable() + ")");
    lifecycle(out);
    exceptions(out);
    scheduler(out);
    generator(out);
    switchCost(out);
  }

  private static void lifecycle(PrintWriter out) {
    out.println();
    out.println("== 1. Lifecycle, and values passed both ways");
    List<String> inside = new ArrayList<>();
    Fiber[] self = new Fiber[1];
    self[0] = new Fiber(args -> {
      inside.add("inside: started with " + args[0] + ", " + states(self[0]));
      Object reply = Fiber.suspend("first suspend value");
      inside.add("inside: resumed with " + reply);
      reply = Fiber.suspend("second suspend value");
      inside.add("inside: resumed with " + reply);
      return "the return value";
    });
    out.println("  new:               " + states(self[0]));
    Object value = self[0].start("an argument");
    inside.forEach(line -> out.println("    " + line));
    inside.clear();
    out.println("  start(...) gave:   " + value + "   -> " + states(self[0]));
    value = self[0].resume("resume #1");
    inside.forEach(line -> out.println("    " + line));
    inside.clear();
    out.println("  resume(...) gave:  " + value + "   -> " + states(self[0]));
    value = self[0].resume("resume #2");
    inside.forEach(line -> out.println("    " + line));
    out.println("  resume(...) gave:  " + value + "   -> " + states(self[0]));
    out.println("  getReturn():       " + self[0].getReturn());
    try {
      self[0].resume();
    } catch (FiberException e) {
      out.println("  resume() again:    FiberException: " + e.getMessage());
    }
  }

  private static String states(Fiber fiber) {
    return "started=" + fiber.isStarted() + " running=" + fiber.isRunning() + " suspended=" + fiber.isSuspended()
        + " terminated=" + fiber.isTerminated();
  }

  private static void exceptions(PrintWriter out) {
    out.println();
    out.println("== 2. Exceptions across the fiber boundary");
    Fiber catcher = new Fiber(args -> {
      try {
        Fiber.suspend();
        return "not reached";
      } catch (IllegalArgumentException e) {
        return "caught inside: " + e.getMessage();
      }
    });
    catcher.start();
    catcher.throwInto(new IllegalArgumentException("thrown in with throwInto()"));
    out.println("  throwInto:         " + catcher.getReturn());

    Fiber thrower = new Fiber(args -> {
      Fiber.suspend();
      throw new IllegalStateException("thrown by the fiber");
    });
    thrower.start();
    try {
      thrower.resume();
    } catch (IllegalStateException e) {
      out.println("  escaping:          resume() threw " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    try {
      thrower.getReturn();
    } catch (FiberException e) {
      out.println("  then getReturn():  FiberException: " + e.getMessage());
    }
    List<String> cleanup = new ArrayList<>();
    Fiber unfinished = new Fiber(args -> {
      try {
        Fiber.suspend();
        return null;
      } finally {
        cleanup.add("finally ran");
      }
    });
    unfinished.start();
    unfinished.close();
    out.println("  close() unwinds:   " + cleanup + ", terminated=" + unfinished.isTerminated());
    try {
      Fiber.suspend();
    } catch (FiberException e) {
      out.println("  suspend() outside: FiberException: " + e.getMessage());
    }
  }

  private static void scheduler(PrintWriter out) {
    out.println();
    out.println("== 3. A cooperative scheduler interleaving tasks (virtual clock)");
    Scheduler scheduler = Scheduler.createWithVirtualTime();
    List<String> trace = new ArrayList<>();
    String[] names = {"fetch", "parse", "index"};
    int[] periods = {30, 20, 50};
    List<Scheduler.Task<Integer>> tasks = new ArrayList<>();
    for (int t = 0; t < names.length; t++) {
      String name = names[t];
      Duration period = Duration.ofMillis(periods[t]);
      tasks.add(scheduler.spawn(() -> {
        int steps = 0;
        for (; steps < 3; steps++) {
          trace.add(String.format("  %5d ms  %-5s step %d", scheduler.nanoTime() / 1_000_000, name, steps + 1));
          Scheduler.sleep(period);
        }
        return steps;
      }));
    }
    Scheduler.Callback ticker = scheduler.repeat(Duration.ofMillis(45), () ->
        trace.add(String.format("  %5d ms  timer", scheduler.nanoTime() / 1_000_000)));
    scheduler.delay(Duration.ofMillis(140), () -> scheduler.cancel(ticker));
    scheduler.run();
    trace.forEach(out::println);
    int total = tasks.stream().mapToInt(Scheduler.Task::result).sum();
    out.println("  all tasks done at " + scheduler.nanoTime() / 1_000_000 + " ms of virtual time, " + total
        + " steps in all");
  }

  private static void generator(PrintWriter out) {
    out.println();
    out.println("== 4. A generator: Fibonacci numbers, computed only as they are taken");
    int[] computed = new int[1];
    try (Generator<Long> fibonacci = Generator.of(yield -> {
      long a = 0;
      long b = 1;
      while (true) {
        computed[0]++;
        yield.yield(a);
        long next = a + b;
        a = b;
        b = next;
      }
    })) {
      List<Long> first = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        first.add(fibonacci.next());
      }
      out.println("  first 12: " + first);
      out.println("  values computed so far: " + computed[0] + " (an infinite generator, closed after use)");
    }
  }

  private static void switchCost(PrintWriter out) {
    out.println();
    out.println("== 5. What a resume + suspend round trip costs here (a rough timing; JMH: bin/bench fiber)");
    for (Fiber.Implementation implementation : Fiber.Implementation.values()) {
      if (!implementation.isAvailable()) {
        out.println("  " + implementation + ": not available in this JVM");
        continue;
      }
      Fiber fiber = new Fiber(implementation, args -> {
        while (true) {
          Fiber.suspend();
        }
      });
      fiber.start();
      int rounds = implementation == Fiber.Implementation.CONTINUATION ? 2_000_000 : 20_000;
      double best = Double.MAX_VALUE;
      for (int run = 0; run < 3; run++) {
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
          fiber.resume();
        }
        best = Math.min(best, (System.nanoTime() - start) / (double) rounds);
      }
      fiber.close();
      out.printf("  %-15s %,10.1f ns per round trip (best of 3 runs of %,d)%n", implementation, best, rounds);
    }
  }
}
