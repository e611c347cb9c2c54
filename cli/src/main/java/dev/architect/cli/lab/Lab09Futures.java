package dev.architect.cli.lab;

import static dev.architect.async.Async.async;

import dev.architect.async.Async;
import dev.architect.async.CancelledException;
import dev.architect.async.CompositeCancellation;
import dev.architect.async.CompositeException;
import dev.architect.async.DeferredCancellation;
import dev.architect.async.DeferredFuture;
import dev.architect.async.Future;
import dev.architect.async.Settled;
import dev.architect.async.TimeoutCancellation;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Lab 09, the counterpart of Amp v3's futures in PHP: parallel work with {@code async}, the await
 * combinators on futures that complete in a known order, a timeout cancellation stopping a wait and
 * an operation, a composite cancellation, and a failed future that nobody observed reaching the
 * unhandled-error handler. Everything printed is measured or computed by the run.
 */
public final class Lab09Futures implements Lab {
  /** How long the driver of section 2 waits before its first completion: time for the combinator to subscribe. */
  private static final Duration LEAD = Duration.ofMillis(40);
  private static final Duration GAP = Duration.ofMillis(10);
  private static volatile int checksum;

  @Override
  public int number() {
    return 9;
  }

  @Override
  public String title() {
    return "Futures and cancellation";
  }

  @Override
  public void run(PrintWriter out) throws InterruptedException {
    parallelWork(out);
    combinators(out);
    timeout(out);
    composite(out);
    unobserved(out);
    cost(out);
  }

  // ---- 1

  private static void parallelWork(PrintWriter out) {
    out.println();
    out.println("== 1. Parallel work with async (each task on its own virtual thread)");
    int tasks = 8;
    int limit = 2_000_000;
    int slice = limit / tasks;
    countPrimes(2, limit / 10); // warms the JIT up, so that neither timing includes compilation
    int sequential = 0;
    int parallel = 0;
    long sequentialNanos = Long.MAX_VALUE;
    long parallelNanos = Long.MAX_VALUE;
    for (int run = 0; run < 2; run++) { // best of 2: the cores are shared
      long start = System.nanoTime();
      sequential = countPrimes(2, limit);
      sequentialNanos = Math.min(sequentialNanos, System.nanoTime() - start);

      start = System.nanoTime();
      List<Future<Integer>> counts = new ArrayList<>();
      for (int t = 0; t < tasks; t++) {
        int from = Math.max(2, t * slice);
        int to = (t + 1) * slice;
        counts.add(async(() -> countPrimes(from, to)));
      }
      parallel = Async.await(counts).stream().mapToInt(Integer::intValue).sum();
      parallelNanos = Math.min(parallelNanos, System.nanoTime() - start);
    }
    out.printf("  primes below %,d: %,d with %d async tasks, %,d counted sequentially (equal: %s)%n", limit,
        parallel, tasks, sequential, parallel == sequential);
    out.printf("  sequential %,d ms, in parallel %,d ms on %d cores (x%.1f, best of 2 runs each)%n",
        sequentialNanos / 1_000_000, parallelNanos / 1_000_000, Runtime.getRuntime().availableProcessors(),
        sequentialNanos / (double) parallelNanos);

    int waits = 20;
    Duration each = Duration.ofMillis(100);
    Set<Boolean> virtual = ConcurrentHashMap.newKeySet();
    long start = System.nanoTime();
    List<Future<Void>> sleepers = new ArrayList<>();
    for (int i = 0; i < waits; i++) {
      sleepers.add(async(() -> {
        virtual.add(Thread.currentThread().isVirtual());
        Async.delay(each);
      }));
    }
    Async.await(sleepers);
    long waitedNanos = System.nanoTime() - start;
    out.printf("  %d I/O-like tasks each waiting %d ms (Async.delay): all done in %,d ms, not %,d;"
        + " on virtual threads: %s%n", waits, each.toMillis(), waitedNanos / 1_000_000, waits * each.toMillis(),
        virtual);
  }

  private static int countPrimes(int from, int to) {
    int count = 0;
    for (int n = from; n < to; n++) {
      boolean prime = n >= 2;
      for (int d = 2; (long) d * d <= n && prime; d++) {
        prime = n % d != 0;
      }
      if (prime) {
        count++;
      }
    }
    return count;
  }

  // ---- 2

