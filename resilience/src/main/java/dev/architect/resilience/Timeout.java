package dev.architect.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadFactory;

/**
 * Bounds how long a call may take: the call runs on a new thread (virtual by default) while the caller
 * waits at most the timeout; past it, the call is cancelled (its thread interrupted) and the caller
 * gets a {@link TimeoutExceededException} at once, without waiting for the call to notice.
 *
 * <pre>{@code
 * Timeout timeout = Timeout.of("quotes", Duration.ofMillis(300));
 * Quote quote = timeout.call(() -> quotes.latest(symbol));
 * }</pre>
 *
 * <p>Code that ignores interruption keeps running after the timeout, on its own thread: a timeout
 * cannot stop it, only stop waiting for it. Running on another thread means thread-locals are not
 * seen by the call (scoped values bound by the caller are not either). If the caller is interrupted
 * while waiting, the call is cancelled too. Each call starts a thread, so unlike the other policies a
 * timeout allocates per call. Thread-safe.
 */
public sealed interface Timeout permits TimeoutImpl {
  /** A timeout named {@code name} of {@code timeout}, running calls on virtual threads. */
  static Timeout of(String name, Duration timeout) {
    return of(name, timeout, Thread.ofVirtual().name(Checks.name(name) + "-timeout-", 0).factory());
  }

  /**
   * A timeout named {@code name} of {@code timeout}, running calls on threads from {@code threads}.
   *
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  static Timeout of(String name, Duration timeout, ThreadFactory threads) {
    return new TimeoutImpl(Checks.name(name), timeout, Objects.requireNonNull(threads, "threads"));
  }

  /** The name given at creation. */
  String name();

  /** The time a call is allowed. */
  Duration timeout();

  /**
   * Runs {@code call}, waiting for it at most the timeout.
   *
   * @throws TimeoutExceededException if it did not end in time (it was interrupted)
   * @throws InterruptedException if this thread was interrupted while waiting (the call was interrupted too)
   * @throws Exception what {@code call} threw, unchanged
   */
  <T> T call(Callable<T> call) throws Exception;
}
