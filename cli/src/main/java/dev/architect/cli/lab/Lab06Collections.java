package dev.architect.cli.lab;

import dev.architect.collections.FixedArray;
import dev.architect.collections.Heap;
import dev.architect.collections.IndexedPriorityQueue;
import dev.architect.collections.IndexedPriorityQueue.Handle;
import dev.architect.collections.IntArray;
import dev.architect.collections.Iterators;
import java.io.PrintWriter;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Lab 06, the counterpart of PHP's SPL data structures: a task scheduler on the indexed priority
 * queue (rescheduling and cancelling through handles, then the same at scale against
 * {@link PriorityQueue}), top-k over a generated data set with a bounded heap, and what fixed
 * primitive arrays save against lists, measured on the heap of the running JVM.
 */
public final class Lab06Collections implements Lab {
  /** The memory section builds this many structures of {@link #ELEMENTS_EACH} ints each. */
  static final int STRUCTURES = 1_000;
  static final int ELEMENTS_EACH = 1_000;

  @Override
  public int number() {
    return 6;
  }

  @Override
  public String title() {
    return "Data structures";
  }

  @Override
  public void run(PrintWriter out) {
    scheduler(out);
    schedulerAtScale(out);
    topK(out);
    memory(out);
  }

  /** A job of the small scheduler: its name, and its period if it repeats (0 if not). */
  private record Job(String name, long period) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static void scheduler(PrintWriter out) {
    out.println();
    out.println("== 1. A task scheduler on the indexed priority queue (virtual clock, ms)");
    IndexedPriorityQueue<Job> queue = IndexedPriorityQueue.minFirst();
    Handle<Job> heartbeat = queue.push(new Job("heartbeat", 150), 50);
    Handle<Job> email = queue.push(new Job("email", 0), 100);
    Handle<Job> report = queue.push(new Job("report", 0), 400);
    Handle<Job> cleanup = queue.push(new Job("cleanup", 0), 300);
    Handle<Job> backup = queue.push(new Job("backup", 0), 500);
    queue.push(new Job("invoice", 0), 200);
    out.println("  queued: " + queue.size() + " jobs, next at " + queue.peekPriority() + " ms: "
        + queue.peek().name());
    int fired = 0;
    while (!queue.isEmpty() && queue.peekPriority() <= 600) {
      long now = queue.peekPriority();
      Handle<Job> due = queue.peekHandle();
      Job job = due.element();
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %4d ms  %-9s", now, job.name()));
      if (job.period() > 0) {
        queue.update(due, now + job.period()); // a repeating job stays queued: its handle is reused
        line.append(" runs; rescheduled to ").append(due.priority()).append(" ms (update)");
      } else {
        queue.pop();
        line.append(" runs");
      }
      fired++;
      if (due == email) {
        queue.remove(cleanup);
        queue.update(report, now + 20);
        line.append("; cancels cleanup (remove), moves report up to ").append(report.priority()).append(" ms (update)");
      } else if (due == report) {
        queue.update(backup, 250);
        line.append("; brings backup forward to 250 ms (update)");
      }
      out.println(line);
    }
    out.println("  " + fired + " runs; still queued after 600 ms: " + names(queue));
    out.println("  cleanup.isQueued() = " + cleanup.isQueued() + ", heartbeat.isQueued() = " + heartbeat.isQueued());
    try {
      queue.remove(cleanup);
    } catch (IllegalArgumentException e) {
      out.println("  cancelling cleanup again: IllegalArgumentException: " + e.getMessage());
    }
  }

  private static List<String> names(IndexedPriorityQueue<Job> queue) {
    List<String> names = new ArrayList<>();
    for (Handle<Job> handle : queue) {
      names.add(handle.element().name() + "@" + handle.priority());
    }
    names.sort(null);
    return names;
  }

  /** A timer of the anchor queue: identity equality, as {@code remove(Object)} needs. */
  private static final class Timer {
    final int id;
    long deadline;

    Timer(int id, long deadline) {
      this.id = id;
      this.deadline = deadline;
    }
  }