  private static void combinators(PrintWriter out) {
    out.println();
    out.println("== 2. Combinators: futures a b c d, completed by a driver in the order c, a, d, b");
    out.println("     (c = \"C\" at 40 ms, a fails at 50 ms, d = \"D\" at 60 ms, b = \"B\" at 70 ms)");
    race(out, "Future.iterate", futures -> {
      List<String> order = new ArrayList<>();
      for (Map.Entry<String, Future<String>> entry : Future.iterate(futures)) {
        order.add(entry.getKey() + "=" + outcome(entry.getValue()));
      }
      return String.join(", ", order) + "   (completion order)";
    });
    race(out, "await", futures -> String.valueOf(Async.await(futures)));
    race(out, "awaitAll", futures -> {
      Settled<String, String> settled = Async.awaitAll(futures);
      return "errors " + describe(settled.errors()) + ", values " + settled.values();
    });
    race(out, "awaitAny", Async::awaitAny);
    race(out, "awaitAnyN(2)", futures -> String.valueOf(Async.awaitAnyN(2, futures)));
    race(out, "awaitFirst", Async::awaitFirst);

    Map<String, Future<String>> allFail = new LinkedHashMap<>();
    allFail.put("primary", async(() -> {
      throw new IllegalStateException("primary down");
    }));
    allFail.put("replica", Future.error(new IllegalStateException("replica down")));
    try {
      Async.awaitAny(allFail);
    } catch (CompositeException e) {
      out.println("  awaitAny, all fail:  CompositeException: " + e.getMessage());
    }

    DeferredFuture<Integer> deferred = new DeferredFuture<>();
    Future<String> derived = deferred.future()
        .map(x -> 100 / x)
        .catchError(error -> -1)
        .map(x -> "result " + x)
        .finallyDo(() -> { });
    deferred.complete(0);
    out.println("  map/catchError:      100 / 0 -> " + derived.await() + " (the ArithmeticException was caught)");
    try {
      deferred.complete(1);
    } catch (IllegalStateException e) {
      out.println("  complete twice:      IllegalStateException: " + e.getMessage());
    }
  }

