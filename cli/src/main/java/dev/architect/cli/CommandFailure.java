package dev.architect.cli;

import java.io.Serial;

/** A command failed for a reason its message states in full: printed as it is, exit code 1. */
final class CommandFailure extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  CommandFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
