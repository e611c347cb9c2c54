package dev.architect.cli;

import dev.architect.cli.lab.Lab;
import dev.architect.cli.lab.Labs;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code architect lab NN} runs a lab; {@code architect lab list} lists them. */
@Command(
    name = "lab",
    description = {
        "Run lab NN of the course (01-15) and print its real output, computed by this run.",
        "Each lab shows one module through its public API."
    },
    footerHeading = "%nExamples:%n",
    footer = {
        "  architect lab list    the fifteen labs and which are built",
        "  architect lab 7       run lab 07 (the same as 'architect lab 07')"
    },
    subcommands = LabCommand.ListCommand.class)
final class LabCommand implements Runnable {
  @ParentCommand private ArchitectCommand parent;

  @Spec private CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "NN", description = "The lab to run: 1 to 15 (7 and 07 both work).")
  private String number;

  @Override
  public void run() {
    if (number == null) {
      throw new UsageError(spec.commandLine(), "missing lab number (01-15); see 'architect lab list'");
    }
    Labs labs = parent.labs();
    Lab lab = labs.find(parse(number)).orElseThrow(() -> new UsageError(spec.commandLine(),
        "there is no lab " + number + " (labs are 01-" + Labs.COUNT + "); see 'architect lab list'"));
    String name = "lab " + twoDigits(lab.number()) + " (" + lab.title() + ")";
    if (!lab.available()) {
      throw new UsageError(spec.commandLine(), name + " is not built yet; see 'architect lab list'");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Lab " + twoDigits(lab.number()) + ": " + lab.title());
    try {
      lab.run(out);
    } catch (Exception e) {
      throw new CommandFailure(name + " failed: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    } finally {
      out.flush();
    }
  }

  private int parse(String text) {
    // Digits only (no sign, no spaces), and few enough that parsing cannot overflow.
    if (!text.matches("[0-9]{1,4}")) {
      throw new UsageError(spec.commandLine(),
          "'" + text + "' is not a lab number (01-" + Labs.COUNT + "); see 'architect lab list'");
    }
    return Integer.parseInt(text);
  }

  static String twoDigits(int number) {
    return String.format("%02d", number);
  }

  /** {@code architect lab list}. */
  @Command(name = "list", description = "List the fifteen labs and whether each is built yet.")
  static final class ListCommand implements Runnable {
    @ParentCommand private LabCommand lab;

    @Spec private CommandSpec spec;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      int width = lab.parent.labs().all().stream().mapToInt(l -> l.title().length()).max().orElse(0);
      out.printf("%-4s%-" + (width + 2) + "s%s%n", "lab", "title", "status");
      for (Lab each : lab.parent.labs().all()) {
        out.printf("%-4s%-" + (width + 2) + "s%s%n", twoDigits(each.number()), each.title(),
            each.available() ? "available" : "not built yet");
      }
      out.println();
      out.println("Run one with 'architect lab NN'.");
      out.flush();
    }
  }
}
