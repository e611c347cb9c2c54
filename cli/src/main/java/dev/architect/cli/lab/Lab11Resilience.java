package dev.architect.cli.lab;

import dev.architect.resilience.Backoff;
import dev.architect.resilience.Bulkhead;
import dev.architect.resilience.BulkheadFullException;
import dev.architect.resilience.CircuitBreaker;
import dev.architect.resilience.CircuitBreakerOpenException;
import dev.architect.resilience.RateLimiter;
import dev.architect.resilience.Retry;
import dev.architect.resilience.distributed.DistributedLock;
import dev.architect.resilience.distributed.FencedResource;
import dev.architect.resilience.distributed.Lease;
import dev.architect.resilience.distributed.LeaseLostException;
import dev.architect.resilience.distributed.StaleTokenException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Lab 11, the counterpart of the course's circuit breaker, retry, rate limiter, bulkhead and
 * distributed lock in PHP: each policy against a flaky dependency, on a virtual clock where the
 * story is about time (so a run takes milliseconds, not minutes), on real threads where it is about
 * concurrency, and two real processes contending for a lock in a SQLite file.
 */
public final class Lab11Resilience implements Lab {
  private static final long MS = 1_000_000L;

  @Override
  public int number() {
    return 11;
  }

  @Override
  public String title() {
    return "Resilience patterns";
  }

  @Override
  public void run(PrintWriter out) throws Exception {
    long seed = System.nanoTime();
    out.println("  random seed of this run: " + seed);
    circuitBreaker(out, new SplittableRandom(seed));
    retry(out, new SplittableRandom(seed + 1));
    rateLimiter(out);
    bulkhead(out);
    distributedLock(out);
  }

  /** A clock the lab moves by hand: the policies read it, the flaky dependency advances it. */
  private static final class VirtualClock {
    final AtomicLong nanos = new AtomicLong();

    long read() {
      return nanos.get();
    }

    void advance(long delta) {
      nanos.addAndGet(delta);
    }

    String ms() {
      return String.format("%7.0f ms", nanos.get() / 1e6);
    }
  }

  // ---- 1. Circuit breaker

  private static void circuitBreaker(PrintWriter out, SplittableRandom random) {
    out.println();
    out.println("== 1. A circuit breaker in front of a flaky dependency (virtual time)");
    out.println("  window: last 10 calls; opens at >= 50% failures (after 5 calls); waits 2 s open; 3 trial calls");
    VirtualClock clock = new VirtualClock();
    List<String> timeline = new ArrayList<>();
    CircuitBreaker breaker = CircuitBreaker.builder("payments")
        .slidingWindow(CircuitBreaker.WindowType.COUNT_BASED, 10)
        .minimumNumberOfCalls(5)
        .failureRateThreshold(50)
        .waitInOpenState(Duration.ofSeconds(2))
        .permittedCallsInHalfOpenState(3)
        .ticker(clock::read)
        .onStateChange(change -> timeline.add(String.format("  %s  %-9s -> %s", clock.ms(), change.from(),
            change.to())))
        .build();

    // The dependency's health over time: fine, then an outage, then recovered.
    record Phase(String name, double failureRate, int calls) {}
    List<Phase> phases = List.of(new Phase("healthy", 0.02, 40), new Phase("outage", 0.9, 60),
        new Phase("recovered", 0.0, 60));
    for (Phase phase : phases) {
      int ok = 0;
      int failed = 0;
      int refused = 0;
      timeline.add(String.format("  %s  dependency %s: fails %.0f%% of calls, 40-60 ms each", clock.ms(), phase.name(),
          phase.failureRate() * 100));
      for (int i = 0; i < phase.calls(); i++) {
        try {
          breaker.run(() -> {
            clock.advance((40 + random.nextInt(21)) * MS);
            if (random.nextDouble() < phase.failureRate()) {
              throw new IllegalStateException("payments returned 503");
            }
          });
          ok++;
        } catch (CircuitBreakerOpenException e) {
          refused++;
        } catch (IllegalStateException e) {
          failed++;
        }
        clock.advance(100 * MS); // the next request arrives 100 ms later
      }
      timeline.add(String.format("  %s  %-9s %d calls: %d ok, %d failed, %d refused at once by the open breaker",
          clock.ms(), phase.name() + ":", phase.calls(), ok, failed, refused));
    }
    timeline.forEach(out::println);
    out.println("  state at the end: " + breaker.state());
  }

  // ---- 2. Retry

