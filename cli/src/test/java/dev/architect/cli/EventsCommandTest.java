package dev.architect.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.architect.cli.lab.Labs;
import dev.architect.eventstore.EventData;
import dev.architect.eventstore.EventStore;
import dev.architect.eventstore.ExpectedVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code architect events}: each command on a SQLite store in a temporary directory, errors included
 * ({@link PostgresEventsCommandTest} runs them all again on PostgreSQL).
 */
class EventsCommandTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  /** The {@code --store} URL of the tests' store. */
  protected String store() {
    return "sqlite:" + dir.resolve("events.db");
  }

  /** Whether the store is a file, whose size {@code stats} prints. */
  protected boolean fileBacked() {
    return true;
  }

  private Result run(String... args) {
    CommandLine commandLine = Main.commandLine(Labs.standard());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private Result events(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "events";
    all[1] = "--store";
    all[2] = store();
    System.arraycopy(args, 0, all, 3, args.length);
    return run(all);
  }

  private static List<String> lines(Result result) {
    return result.out().lines().toList();
  }

  @Test
  void appendThenReadForwardsAndBackwards() {
    assertThat(events("append", "account-1", "Opened", "{\"owner\":\"Ada\"}", "--expected", "no-stream"))
        .isEqualTo(new Result(0, "appended account-1@0 at position 1" + System.lineSeparator(), ""));
    assertThat(events("append", "account-1", "Deposited", "{\"amount\":100}", "--expected", "0").out())
        .isEqualTo("appended account-1@1 at position 2" + System.lineSeparator());
    assertThat(events("append", "account-2", "Opened", "{}").code()).isZero();

    List<String> forwards = lines(events("read", "account-1"));
    assertThat(forwards).hasSize(2);
    assertThat(forwards.get(0)).startsWith("1 account-1@0 Opened ").endsWith(" {\"owner\":\"Ada\"}");
    assertThat(forwards.get(1)).startsWith("2 account-1@1 Deposited ").endsWith(" {\"amount\":100}");

    List<String> backwards = lines(events("read", "account-1", "--backwards", "--limit", "1"));
    assertThat(backwards).singleElement().asString().startsWith("2 account-1@1 Deposited ");
    assertThat(lines(events("read", "account-1", "--from", "1"))).singleElement().asString()
        .startsWith("2 account-1@1 ");
    assertThat(events("read", "nobody-here")).isEqualTo(new Result(0, "", ""));
  }

  @Test
  void readAllIsInGlobalOrderFromAPosition() {
    events("append", "a-1", "A", "1");
    events("append", "b-1", "B", "2");
    events("append", "a-1", "A", "3");
    assertThat(lines(events("read-all")).stream().map(line -> line.split(" ")[0] + " " + line.split(" ")[1]))
        .containsExactly("1 a-1@0", "2 b-1@0", "3 a-1@1");
    assertThat(lines(events("read-all", "--from", "2", "--limit", "1"))).singleElement().asString()
        .startsWith("2 b-1@0 B ");
  }

  @Test
  void aConflictPrintsExpectedAndActualAndExitsOne() {
    events("append", "account-1", "Opened", "{}");
    Result conflict = events("append", "account-1", "Opened", "{}", "--expected", "no-stream");
    assertThat(conflict).isEqualTo(
        new Result(1, "", "architect: version conflict on 'account-1': expected no-stream, actual 0"
            + System.lineSeparator()));
    Result exact = events("append", "account-9", "Opened", "{}", "--expected", "3");
    assertThat(exact.err()).isEqualTo(
        "architect: version conflict on 'account-9': expected 3, actual no-stream" + System.lineSeparator());
    assertThat(lines(events("read", "account-1"))).hasSize(1);
  }

  @Test
  void badInputIsOneLineNamingWhatWasWrong() {
    Result json = events("append", "account-1", "Opened", "{oops");
    assertThat(json.code()).isEqualTo(2);
    assertThat(json.err()).startsWith("architect: data of event type 'Opened' is not well-formed JSON");
    assertThat(json.err().lines()).hasSize(1);

    assertThat(events("append", "$all", "Opened", "{}").err()).isEqualTo(
        "architect: stream must not start with '$' (reserved for system streams), was '$all'"
            + System.lineSeparator());
    assertThat(events("append", "a-1", "Opened", "{}", "--expected", "soon").err()).isEqualTo(
        "architect: expected version must be any, no-stream, exists or a version >= 0, was 'soon'"
            + System.lineSeparator());
    assertThat(events("read", "a-1", "--limit", "0").err())
        .isEqualTo("architect: --limit must be >= 1, was 0" + System.lineSeparator());
    assertThat(events("read-all", "--from", "-1").err())
        .isEqualTo("architect: --from must be >= 0, was -1" + System.lineSeparator());

    Result scheme = run("events", "--store", "mysql://x", "stats");
    assertThat(scheme.code()).isEqualTo(2);
    assertThat(scheme.err()).startsWith("architect: --store: ");
    assertThat(run("events").err()).isEqualTo(
        "architect: missing events command; see 'architect events --help'" + System.lineSeparator());
  }

  @Test
  void aStoreThatCannotBeOpenedIsOneFailureLine() throws Exception {
    Path notADirectory = dir.resolve("file");
    java.nio.file.Files.writeString(notADirectory, "x");
    Result result = run("events", "--store", "sqlite:" + notADirectory.resolve("events.db"), "stats");
    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).startsWith("architect: cannot open event store 'sqlite:" + notADirectory.resolve("events.db")
        + "': ");
    assertThat(result.err().lines()).hasSize(1);
  }

  @Test
  void tailPrintsEventsAppendedWhileItRuns() throws Exception {
    events("append", "old-1", "Before", "{}");
    CompletableFuture<Result> tail = CompletableFuture.supplyAsync(() -> events("tail", "--count", "2"));
    // Appends keep coming until tail has seen two of them: it may start after the first few.
    try (EventStore store = EventStore.open(store())) {
      for (int i = 0; !tail.isDone(); i++) {
        store.append("live-1", ExpectedVersion.ANY, List.of(EventData.json("Tick", "{\"n\":" + i + "}")));
        Thread.sleep(20);
      }
    }
    Result result = tail.get(30, TimeUnit.SECONDS);
    assertThat(result.code()).isZero();
    List<String> printed = lines(result);
    assertThat(printed).hasSize(2).allMatch(line -> line.contains(" live-1@") && line.contains(" Tick "));
    assertThat(printed).noneMatch(line -> line.contains("Before"));
  }

  @Test
  void statsCountsStreamsEventsAndCategories() {
    events("append", "account-1", "Opened", "{}");
    events("append", "account-2", "Opened", "{}");
    events("append", "account-2", "Deposited", "{}");
    events("append", "order-7", "Placed", "{}");
    List<String> stats = lines(events("stats"));
    assertThat(stats).contains(
        "events:        4 (visible; deleted and truncated ones are not counted)",
        "streams:       3",
        "last position: 4",
        "categories:    2",
        "  account: 3 events in 2 streams",
        "  order: 1 event in 1 stream");
    if (fileBacked()) {
      assertThat(stats).anyMatch(line -> line.startsWith("file size:     "));
    } else {
      assertThat(stats).noneMatch(line -> line.startsWith("file size:"));
    }
  }
}
