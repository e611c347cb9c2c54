package dev.architect.fiber;

/**
 * How a fiber's stack is kept while it is suspended. {@link #run} is called by the fiber's caller and
 * returns when the fiber suspends or ends; {@link #yieldToCaller} is called on the fiber's stack and
 * returns when the fiber is resumed. Exactly one side runs at a time.
 */
interface Core {
  /** Runs {@code body} (the first time) or continues it, until it suspends or ends. */
  void run(Runnable body);

  /** Gives control back to the caller of {@link #run}; returns when run is called again. */
  void yieldToCaller();

  /** Whether {@code body} has ended. */
  boolean isDone();

  /** Called when the fiber object became unreachable while suspended: let the stack go. */
  void abandon(Runnable unwind);
}