  /**
   * Runs {@code combinator} on this thread over four pending futures while a driver completes them:
   * c, then a (failing), then d, then b, {@link #GAP} apart after a {@link #LEAD}.
   */
  private static void race(PrintWriter out, String name, Function<Map<String, Future<String>>, Object> combinator) {
    Map<String, DeferredFuture<String>> deferred = new LinkedHashMap<>();
    for (String key : List.of("a", "b", "c", "d")) {
      deferred.put(key, new DeferredFuture<>());
    }
    Map<String, Future<String>> futures = new LinkedHashMap<>();
    deferred.forEach((key, value) -> futures.put(key, value.future()));
    Future<Void> driver = async(() -> {
      Async.delay(LEAD);
      deferred.get("c").complete("C");
      Async.delay(GAP);
      deferred.get("a").error(new IllegalStateException("a is down"));
      Async.delay(GAP);
      deferred.get("d").complete("D");
      Async.delay(GAP);
      deferred.get("b").complete("B");
    });
    long start = System.nanoTime();
    String result;
    try {
      result = String.valueOf(combinator.apply(futures));
    } catch (RuntimeException e) {
      result = "threw " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    driver.await();
    out.printf("  %-20s %s   (after %d ms)%n", name + ":", result, millis);
  }

  private static String outcome(Future<String> future) {
    try {
      return future.await();
    } catch (IllegalStateException e) {
      return "failed (" + e.getMessage() + ")";
    }
  }

  private static String describe(Map<String, Throwable> errors) {
    Map<String, String> text = new LinkedHashMap<>();
    errors.forEach((key, error) -> text.put(key, error.getClass().getSimpleName() + ": " + error.getMessage()));
    return text.toString();
  }

  // ---- 3

  private static void timeout(PrintWriter out) {
    out.println();
    out.println("== 3. A timeout cancellation (50 ms) against operations that take 200 ms");
    Duration work = Duration.ofMillis(200);
    try (TimeoutCancellation timeout = new TimeoutCancellation(Duration.ofMillis(50))) {
      Future<String> ignoring = async(() -> {
        Async.delay(work);
        return "finished anyway";
      });
      Future<String> taking = async(() -> {
        Async.delay(work, timeout);
        return "not reached";
      });
      long start = System.nanoTime();
      try {
        ignoring.await(timeout);
      } catch (CancelledException e) {
        out.printf("  await(timeout) gave up after %d ms: %s%n", (System.nanoTime() - start) / 1_000_000,
            e.getMessage());
      }
      out.println("  the operation that did not take the timeout is still running: complete="
          + ignoring.isComplete() + "; later it gives \"" + ignoring.await() + "\"");
      try {
        taking.await();
      } catch (CancelledException e) {
        out.println("  the operation that took the timeout (delay(200 ms, timeout)) stopped too: "
            + e.getClass().getSimpleName() + ", reason " + e.reason().getClass().getSimpleName());
      }
    }
    try (TimeoutCancellation generous = new TimeoutCancellation(Duration.ofSeconds(5))) {
      Future<String> quick = async(() -> {
        Async.delay(Duration.ofMillis(20), generous);
        return "report ready";
      });
      out.println("  with a 5 s timeout instead: \"" + quick.await(generous) + "\", timeout requested: "
          + generous.isRequested());
    }
  }

  // ---- 4

  private static void composite(PrintWriter out) {
    out.println();
    out.println("== 4. A composite cancellation: the user's stop button or a 2 s timeout, whichever comes first");
    DeferredCancellation stopButton = new DeferredCancellation();
    List<String> notified = new CopyOnWriteArrayList<>();
    try (TimeoutCancellation deadline = new TimeoutCancellation(Duration.ofSeconds(2));
         CompositeCancellation either = new CompositeCancellation(stopButton.cancellation(), deadline)) {
      String id = either.subscribe(e -> notified.add("subscriber told: " + e.getMessage()));
      String removed = either.subscribe(e -> notified.add("this one was unsubscribed"));
      either.unsubscribe(removed);
      out.println("  before: requested=" + either.isRequested() + ", throwIfRequested() returns quietly");
      either.throwIfRequested();
      Future<String> download = async(() -> {
        Async.delay(Duration.ofSeconds(10), either);
        return "downloaded";
      });
      Future<Void> user = async(() -> {
        Async.delay(Duration.ofMillis(30));
        stopButton.cancel(new IllegalStateException("the user pressed stop"));
      });
      long start = System.nanoTime();
      try {
        download.await();
      } catch (CancelledException e) {
        out.printf("  the download stopped after %d ms: %s%n", (System.nanoTime() - start) / 1_000_000,
            e.getMessage());
      }
      user.await();
      either.unsubscribe(id);
      out.println("  requested: composite=" + either.isRequested() + ", stop button=" + stopButton.isCancelled()
          + ", timeout=" + deadline.isRequested());
      try {
        either.throwIfRequested();
      } catch (CancelledException e) {
        out.println("  throwIfRequested() now throws the same exception: " + (e == catchCancelled(stopButton)));
      }
      notified.forEach(line -> out.println("  " + line));
    }
  }

  private static CancelledException catchCancelled(DeferredCancellation cancellation) {
    try {
      cancellation.cancellation().throwIfRequested();
      return null;
    } catch (CancelledException e) {
      return e;
    }
  }

  // ---- 5

  private static void unobserved(PrintWriter out) throws InterruptedException {
    out.println();
    out.println("== 5. A failed future that nobody observes is reported, never lost");
    List<Throwable> reported = new CopyOnWriteArrayList<>();
    Consumer<? super Throwable> previous = Async.setUnhandledErrorHandler(reported::add);
    try {
      IllegalStateException ignored = new IllegalStateException("nobody awaited me");
      IllegalStateException observed = new IllegalStateException("I was awaited");
      dropFailures(ignored, observed);
      int collections = 0;
      while (!reported.contains(ignored) && collections < 500) {
        System.gc();
        collections++;
        Thread.sleep(10);
      }
      out.println("  two failed futures dropped: one awaited (its error caught), one never looked at");
      out.println("  after " + collections + " garbage collection(s), the handler received: "
          + reported.stream().filter(e -> e == ignored || e == observed).map(Throwable::getMessage).toList());
      out.println("  (the default handler prints the stack trace to standard error; Future.ignore() opts out)");
    } finally {
      Async.setUnhandledErrorHandler(previous);
    }
  }

  private static void dropFailures(RuntimeException ignored, RuntimeException observed) {
    async(() -> {
      throw ignored;
    });
    Future<Object> awaited = async(() -> {
      throw observed;
    });
    try {
      awaited.await();
    } catch (IllegalStateException expected) {
      // observed: never reported
    }
  }

  // ---- 6

  private static void cost(PrintWriter out) throws InterruptedException {
    out.println();
    out.println("== 6. What async + await costs here, awaited on a virtual thread (rough; JMH: bin/bench fiber Async)");
    Executor virtual = Thread::startVirtualThread;
    int rounds = 50_000;
    double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
    Thread runner = Thread.ofVirtual().start(() -> {
      int sink = 0;
      for (int run = 0; run < 3; run++) {
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
          int x = i;
          sink += async(() -> x).await();
        }
        best[0] = Math.min(best[0], (System.nanoTime() - start) / (double) rounds);
        start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
          int x = i;
          sink += CompletableFuture.supplyAsync(() -> x, virtual).join();
        }
        best[1] = Math.min(best[1], (System.nanoTime() - start) / (double) rounds);
      }
      checksum = sink; // keeps the loops from being optimized away
    });
    runner.join();
    out.printf("  Async.async(...).await()                 %,8.0f ns (best of 3 runs of %,d)%n", best[0], rounds);
    out.printf("  CompletableFuture.supplyAsync(...).join() %,7.0f ns (same executor: a virtual thread per task)%n",
        best[1]);
  }
}