  private static void retry(PrintWriter out, SplittableRandom random) {
    out.println();
    out.println("== 2. Retry with full-jitter exponential backoff (base 100 ms, x2, cap 2 s; virtual time)");
    VirtualClock clock = new VirtualClock();
    List<String> lines = new ArrayList<>();
    AtomicInteger attempts = new AtomicInteger();
    Retry retry = Retry.builder("inventory")
        .maxAttempts(6)
        .backoff(Backoff.exponentialFullJitter(Duration.ofMillis(100), 2.0, Duration.ofSeconds(2)))
        .random(new Random(random.nextLong()))
        .ticker(clock::read)
        .sleeper(clock::advance)
        .onRetry(event -> lines.add(String.format("  attempt %d failed (%s); sleeping %4d ms (cap for this retry %4d ms)",
            event.attempt(), event.failure().map(Throwable::getMessage).orElse("a result to retry"),
            event.delay().toMillis(), Math.min(2000, 100L << (event.attempt() - 1)))))
        .build();
    String result = retry.get(() -> {
      if (attempts.incrementAndGet() < 5) {
        throw new IllegalStateException("inventory timed out");
      }
      return "42 in stock";
    });
    lines.forEach(out::println);
    out.println(String.format("  attempt %d returned \"%s\" after %.0f ms of backoff in all", attempts.get(), result,
        clock.read() / 1e6));

    out.println("  the same retry, called with only 300 ms left before the caller's deadline:");
    lines.clear();
    attempts.set(0);
    long start = clock.read();
    try {
      retry.call(() -> {
        attempts.incrementAndGet();
        throw new IllegalStateException("inventory timed out");
      }, Duration.ofMillis(300));
    } catch (Exception e) {
      lines.forEach(out::println);
      out.println(String.format("  gave up after %d attempts and %.0f ms (never sleeping past the deadline): %s",
          attempts.get(), (clock.read() - start) / 1e6, e.getMessage()));
    }
  }

  // ---- 3. Rate limiter

  private static void rateLimiter(PrintWriter out) {
    out.println();
    out.println("== 3. A token bucket: capacity 5, refill 10 per second; 40 requests a second arrive (virtual time)");
    VirtualClock clock = new VirtualClock();
    RateLimiter limiter = RateLimiter.builder("search")
        .capacity(5)
        .refill(10, Duration.ofSeconds(1))
        .ticker(clock::read)
        .build();
    StringBuilder bar = new StringBuilder();
    int admitted = 0;
    int worstWindow = 0;
    List<Long> admittedAt = new ArrayList<>();
    for (int i = 0; i < 80; i++) { // 2 seconds, one request every 25 ms
      boolean ok = limiter.tryAcquire();
      bar.append(ok ? '#' : '.');
      if (ok) {
        admitted++;
        admittedAt.add(clock.read());
      }
      if (bar.length() == 20) {
        out.println(String.format("  %s  %s  admitted so far %2d", clock.ms(), bar, admitted));
        bar.setLength(0);
      }
      clock.advance(25 * MS);
    }
    // The bound the issue states: in any window of length t, at most capacity + rate x t admissions.
    for (int i = 0; i < admittedAt.size(); i++) {
      for (int j = i; j < admittedAt.size(); j++) {
        double t = (admittedAt.get(j) - admittedAt.get(i)) / 1e9;
        int count = j - i + 1;
        worstWindow = Math.max(worstWindow, count - (int) Math.floor(5 + 10 * t));
      }
    }
    out.println("  ('#' admitted, '.' refused; each row is 500 ms)");
    out.println("  admitted " + admitted + " of 80 in 2 s: the burst of 5, then 10 a second; windows over the bound"
        + " capacity + rate x t: " + (worstWindow > 0 ? worstWindow : "none"));
  }

  // ---- 4. Bulkhead

