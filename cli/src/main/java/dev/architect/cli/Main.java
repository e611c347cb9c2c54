package dev.architect.cli;

import dev.architect.cli.lab.Labs;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of the {@code architect} command.
 *
 * <p>Exit codes: 0 on success, 2 for a usage error (one line on stderr with a hint), 1 for a failure
 * (one line on stderr; the stack trace only with {@code --verbose}).
 */
public final class Main {
  /** Exit code of a failure: the command was understood but could not be done. */
  static final int FAILURE = 1;
  /** Exit code of a usage error: the command line was wrong. */
  static final int USAGE = 2;

  private Main() {}

  /** Runs the command line {@code args} and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The {@code architect} command with the labs this build ships, ready to {@code execute}. */
  public static CommandLine commandLine() {
    return commandLine(Labs.standard());
  }

  /** The {@code architect} command with {@code labs} (tests use their own). */
  static CommandLine commandLine(Labs labs) {
    CommandLine commandLine = new CommandLine(new ArchitectCommand(labs));
    commandLine.setParameterExceptionHandler(Main::usageError);
    commandLine.setExecutionExceptionHandler(Main::failure);
    return commandLine;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String message = e instanceof UsageError ? e.getMessage()
        : describe(e) + "; see '" + command.getCommandSpec().qualifiedName() + " --help'";
    command.getErr().println(prefix(command) + oneLine(message));
    command.getErr().flush();
    return USAGE;
  }

  private static int failure(Exception e, CommandLine command, ParseResult parseResult) {
    PrintWriter err = command.getErr();
    if (verbose(parseResult)) {
      e.printStackTrace(err);
    } else {
      String message = e instanceof CommandFailure ? e.getMessage() : describe(e);
      err.println(prefix(command) + oneLine(message) + " (--verbose shows the stack trace)");
    }
    err.flush();
    return FAILURE;
  }

  /** Picocli's messages, reworded to the house style (lowercase, one clause, no "index 0"). */
  private static String describe(ParameterException e) {
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String argument = unmatched.getUnmatched().getFirst();
      boolean option = argument.startsWith("-");
      boolean expectsCommand = !e.getCommandLine().getSubcommands().isEmpty()
          && e.getCommandLine().getCommandSpec().positionalParameters().isEmpty();
      String text = option ? "unknown option '" + argument + "'"
          : expectsCommand ? "unknown command '" + argument + "'"
          : "unexpected argument '" + argument + "'";
      List<String> suggestions = unmatched.getSuggestions();
      return suggestions.isEmpty() ? text : text + " (did you mean '" + suggestions.getFirst() + "'?)";
    }
    return lowercaseFirst(String.valueOf(e.getMessage()));
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getName()
        : e.getClass().getSimpleName() + ": " + message;
  }

  private static boolean verbose(ParseResult parseResult) {
    for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static String prefix(CommandLine command) {
    CommandLine root = command;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    return root.getCommandName() + ": ";
  }

  private static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  private static String lowercaseFirst(String text) {
    if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && !Character.isUpperCase(text.charAt(1))) {
      return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
    return text;
  }
}
