package dev.architect.fiber;

import java.util.concurrent.locks.LockSupport;

/**
 * Keeps the fiber's stack in a virtual thread that takes turns with its caller. Portable (no internal
 * API), but a handoff between threads costs more than a continuation switch.
 *
 * <p>The JDK keeps every started thread reachable, so this core never references the {@link Fiber}
 * object: when a suspended fiber is dropped, the fiber's cleaner calls {@link #abandon}, which resumes
 * the thread to unwind it so it can end.
 */
final class ThreadCore implements Core {
  private static final int SPINS = Runtime.getRuntime().availableProcessors() > 1 ? 2_000 : 0;
  private volatile boolean fiberTurn;
  private volatile boolean done;
  private volatile Thread caller;
  private Thread thread;

  @Override
  public void run(Runnable body) {
    caller = Thread.currentThread();
    fiberTurn = true;
    if (thread == null) {
      thread = Thread.ofVirtual().name("fiber").unstarted(() -> {
        try {
          body.run();
        } finally {
          done = true;
          fiberTurn = false;
          LockSupport.unpark(caller);
        }
      });
      thread.start();
    } else {
      LockSupport.unpark(thread);
    }
    awaitTurn(false);
  }

  @Override
  public void yieldToCaller() {
    fiberTurn = false;
    LockSupport.unpark(caller);
    awaitTurn(true);
  }

  /**
   * Waits until {@code fiberTurn} has the value {@code until}. The other side usually answers within
   * microseconds, so a short spin saves the wake-up of a parked thread, which costs more.
   */
  private void awaitTurn(boolean until) {
    int limit = Thread.currentThread().isVirtual() ? 0 : SPINS; // a spinning virtual thread holds its carrier
    for (int spins = 0; spins < limit && fiberTurn != until; spins++) {
      Thread.onSpinWait();
    }
    while (fiberTurn != until) {
      LockSupport.park(this);
    }
  }

  @Override
  public boolean isDone() {
    return done;
  }

  @Override
  public void abandon(Runnable unwind) {
    // Runs on the cleaner's thread. Reading the volatile flags first makes the fiber thread's last
    // writes visible; a fiber parked for its turn is handed one, unwinds, and its thread ends.
    if (thread != null && !done && !fiberTurn) {
      Thread.ofVirtual().start(() -> {
        unwind.run();
        run(() -> {});
      });
    }
  }
}
