package dev.architect.async;

import java.lang.ref.Cleaner;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Internal: runs user code from callbacks, and reports what would otherwise be lost (a failed future
 * nobody observed, an exception thrown by a cancellation subscriber) to the unhandled-error handler.
 */
final class UserCode {
  /** Watches {@link Future} objects: when one becomes unreachable its state is abandoned. */
  static final Cleaner CLEANER = Cleaner.create(task -> {
    Thread thread = new Thread(null, task, "architect-async-cleaner", 0, false);
    thread.setDaemon(true);
    return thread;
  });

  static final Consumer<Throwable> DEFAULT_HANDLER = UserCode::printToStandardError;

  private static volatile Consumer<? super Throwable> handler = DEFAULT_HANDLER;

  private UserCode() {}

  /**
   * Runs {@code code} now on this thread, or on a new virtual thread when this is the shared timer
   * thread (a slow or blocking callback there would delay every timer). Whatever it throws is reported.
   */
  static void run(Runnable code) {
    if (Thread.currentThread() instanceof TimerThread) {
      Thread.startVirtualThread(() -> guarded(code));
    } else {
      guarded(code);
    }
  }

  /**
   * Runs {@code call}, a call into {@code cancellation}: at once when it is one of the module's own
   * (short, non-blocking, safe on the timer thread), else as user code through {@link #run}.
   */
  static void runOn(Cancellation cancellation, Runnable call) {
    if (cancellation instanceof Cancellable || cancellation instanceof TimeoutCancellation
        || cancellation instanceof CompositeCancellation || cancellation instanceof NullCancellation) {
      call.run();
    } else {
      run(call);
    }
  }

  private static void guarded(Runnable code) {
    try {
      code.run();
    } catch (Throwable t) {
      reportUnhandled(t);
    }
  }

  static Consumer<? super Throwable> setHandler(Consumer<? super Throwable> newHandler) {
    Objects.requireNonNull(newHandler, "handler");
    Consumer<? super Throwable> old = handler;
    handler = newHandler;
    return old;
  }

  static Consumer<? super Throwable> handler() {
    return handler;
  }

  /** Hands {@code error} to the handler; if the handler itself throws, both go to standard error. */
  static void reportUnhandled(Throwable error) {
    try {
      handler.accept(error);
    } catch (Throwable t) {
      System.err.println("architect-async: the unhandled-error handler threw " + t + " while handling:");
      error.printStackTrace();
      t.printStackTrace();
    }
  }

  private static void printToStandardError(Throwable error) {
    System.err.println("architect-async: unhandled failure (a failed future nobody observed, or an exception"
        + " thrown by a cancellation subscriber):");
    error.printStackTrace();
  }
}
