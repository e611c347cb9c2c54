package dev.architect.cli.lab;

import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fifteen labs, in order: the ones built so far and a placeholder for each of the others.
 * Building a lab means replacing its {@code planned(...)} line with an instance of its class.
 */
public final class Labs {
  /** Labs are numbered 1 to this. */
  public static final int COUNT = 15;

  private static final Labs STANDARD = new Labs(List.of(
      planned(1, "Runtime internals"),
      planned(2, "The JIT"),
      new Lab03Fibers(),
      new Lab04Ffi(),
      new Lab05FileSystem(),
      new Lab06Collections(),
      new Lab07Injection(),
      new Lab08Crypto(),
      new Lab09Futures(),
      new Lab10EventSourcing(),
      new Lab11Resilience(),
      planned(12, "gRPC with interceptors"),
      planned(13, "OpenTelemetry and JSON logs"),
      planned(14, "Tuning and profiling"),
      planned(15, "Integration: the ledger service")));

  private final List<Lab> labs;

  /**
   * A registry of exactly {@link #COUNT} labs, numbered 1 to 15 in order (tests use their own).
   *
   * @throws IllegalArgumentException if a lab is missing, misnumbered or out of order
   */
  public Labs(List<? extends Lab> labs) {
    this.labs = List.copyOf(labs);
    if (this.labs.size() != COUNT) {
      throw new IllegalArgumentException("labs must hold " + COUNT + " labs, was " + this.labs.size());
    }
    for (int i = 0; i < COUNT; i++) {
      if (this.labs.get(i).number() != i + 1) {
        throw new IllegalArgumentException("lab at position " + (i + 1) + " must be numbered " + (i + 1) + ", was "
            + this.labs.get(i).number());
      }
    }
  }

  /** The labs this build ships. */
  public static Labs standard() {
    return STANDARD;
  }

  /** All fifteen labs, in order. */
  public List<Lab> all() {
    return labs;
  }

  /** The lab numbered {@code number}, or empty when there is none. */
  public Optional<Lab> find(int number) {
    return number >= 1 && number <= COUNT ? Optional.of(labs.get(number - 1)) : Optional.empty();
  }

  /** A lab that is not built yet: it has a number and a title, and refuses to run. */
  public static Lab planned(int number, String title) {
    return new Planned(number, title);
  }

  private record Planned(int number, String title) implements Lab {
    Planned {
      Objects.requireNonNull(title, "title");
    }

    @Override
    public boolean available() {
      return false;
    }

    @Override
    public void run(PrintWriter out) {
      throw new IllegalStateException("lab " + number + " (" + title + ") is not built yet");
    }
  }
}
