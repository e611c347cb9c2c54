package dev.architect.cli;

import java.io.Serial;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * A usage error whose message is complete, hint included: printed as it is, exit code 2. Commands
 * throw it for input picocli cannot check itself (a lab number out of range, say).
 */
final class UsageError extends ParameterException {
  @Serial private static final long serialVersionUID = 1L;

  UsageError(CommandLine commandLine, String message) {
    super(commandLine, message);
  }
}
