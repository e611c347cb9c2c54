package dev.architect.eventstore;

import java.time.Duration;

/**
 * A running catch-up subscription (see {@link EventStore#subscribeToAll}). Thread-safe.
 */
public interface Subscription extends AutoCloseable {
  /** The position of the last event handled successfully (the start position - 1 before any). */
  long checkpoint();

  /**
   * Waits until the handler has processed every event up to {@code position} (inclusive), or the
   * subscription has stopped, or {@code timeout} passed.
   *
   * @return whether the checkpoint reached {@code position}
   * @throws InterruptedException if interrupted while waiting
   */
  boolean awaitCheckpoint(long position, Duration timeout) throws InterruptedException;

  /** Whether the subscription is still running. */
  boolean isRunning();

  /** The exception that stopped the subscription (from the handler or the store), or null. */
  Throwable failure();

  /** Stops the subscription and waits for its thread; the handler is not called afterwards. */
  @Override
  void close();
}
