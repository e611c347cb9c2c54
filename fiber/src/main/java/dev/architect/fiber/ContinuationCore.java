package dev.architect.fiber;

import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * Keeps the fiber's stack in a one-shot continuation of the JDK: the fiber runs on its caller's
 * thread, and suspending copies its frames to the heap. An abandoned continuation is ordinary garbage.
 * Only loaded when {@code jdk.internal.vm} is exported to this module (see {@link Fiber.Implementation}).
 */
final class ContinuationCore implements Core {
  private static final ContinuationScope SCOPE = new ContinuationScope("architect-fiber");

  private final Fiber.State state;
  private FiberContinuation continuation;

  ContinuationCore(Fiber.State state) {
    this.state = state;
  }

  /**
   * The state of the innermost continuation fiber mounted on this thread, or null. Walking the JDK's
   * own chain of mounted continuations costs a few loads, and needs no bookkeeping on each switch.
   */
  static Fiber.State currentState() {
    return Continuation.getCurrentContinuation(SCOPE) instanceof FiberContinuation f ? f.state : null;
  }

  @Override
  public void run(Runnable body) {
    if (continuation == null) {
      continuation = new FiberContinuation(body, state);
    }
    continuation.run();
  }

  @Override
  public void yieldToCaller() {
    Continuation.yield(SCOPE);
  }

  @Override
  public boolean isDone() {
    return continuation != null && continuation.isDone();
  }

  @Override
  public void abandon(Runnable unwind) {
    // Nothing holds the stack but this object: it is collected with the fiber, without running finally
    // blocks (as with any abandoned computation in Java).
  }

  private static final class FiberContinuation extends Continuation {
    final Fiber.State state;

    FiberContinuation(Runnable body, Fiber.State state) {
      super(SCOPE, body);
      this.state = state;
    }

    @Override
    protected void onPinned(Continuation.Pinned reason) {
      throw new FiberException("cannot suspend here: the fiber is pinned to its thread (" + reason
          + "; a native frame or a class initializer is on the stack)");
    }
  }
}
