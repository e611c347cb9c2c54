package dev.architect.resilience.distributed;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The child JVM of {@link TwoProcessContract}: connects to the database named on the command line,
 * prints {@code ready}, waits for {@code go} on stdin, contends, prints what happened, then {@code done}.
 *
 * <pre>
 * lock  KIND URL id=N rounds=N table=T fence=F [pauseAt=N pauseDone=PATH]
 * limit KIND URL id=N table=T capacity=N refillTokens=N periodMillis=N durationMillis=N
 * </pre>
 */
public final class Contender {
  private Contender() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 3; i < args.length; i++) {
      int equals = args[i].indexOf('=');
      options.put(args[i].substring(0, equals), args[i].substring(equals + 1));
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (Backend backend = Backend.open(args[1], args[2])) {
      out.println("ready");
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      if (!"go".equals(in.readLine())) {
        throw new IllegalStateException("expected go");
      }
      switch (args[0]) {
        case "lock" -> lock(backend, options, out);
        case "limit" -> limit(backend, options, out);
        default -> throw new IllegalArgumentException("mode must be lock or limit, was " + args[0]);
      }
    }
    out.println("done");
  }

  /**
   * Rounds of: acquire, append "enter", append "exit", release; each accepted session is printed as
   * {@code session TOKEN ENTERED EXITING} (System.nanoTime after "enter" was accepted and before "exit"
   * is written; CLOCK_MONOTONIC on Linux, shared by the processes of one machine). In round pauseAt
   * the child takes a short lease, stops after "enter" until another holder has written, then tries
   * its late "exit" and its release, and prints how each was refused.
   */
  private static void lock(Backend backend, Map<String, String> options, PrintStream out) throws Exception {
    int id = Integer.parseInt(options.get("id"));
    int rounds = Integer.parseInt(options.get("rounds"));
    int pauseAt = Integer.parseInt(options.getOrDefault("pauseAt", "-1"));
    Path pauseDone = options.containsKey("pauseDone") ? Path.of(options.get("pauseDone")) : null;
    DistributedLock normal = DistributedLock.builder(backend.dataSource(), "contended")
        .table(options.get("table")).createTable(false).owner("child-" + id)
        .leaseTime(Duration.ofSeconds(20)).retryInterval(Duration.ofMillis(2)).build();
    DistributedLock shortLease = DistributedLock.builder(backend.dataSource(), "contended")
        .table(options.get("table")).createTable(false).owner("child-" + id + "-pausing")
        .leaseTime(Duration.ofMillis(500)).retryInterval(Duration.ofMillis(2)).build();
    FencedResource journal = FencedResource.builder(backend.dataSource(), "journal")
        .table(options.get("fence")).createTable(false).build();
    // The child that does not pause keeps going until the pause has played out, so that it is there
    // to take the lock over.
    for (int round = 0; round < rounds || (pauseDone != null && pauseAt < 0 && !Files.exists(pauseDone)); round++) {
      boolean pause = round == pauseAt;
      Lease lease = (pause ? shortLease : normal).acquire(Duration.ofSeconds(60));
      long token = lease.token();
      journal.append(token, "enter " + id + " " + round);
      long entered = System.nanoTime();
      if (pause) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (journal.highestToken() <= token) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("nobody took the lock over");
          }
          Thread.sleep(5);
        }
        try {
          journal.append(token, "exit " + id + " " + round);
          out.println("accepted-late " + token);
        } catch (StaleTokenException e) {
          out.println("rejected " + token + " " + e.getMessage());
        }
        try {
          lease.release();
          out.println("released-late " + token);
        } catch (LeaseLostException e) {
          out.println("lost " + token + " " + e.reason() + " " + e.getMessage());
        }
        Files.createFile(pauseDone);
        continue;
      }
      long exiting = System.nanoTime();
      journal.append(token, "exit " + id + " " + round);
      lease.release();
      out.println("session " + token + " " + entered + " " + exiting);
      Thread.sleep(1); // let the other process in now and then
    }
  }

  /** Tries the hot key until the duration is over; prints each grant as {@code grant BEFORE AFTER} (epoch µs). */
  private static void limit(Backend backend, Map<String, String> options, PrintStream out) {
    DistributedRateLimiter limiter = DistributedRateLimiter.builder(backend.dataSource(), "shared")
        .table(options.get("table")).createTable(false)
        .capacity(Integer.parseInt(options.get("capacity")))
        .refill(Integer.parseInt(options.get("refillTokens")), Duration.ofMillis(Long.parseLong(options.get("periodMillis"))))
        .build();
    long end = System.nanoTime() + Duration.ofMillis(Long.parseLong(options.get("durationMillis"))).toNanos();
    long attempts = 0;
    while (System.nanoTime() < end) {
      long before = Database.micros(Instant.now());
      boolean granted = limiter.tryAcquire("hot");
      long after = Database.micros(Instant.now());
      attempts++;
      if (granted) {
        out.println("grant " + before + " " + after);
      }
    }
    out.println("attempts " + attempts);
  }
}
