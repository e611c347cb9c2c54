package dev.architect.resilience;

import java.util.concurrent.ExecutionException;

/** Helpers for calls run on another thread. */
final class Timeouts {
  private Timeouts() {}

  /** The failure of a call run elsewhere, as it was thrown there. */
  static Exception unwrap(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof Exception exception) {
      return exception;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return e;
  }
}
