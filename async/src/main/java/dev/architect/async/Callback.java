package dev.architect.async;

/**
 * Internal: told the outcome of a {@link FutureState} once it completes. Implementations are the
 * module's own, short and non-blocking (they unpark a waiter, record an arrival, or hand user code to
 * {@link UserCode#run}), so they may run on any thread, the shared timer thread included.
 */
interface Callback {
  /** Called once with the state's encoded outcome (see {@link FutureState#outcome()}). */
  void completed(Object outcome);
}