  private static void schedulerAtScale(PrintWriter out) {
    out.println();
    int timers = 50_000;
    int cancels = 2_000;
    int reschedules = 2_000;
    out.printf(Locale.ROOT, "== 2. At scale: %,d timers, %,d cancelled, %,d rescheduled, then all fired%n", timers,
        cancels, reschedules);
    SplittableRandom random = new SplittableRandom(6);
    long[] deadlines = random.longs(timers, 0, 1_000_000).toArray();
    int[] picks = random.ints(cancels + reschedules, 0, timers).toArray();
    long[] moves = random.longs(reschedules, 0, 1_000_000).toArray();

    long start = System.nanoTime();
    IndexedPriorityQueue<Integer> indexed = IndexedPriorityQueue.minFirst();
    List<Handle<Integer>> handles = new ArrayList<>(timers);
    for (int i = 0; i < timers; i++) {
      handles.add(indexed.push(i, deadlines[i]));
    }
    int indexedCancelled = 0;
    for (int i = 0; i < picks.length; i++) {
      Handle<Integer> handle = handles.get(picks[i]);
      if (!indexed.contains(handle)) {
        continue; // picked twice: already cancelled
      }
      if (i < cancels) {
        indexed.remove(handle);
        indexedCancelled++;
      } else {
        indexed.update(handle, moves[i - cancels]);
      }
    }
    long[] indexedOrder = new long[indexed.size()];
    int fired = 0;
    while (!indexed.isEmpty()) {
      indexedOrder[fired++] = indexed.peekPriority();
      indexed.pop();
    }
    long indexedNanos = System.nanoTime() - start;

    start = System.nanoTime();
    PriorityQueue<Timer> queue = new PriorityQueue<>(Comparator.comparingLong((Timer t) -> t.deadline));
    List<Timer> all = new ArrayList<>(timers);
    for (int i = 0; i < timers; i++) {
      Timer timer = new Timer(i, deadlines[i]);
      all.add(timer);
      queue.add(timer);
    }
    for (int i = 0; i < picks.length; i++) {
      Timer timer = all.get(picks[i]);
      if (i < cancels) {
        queue.remove(timer); // a linear search; false if it was already cancelled
      } else if (queue.remove(timer)) {
        timer.deadline = moves[i - cancels];
        queue.add(timer);
      }
    }
    long[] queueOrder = new long[queue.size()];
    int queueFired = 0;
    while (!queue.isEmpty()) {
      queueOrder[queueFired++] = queue.poll().deadline;
    }
    long queueNanos = System.nanoTime() - start;

    boolean sorted = true;
    for (int i = 1; i < fired; i++) {
      sorted &= indexedOrder[i - 1] <= indexedOrder[i];
    }
    out.printf(Locale.ROOT, "  indexed queue:  %,d cancelled (distinct), %,d fired, in deadline order: %s%n",
        indexedCancelled, fired, sorted);
    out.printf(Locale.ROOT, "  PriorityQueue:  %,d fired, same deadlines in the same order: %s%n", queueFired,
        Arrays.equals(indexedOrder, queueOrder));
    out.printf(Locale.ROOT, "  time (one rough run; JMH: bin/bench fiber): indexed queue %.1f ms, PriorityQueue %.1f ms"
        + " (its remove(Object) scans the queue)%n", indexedNanos / 1e6, queueNanos / 1e6);
  }

  /** A request of the generated log: which endpoint, and how long it took. */
  private record Request(long id, String endpoint, double millis) {}

  private static void topK(PrintWriter out) {
    out.println();
    int count = 1_000_000;
    int k = 10;
    out.printf(Locale.ROOT, "== 3. Top %d of %,d generated requests, with a heap of %d%n", k, count, k);
    String[] endpoints = {"/accounts", "/transfers", "/statements", "/login", "/search"};
    SplittableRandom random = new SplittableRandom(2024);
    // An endless generator of log-normal latencies, limited lazily: nothing is held but the heap.
    Iterator<Request> log = Iterators.limit(Stream.iterate(0L, id -> id + 1)
        .map(id -> new Request(id, endpoints[random.nextInt(endpoints.length)],
            Math.exp(3 + 0.9 * gaussian(random))))
        .iterator(), count);
    long[] comparisons = new long[1];
    Comparator<Request> byMillis = (a, b) -> {
      comparisons[0]++;
      return Double.compare(a.millis(), b.millis());
    };
    Heap<Request> slowest = Heap.by(byMillis); // the smallest of the k slowest on top, to be evicted
    List<Request> everything = new ArrayList<>(count); // only to check the heap against a full sort
    while (log.hasNext()) {
      Request request = log.next();
      everything.add(request);
      if (slowest.size() < k) {
        slowest.push(request);
      } else if (byMillis.compare(request, slowest.peek()) > 0) {
        slowest.pop();
        slowest.push(request);
      }
    }
    long heapComparisons = comparisons[0];
    List<Request> top = slowest.drain().reversed();
    comparisons[0] = 0;
    everything.sort(byMillis.reversed());
    long sortComparisons = comparisons[0];
    out.printf(Locale.ROOT, "  heap: %,d comparisons (%.2f per request); full sort: %,d (%.1f per request)%n",
        heapComparisons, heapComparisons / (double) count, sortComparisons, sortComparisons / (double) count);
    out.println("  same top " + k + " as the full sort: " + top.equals(everything.subList(0, k)));
    Iterator<List<Request>> rows = Iterators.chunk(top.iterator(), 2);
    int rank = 1;
    while (rows.hasNext()) {
      StringBuilder line = new StringBuilder(" ");
      for (Request request : rows.next()) {
        line.append(String.format(Locale.ROOT, " %2d. %-11s %7.1f ms", rank++, request.endpoint(), request.millis()));
      }
      out.println(line);
    }
  }

