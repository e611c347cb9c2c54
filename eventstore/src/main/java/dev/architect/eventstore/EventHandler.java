package dev.architect.eventstore;

/** Receives the events of a {@link Subscription}, one at a time, on the subscription's thread. */
@FunctionalInterface
public interface EventHandler {
  /** Handles one event; throwing stops the subscription. */
  void handle(RecordedEvent event) throws Exception;
}
