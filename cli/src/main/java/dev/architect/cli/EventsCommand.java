package dev.architect.cli;

import dev.architect.eventstore.AppendResult;
import dev.architect.eventstore.Direction;
import dev.architect.eventstore.EventData;
import dev.architect.eventstore.EventStore;
import dev.architect.eventstore.EventStoreException;
import dev.architect.eventstore.ExpectedVersion;
import dev.architect.eventstore.RecordedEvent;
import dev.architect.eventstore.Subscription;
import dev.architect.eventstore.WrongExpectedVersionException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code architect events ...}: append to and read an event store on SQLite or PostgreSQL.
 *
 * <p>Each event prints as one line: {@code position stream@version type created data}.
 */
@Command(
    name = "events",
    description = "Append to and read an event store (SQLite file or PostgreSQL).",
    footerHeading = "%nExamples:%n",
    footer = {
        "  architect events append account-42 Opened '{\"owner\":\"Ada\"}' --expected no-stream",
        "  architect events read account-42 --backwards --limit 10",
        "  architect events --store postgresql://app:secret@localhost:5432/app tail",
        "Exit codes: 0 done, 1 failed (a version conflict, a store error), 2 usage error."
    },
    subcommands = {
        EventsCommand.Append.class,
        EventsCommand.Read.class,
        EventsCommand.ReadAll.class,
        EventsCommand.Tail.class,
        EventsCommand.Stats.class,
    })
final class EventsCommand implements Runnable {
  static final String DEFAULT_STORE = "sqlite:data/events.db";

  @Spec private CommandSpec spec;

  @Option(names = "--store", paramLabel = "URL", defaultValue = DEFAULT_STORE,
      description = "sqlite:PATH or postgresql://user:password@host:port/db (default: ${DEFAULT-VALUE}).")
  private String store;

  @Override
  public void run() {
    throw new UsageError(spec.commandLine(), "missing events command; see 'architect events --help'");
  }

  /** Opens the store, with a one-line failure that names the URL. */
  EventStore open() {
    try {
      return EventStore.open(store);
    } catch (IllegalArgumentException e) {
      throw new UsageError(spec.commandLine(), "--store: " + e.getMessage());
    } catch (EventStoreException e) {
      throw new CommandFailure("cannot open event store '" + withoutPassword(store) + "': " + e.getMessage(), e);
    }
  }

  static String format(RecordedEvent event) {
    return event.position() + " " + event.stream() + "@" + event.version() + " " + event.type() + " "
        + DateTimeFormatter.ISO_INSTANT.format(event.created()) + " " + event.dataAsString();
  }

  private static void print(PrintWriter out, List<RecordedEvent> events) {
    for (RecordedEvent event : events) {
      out.println(format(event));
    }
    out.flush();
  }

  private static int positive(CommandSpec spec, String name, int value) {
    if (value < 1) {
      throw new UsageError(spec.commandLine(), name + " must be >= 1, was " + value);
    }
    return value;
  }

  private static long notNegative(CommandSpec spec, String name, long value) {
    if (value < 0) {
      throw new UsageError(spec.commandLine(), name + " must be >= 0, was " + value);
    }
    return value;
  }

  @Command(name = "append", description = "Append one event with a JSON payload; print its position and version.")
  static final class Append implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @ParentCommand private EventsCommand parent;

    @Parameters(index = "0", paramLabel = "STREAM", description = "The stream, e.g. account-42 (category: account).")
    private String stream;

    @Parameters(index = "1", paramLabel = "TYPE", description = "The event type, e.g. Deposited.")
    private String type;

    @Parameters(index = "2", paramLabel = "JSON", description = "The event's data, a JSON document.")
    private String json;

    @Option(names = "--expected", paramLabel = "any|no-stream|exists|N", defaultValue = "any",
        description = "The version the stream must be at (default: ${DEFAULT-VALUE}).")
    private String expected;

