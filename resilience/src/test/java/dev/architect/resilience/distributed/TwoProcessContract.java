package dev.architect.resilience.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two child JVMs ({@link Contender}) contend for the lock and the rate limit, on each database. */
abstract class TwoProcessContract {
  Backend backend;
  @TempDir Path scratch;

  abstract Backend backend() throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    backend = backend();
  }

  /** A started child JVM, its output collected on a virtual thread. */
  static final class Child {
    final Process process;
    final Path stderr;
    final List<String> lines = new ArrayList<>();
    final Thread reader;
    final Writer stdin;

    Child(List<String> arguments, Path stderr) throws IOException, InterruptedException {
      String java = ProcessHandle.current().info().command().orElseThrow();
      List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
          "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
          Contender.class.getName()));
      command.addAll(arguments);
      this.stderr = stderr;
      this.process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
      this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      if (!"ready".equals(first)) {
        process.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("child did not start: " + first + "\n" + Files.readString(stderr));
      }
      this.reader = Thread.ofVirtual().start(() -> {
        try {
          for (String line; (line = out.readLine()) != null; ) {
            synchronized (lines) {
              lines.add(line);
            }
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }

    void go() throws IOException {
      stdin.write("go\n");
      stdin.flush();
    }

    List<String> finish() throws Exception {
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("child still running after 90 s\n" + Files.readString(stderr));
      }
      reader.join();
      List<String> output;
      synchronized (lines) {
        output = List.copyOf(lines);
      }
      assertThat(process.exitValue()).as("child exit code; stderr:\n%s", Files.readString(stderr)).isZero();
      assertThat(output).as("child output").endsWith("done");
      return output;
    }
  }

  /** Starts the children, releases them together, and returns their outputs. */
  List<List<String>> run(List<List<String>> arguments) throws Exception {
    List<Child> children = new ArrayList<>();
    try {
      for (int i = 0; i < arguments.size(); i++) {
        List<String> full = new ArrayList<>(backend.childArgs());
        full.addAll(0, arguments.get(i).subList(0, 1));
        full.addAll(arguments.get(i).subList(1, arguments.get(i).size()));
        children.add(new Child(full, scratch.resolve("child-" + i + ".err")));
      }
      for (Child child : children) {
        child.go();
      }
      List<List<String>> outputs = new ArrayList<>();
      for (Child child : children) {
        outputs.add(child.finish());
      }
      return outputs;
    } finally {
      for (Child child : children) {
        child.process.destroyForcibly();
      }
    }
  }

  record Session(int child, long token, long entered, long exiting) {}

  private static final Pattern SESSION = Pattern.compile("session (\\d+) (-?\\d+) (-?\\d+)");

  static List<Session> sessions(int child, List<String> output) {
    List<Session> sessions = new ArrayList<>();
    for (String line : output) {
      Matcher m = SESSION.matcher(line);
      if (m.matches()) {
        sessions.add(new Session(child, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
      }
    }
    return sessions;
  }

  /** Lock and journal tables, created here so the children only use them. */
  String[] lockTables() {
    String locks = Backend.freshTable("lock");
    String fence = Backend.freshTable("fence");
    DistributedLock.builder(backend.dataSource(), "contended").table(locks).build();
    FencedResource.builder(backend.dataSource(), "journal").table(fence).build();
    return new String[] {locks, fence};
  }

  /**
   * Checks what the journal saw: tokens never go down; every session of a child is an "enter" and an
   * "exit" with its token, adjacent; the children's sessions have distinct, per-child increasing tokens
   * and disjoint time intervals.
   */
  static void checkExclusion(List<FencedResource.Entry> journal, List<List<Session>> perChild, Set<Long> abandoned) {
    assertThat(journal).extracting(FencedResource.Entry::token).as("tokens at the resource").isSorted();
    for (List<Session> sessions : perChild) {
      assertThat(sessions).extracting(Session::token).as("one child's tokens").isSorted().doesNotHaveDuplicates();
    }
    List<Session> all = perChild.stream().flatMap(List::stream).sorted(Comparator.comparingLong(Session::token)).toList();
    assertThat(all).extracting(Session::token).doesNotHaveDuplicates();
    for (Session session : all) {
      List<FencedResource.Entry> mine = journal.stream().filter(e -> e.token() == session.token()).toList();
      assertThat(mine).as("journal entries of %s", session).hasSize(2);
      assertThat(mine.get(0).value()).startsWith("enter " + session.child() + " ");
      assertThat(mine.get(1).value()).startsWith("exit " + session.child() + " ");
      assertThat(mine.get(1).sequence()).as("nothing between enter and exit of %s", session)
          .isEqualTo(mine.get(0).sequence() + 1);
    }
    Set<Long> accounted = new HashSet<>(abandoned);
    all.forEach(s -> accounted.add(s.token()));
    assertThat(journal).extracting(FencedResource.Entry::token).allMatch(accounted::contains);
    List<Session> byTime = all.stream().sorted(Comparator.comparingLong(Session::entered)).toList();
    for (int i = 1; i < byTime.size(); i++) {
      assertThat(byTime.get(i).entered()).as("%s entered after %s exited", byTime.get(i), byTime.get(i - 1))
          .isGreaterThan(byTime.get(i - 1).exiting());
    }
  }

  @Test
  void twoProcessesNeverHoldTheLockAtOnce() throws Exception {
    String[] tables = lockTables();
    int rounds = 12;
    List<List<String>> outputs = run(List.of(
        List.of("lock", "id=0", "rounds=" + rounds, "table=" + tables[0], "fence=" + tables[1]),
        List.of("lock", "id=1", "rounds=" + rounds, "table=" + tables[0], "fence=" + tables[1])));
    List<List<Session>> sessions = List.of(sessions(0, outputs.get(0)), sessions(1, outputs.get(1)));
    assertThat(sessions.get(0)).hasSize(rounds);
    assertThat(sessions.get(1)).hasSize(rounds);
    List<FencedResource.Entry> journal = FencedResource.builder(backend.dataSource(), "journal")
        .table(tables[1]).build().entries();
    assertThat(journal).hasSize(4 * rounds);
    checkExclusion(journal, sessions, Set.of());
    assertThat(journal.getLast().token()).isEqualTo(2 * rounds);
  }

  private static final Pattern REJECTED = Pattern.compile(
      "rejected (\\d+) resource 'journal' rejected token (\\d+): it has accepted token (\\d+)");
  private static final Pattern LOST = Pattern.compile(
      "lost (\\d+) TAKEN_OVER cannot release lock 'contended': lease with token (\\d+) was taken over with token (\\d+)");

  @Test
  void aHolderThatPausesPastItsLeaseIsRejectedByTheResource() throws Exception {
    String[] tables = lockTables();
    Path pauseDone = scratch.resolve("pause-done");
    List<List<String>> outputs = run(List.of(
        List.of("lock", "id=0", "rounds=4", "pauseAt=1", "pauseDone=" + pauseDone, "table=" + tables[0],
            "fence=" + tables[1]),
        List.of("lock", "id=1", "rounds=4", "pauseDone=" + pauseDone, "table=" + tables[0], "fence=" + tables[1])));

    List<String> pauser = outputs.get(0);
    Matcher rejected = pauser.stream().map(REJECTED::matcher).filter(Matcher::matches).findFirst()
        .orElseThrow(() -> new AssertionError("no rejection in " + pauser));
    long paused = Long.parseLong(rejected.group(1));
    assertThat(Long.parseLong(rejected.group(2))).isEqualTo(paused);
    assertThat(Long.parseLong(rejected.group(3))).isGreaterThan(paused);
    Matcher lost = pauser.stream().map(LOST::matcher).filter(Matcher::matches).findFirst()
        .orElseThrow(() -> new AssertionError("no lost lease in " + pauser));
    assertThat(Long.parseLong(lost.group(2))).isEqualTo(paused);
    assertThat(Long.parseLong(lost.group(3))).isGreaterThan(paused);
    assertThat(outputs.stream().flatMap(List::stream))
        .noneMatch(line -> line.startsWith("accepted-late") || line.startsWith("released-late"));

    List<List<Session>> sessions = List.of(sessions(0, outputs.get(0)), sessions(1, outputs.get(1)));
    assertThat(sessions.get(0)).hasSize(3); // four rounds, one of them paused
    assertThat(sessions.get(1).size()).isGreaterThanOrEqualTo(4);
    List<FencedResource.Entry> journal = FencedResource.builder(backend.dataSource(), "journal")
        .table(tables[1]).build().entries();
    // The paused holder's "enter" is in the journal, its late "exit" is not; the next entry has a higher token.
    List<FencedResource.Entry> pausedEntries = journal.stream().filter(e -> e.token() == paused).toList();
    assertThat(pausedEntries).extracting(FencedResource.Entry::value).containsExactly("enter 0 1");
    FencedResource.Entry next = journal.get((int) pausedEntries.getFirst().sequence()); // sequences start at 1
    assertThat(next.token()).isGreaterThan(paused);
    assertThat(next.value()).startsWith("enter 1 ");
    checkExclusion(journal, sessions, Set.of(paused));
  }

  private static final Pattern GRANT = Pattern.compile("grant (\\d+) (\\d+)");

  record Grant(long before, long after) {}

  @Test
  void theSharedRateLimitHoldsAcrossTwoProcesses() throws Exception {
    int capacity = 5;
    int refillTokens = 10;
    long periodMicros = 500_000; // 20 permits a second
    String table = Backend.freshTable("bucket");
    DistributedRateLimiter.builder(backend.dataSource(), "shared").table(table).capacity(capacity)
        .refill(refillTokens, Duration.ofNanos(periodMicros * 1000)).build();
    List<String> options = List.of("table=" + table, "capacity=" + capacity, "refillTokens=" + refillTokens,
        "periodMillis=" + periodMicros / 1000, "durationMillis=1500");
    Instant start = backend.defaultClockNow();
    List<List<String>> outputs = run(List.of(
        Stream.concat(Stream.of("limit", "id=0"), options.stream()).toList(),
        Stream.concat(Stream.of("limit", "id=1"), options.stream()).toList()));
    Instant end = backend.defaultClockNow();

    List<Grant> grants = new ArrayList<>();
    for (List<String> output : outputs) {
      long attempts = output.stream().filter(l -> l.startsWith("attempts ")).mapToLong(l -> Long.parseLong(l.substring(9)))
          .findFirst().orElseThrow();
      assertThat(attempts).as("attempts of one child").isPositive();
      for (String line : output) {
        Matcher m = GRANT.matcher(line);
        if (m.matches()) {
          grants.add(new Grant(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
        }
      }
    }
    // The bucket starts full, so at least its capacity is granted; and over the whole run, by the
    // limiter's own clock, no more than capacity + rate × t.
    long elapsed = Database.micros(end) - Database.micros(start);
    assertThat(grants.size()).isGreaterThanOrEqualTo(capacity);
    assertThat((long) grants.size() * periodMicros)
        .as("%d grants in %d µs", grants.size(), elapsed)
        .isLessThanOrEqualTo(capacity * periodMicros + refillTokens * elapsed);
    // Any window [a, b] of the host's clock: the grants observed entirely inside it obey the same bound.
    for (Grant first : grants) {
      for (Grant last : grants) {
        long a = first.before();
        long b = last.after();
        if (b < a) {
          continue;
        }
        long inside = grants.stream().filter(g -> g.before() >= a && g.after() <= b).count();
        assertThat(inside * periodMicros).as("%d grants in [%d, %d]", inside, a, b)
            .isLessThanOrEqualTo(capacity * periodMicros + refillTokens * (b - a));
      }
    }
  }
}