  private static void bulkhead(PrintWriter out) throws InterruptedException {
    out.println();
    out.println("== 4. A bulkhead of 4 slots, no waiting, under 200 concurrent calls of 20 ms (real threads)");
    Bulkhead bulkhead = Bulkhead.builder("reports").maxConcurrentCalls(4).build();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger mostInside = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    long start = System.nanoTime();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 200; i++) {
        threads.submit(() -> {
          try {
            bulkhead.call(() -> {
              mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
              Thread.sleep(20);
              inside.decrementAndGet();
              return null;
            });
            done.incrementAndGet();
          } catch (BulkheadFullException e) {
            rejected.incrementAndGet();
          }
          return null;
        });
        if (i % 20 == 19) {
          Thread.sleep(10); // the load arrives in waves of 20
        }
      }
    }
    out.println(String.format("  %d ran, %d were rejected at once, at most %d inside at a time, in %d ms",
        done.get(), rejected.get(), mostInside.get(), (System.nanoTime() - start) / MS));
  }

  // ---- 5. Distributed lock

  private static void distributedLock(PrintWriter out) throws Exception {
    out.println();
    out.println("== 5. Two processes contend for a lock in one SQLite file (lease 300 ms); a fenced journal");
    Path dir = Files.createTempDirectory("architect-lab11-");
    Path db = dir.resolve("locks.db");
    try {
      FencedResource journal = FencedResource.builder(sqlite(db), "journal").build();
      // B pauses past its lease in its first round, as a long GC pause would; A keeps asking for the lock
      // meanwhile, takes it over when the lease runs out, and B's late write is refused.
      List<Process> processes = List.of(contender(db, "A", 8, 0), contender(db, "B", 3, 1));
      for (Process process : processes) { // both JVMs up before either starts, so that they contend
        String ready = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
            .readLine();
        if (!"ready".equals(ready)) {
          throw new IllegalStateException("a contender did not start: " + errorOf(process));
        }
      }
      for (Process process : processes) {
        process.getOutputStream().write('\n');
        process.getOutputStream().flush();
      }
      List<String> reports = new ArrayList<>();
      for (Process process : processes) {
        reports.add(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        if (process.waitFor() != 0) {
          throw new IllegalStateException("a contender failed (exit " + process.exitValue() + "): " + errorOf(process));
        }
      }
      out.println("  the journal, in the order the resource accepted writes:");
      List<FencedResource.Entry> entries = new ArrayList<>(journal.entries());
      entries.sort(Comparator.comparingLong(FencedResource.Entry::sequence));
      long lastToken = 0;
      boolean increasing = true;
      for (FencedResource.Entry entry : entries) {
        out.println(String.format("    #%-2d token %-2d %s", entry.sequence(), entry.token(), entry.value()));
        increasing &= entry.token() >= lastToken;
        lastToken = entry.token();
      }
      reports.forEach(line -> out.println("  " + line));
      out.println("  tokens never went down at the resource: " + increasing + "; highest token accepted: "
          + journal.highestToken());
    } finally {
      try (var files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  static DataSource sqlite(Path db) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(5_000);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + db);
    return dataSource;
  }

  private static String errorOf(Process process) throws IOException {
    return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
  }

  private static Process contender(Path db, String name, int rounds, int pauseInRound) throws IOException {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
        "java").toString());
    List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
        "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        Contender.class.getName(), db.toString(), name, Integer.toString(rounds), Integer.toString(pauseInRound));
    return new ProcessBuilder(command).start();
  }

  /**
   * A contender process: after a line on stdin, rounds of take the lock, write "enters" and "leaves" to the
   * journal with its token, release.
   */
  public static final class Contender {
    private Contender() {}

    /** {@code DB NAME ROUNDS PAUSE_ROUND}. */
    public static void main(String[] args) throws Exception {
      Path db = Path.of(args[0]);
      String name = args[1];
      int rounds = Integer.parseInt(args[2]);
      int pauseRound = Integer.parseInt(args[3]);
      DataSource dataSource = sqlite(db);
      DistributedLock lock = DistributedLock.builder(dataSource, "nightly-job")
          .leaseTime(Duration.ofMillis(300))
          .retryInterval(Duration.ofMillis(20))
          .owner("process " + name)
          .build();
      FencedResource journal = FencedResource.builder(dataSource, "journal").build();
      StringBuilder report = new StringBuilder("process " + name + " (pid " + ProcessHandle.current().pid() + "):");
      System.out.println("ready");
      System.out.flush();
      if (System.in.read() < 0) {
        return; // the lab went away
      }
      for (int round = 1; round <= rounds; round++) {
        Lease lease = lock.acquire(Duration.ofSeconds(30));
        report.append(" round ").append(round).append(" token ").append(lease.token());
        try {
          journal.append(lease.token(), name + " enters (round " + round + ")");
          Thread.sleep(round == pauseRound ? 600 : 30); // 600 ms: twice the lease, like a long pause
          journal.append(lease.token(), name + " leaves (round " + round + ")");
          lease.release();
        } catch (StaleTokenException e) {
          report.append(" [late write refused: ").append(e.getMessage()).append(']');
        } catch (LeaseLostException e) {
          report.append(" [release refused: ").append(e.getMessage()).append(']');
        }
        report.append(';');
        Thread.sleep(15);
      }
      System.out.println(report);
    }
  }
}