    @Override
    public Integer call() {
      ExpectedVersion expectation;
      EventData event;
      try {
        expectation = ExpectedVersion.parse(expected);
        event = EventData.json(type, json);
      } catch (IllegalArgumentException e) {
        throw new UsageError(spec.commandLine(), e.getMessage());
      }
      try (EventStore store = parent.open()) {
        AppendResult result = store.append(stream, expectation, List.of(event));
        PrintWriter out = spec.commandLine().getOut();
        out.println("appended " + stream + "@" + result.lastVersion() + " at position " + result.lastPosition());
        out.flush();
        return 0;
      } catch (WrongExpectedVersionException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("architect: version conflict on '" + e.stream() + "': expected " + e.expected()
            + ", actual " + (e.actual() < 0 ? "no-stream" : e.actual()));
        err.flush();
        return Main.FAILURE;
      } catch (IllegalArgumentException e) {
        throw new UsageError(spec.commandLine(), e.getMessage());
      }
    }
  }

  @Command(name = "read", description = "Print a stream's events, forwards or backwards.")
  static final class Read implements Runnable {
    @Spec private CommandSpec spec;
    @ParentCommand private EventsCommand parent;

    @Parameters(index = "0", paramLabel = "STREAM", description = "The stream to read.")
    private String stream;

    @Option(names = "--from", paramLabel = "N",
        description = "The first version to print (default: 0, or the last one with --backwards).")
    private Long from;

    @Option(names = "--backwards", description = "Newest first.")
    private boolean backwards;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
        description = "At most this many events (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Override
    public void run() {
      int max = positive(spec, "--limit", limit);
      long start = from == null ? (backwards ? EventStore.END : 0) : notNegative(spec, "--from", from);
      try (EventStore store = parent.open()) {
        List<RecordedEvent> events;
        try {
          events = store.readStream(stream, start, backwards ? Direction.BACKWARDS : Direction.FORWARDS, max);
        } catch (IllegalArgumentException e) {
          throw new UsageError(spec.commandLine(), e.getMessage());
        }
        print(spec.commandLine().getOut(), events);
      }
    }
  }

  @Command(name = "read-all", description = "Print every stream's events in global order.")
  static final class ReadAll implements Runnable {
    @Spec private CommandSpec spec;
    @ParentCommand private EventsCommand parent;

    @Option(names = "--from", paramLabel = "POS", defaultValue = "1",
        description = "The first global position to print (default: ${DEFAULT-VALUE}).")
    private long from;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
        description = "At most this many events (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Override
    public void run() {
      int max = positive(spec, "--limit", limit);
      long start = notNegative(spec, "--from", from);
      try (EventStore store = parent.open()) {
        print(spec.commandLine().getOut(), store.readAll(start, max));
      }
    }
  }

  @Command(name = "tail", description = "Print events live as they are appended (Ctrl-C stops).")
  static final class Tail implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @ParentCommand private EventsCommand parent;

    @Option(names = "--from", paramLabel = "POS",
        description = "Start at this global position (default: only events appended from now on).")
    private Long from;

    @Option(names = "--count", paramLabel = "N", description = "Stop after this many events (default: never).")
    private Integer count;

    @Override
    public Integer call() throws InterruptedException {
      long stopAfter = count == null ? Long.MAX_VALUE : positive(spec, "--count", count);
      PrintWriter out = spec.commandLine().getOut();
      CountDownLatch done = new CountDownLatch(1);
      AtomicLong printed = new AtomicLong();
      try (EventStore store = parent.open()) {
        long start = from == null ? store.lastPosition() + 1 : notNegative(spec, "--from", from);
        try (Subscription subscription = store.subscribeToAll(start, event -> {
          if (printed.get() < stopAfter) {
            out.println(format(event));
            out.flush();
            if (printed.incrementAndGet() == stopAfter) {
              done.countDown();
            }
          }
        })) {
          // Wake up now and then to notice a subscription that stopped on a store error.
          while (!done.await(200, TimeUnit.MILLISECONDS)) {
            if (!subscription.isRunning()) {
              Throwable failure = subscription.failure();
              throw new CommandFailure("tail stopped: " + (failure == null ? "subscription closed" : failure.getMessage()),
                  failure);
            }
          }
        }
      }
      return 0;
    }
  }

  @Command(name = "stats", description = "Count streams, events and categories (reads the whole store).")
  static final class Stats implements Runnable {
    private static final int PAGE = 10_000;

    @Spec private CommandSpec spec;
    @ParentCommand private EventsCommand parent;

    @Override
    public void run() {
      Map<String, long[]> categories = new TreeMap<>(); // category -> {events, streams}
      Map<String, Boolean> streams = new HashMap<>();
      long events = 0;
      long last;
      try (EventStore store = parent.open()) {
        last = store.lastPosition();
        for (long next = 1; ; ) {
          List<RecordedEvent> page = store.readAll(next, PAGE);
          for (RecordedEvent event : page) {
            long[] counts = categories.computeIfAbsent(event.category(), c -> new long[2]);
            counts[0]++;
            if (streams.putIfAbsent(event.stream(), Boolean.TRUE) == null) {
              counts[1]++;
            }
          }
          events += page.size();
          if (page.size() < PAGE) {
            break;
          }
          next = page.getLast().position() + 1;
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("store:         " + withoutPassword(parent.store));
      fileSize(parent.store).ifPresent(size -> out.println("file size:     " + size + " bytes"));
      out.println("events:        " + events + " (visible; deleted and truncated ones are not counted)");
      out.println("streams:       " + streams.size());
      out.println("last position: " + last);
      out.println("categories:    " + categories.size());
      categories.forEach((category, counts) ->
          out.println("  " + category + ": " + plural(counts[0], "event") + " in " + plural(counts[1], "stream")));
      out.flush();
    }

    private static String plural(long n, String noun) {
      return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static OptionalLong fileSize(String url) {
      if (!url.startsWith("sqlite:")) {
        return OptionalLong.empty();
      }
      try {
        return OptionalLong.of(Files.size(Path.of(url.substring("sqlite:".length()))));
      } catch (IOException e) {
        return OptionalLong.empty();
      }
    }
  }

  /** {@code url} with the password of its user info, if any, replaced by {@code ***}: for messages. */
  static String withoutPassword(String url) {
    return url.replaceFirst("(://[^/@:]*:)[^/@]*@", "$1***@");
  }
}