  /** A standard normal value (Box-Muller): SplittableRandom has no nextGaussian of its own state. */
  private static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static void memory(PrintWriter out) {
    out.println();
    out.printf(Locale.ROOT, "== 4. Fixed primitive arrays against lists: %,d structures of %,d random ints each%n",
        STRUCTURES, ELEMENTS_EACH);
    out.println("  measured here: heap in use after System.gc() (a full, compacting GC), before and after building");
    out.println("  the structures, divided by the number of ints; the values exist once beforehand, as int[]s");
    SplittableRandom random = new SplittableRandom(6);
    int[][] data = new int[STRUCTURES][];
    for (int i = 0; i < STRUCTURES; i++) {
      data[i] = random.ints(ELEMENTS_EACH, 1_000, 1_000_000_000).toArray(); // all outside Integer's cache
    }
    List<Kind> kinds = List.of(
        new Kind("IntArray", values -> {
          IntArray array = IntArray.ofLength(values.length);
          for (int i = 0; i < values.length; i++) {
            array.set(i, values[i]);
          }
          return array;
        }),
        new Kind("FixedArray<Integer>", values -> {
          FixedArray<Integer> array = FixedArray.ofLength(values.length);
          for (int i = 0; i < values.length; i++) {
            array.set(i, values[i]);
          }
          return array;
        }),
        new Kind("ArrayList<Integer>, presized", values -> {
          List<Integer> list = new ArrayList<>(values.length);
          for (int value : values) {
            list.add(value);
          }
          return list;
        }),
        new Kind("ArrayList<Integer>, grown", values -> {
          List<Integer> list = new ArrayList<>();
          for (int value : values) {
            list.add(value);
          }
          return list;
        }),
        new Kind("LinkedList<Integer>", values -> {
          List<Integer> list = new LinkedList<>();
          for (int value : values) {
            list.add(value);
          }
          return list;
        }));
    double intArrayBytes = Double.NaN;
    out.println("  structure                         heap used   per int   vs IntArray");
    for (Kind kind : kinds) {
      long bytes = measure(kind.build(), data);
      double perInt = bytes / (double) (STRUCTURES * ELEMENTS_EACH);
      if (Double.isNaN(intArrayBytes)) {
        intArrayBytes = perInt;
      }
      if (bytes <= 0) {
        out.printf(Locale.ROOT, "  %-31s   not measurable (explicit GC disabled?)%n", kind.name());
        continue;
      }
      out.printf(Locale.ROOT, "  %-31s %8.2f MB %7.2f B %10.1fx%n", kind.name(), bytes / 1e6, perInt,
          perInt / intArrayBytes);
    }
    out.println("  (an int takes 4 bytes; a List<Integer> pays a reference and a 16-byte Integer per element,");
    out.println("   a grown ArrayList its spare capacity too, a LinkedList a 24-byte node as well)");
    Reference.reachabilityFence(data);
  }

  private record Kind(String name, Function<int[], Object> build) {}

  /** The heap taken by one structure per row of {@code data}, all kept alive while measuring. */
  private static long measure(Function<int[], Object> build, int[][] data) {
    Object[] built = new Object[data.length]; // allocated before the first reading: not counted
    long before = usedAfterGc();
    for (int i = 0; i < data.length; i++) {
      built[i] = build.apply(data[i]);
    }
    long after = usedAfterGc();
    Reference.reachabilityFence(built);
    return after - before;
  }

  private static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
