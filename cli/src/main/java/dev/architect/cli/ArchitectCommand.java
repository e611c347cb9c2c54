package dev.architect.cli;

import dev.architect.cli.lab.Labs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top command. A new subcommand is one class plus one line in {@code subcommands} below; it
 * inherits {@code --help} and {@code --verbose} from here.
 */
@Command(
    name = "architect",
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Architect, a production platform toolkit for Java 25: runnable labs and a tool per module.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  architect lab list    the fifteen labs and which are built",
        "  architect lab 07      run lab 07 (reflection, DI and proxies)",
        "",
        "Run 'architect COMMAND --help' for a command's options.",
        "Exit codes: 0 done, 1 failed, 2 usage error."
    },
    subcommands = {
        LabCommand.class,
        EventsCommand.class,
        VfsCommand.class,
        CryptoCommand.class,
        TokenCommand.class,
    })
final class ArchitectCommand implements Runnable {
  private final Labs labs;

  @Spec private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
      description = "Show this help and exit.")
  private boolean help;

  @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
  private boolean version;

  // Main reads it from the parse result, at whichever command level it was given.
  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "On failure, print the full stack trace instead of one line.")
  private boolean verbose;

  ArchitectCommand(Labs labs) {
    this.labs = labs;
  }

  /** The labs the {@code lab} command runs. */
  Labs labs() {
    return labs;
  }

  @Override
  public void run() {
    throw new UsageError(spec.commandLine(), "missing command; see 'architect --help'");
  }
}
