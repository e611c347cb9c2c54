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
    while (fiberTurn) {
      LockSupport.park(this);
    }
  }

  @Override
  public void yieldToCaller() {
    fiberTurn = false;
    LockSupport.unpark(caller);
    while (!fiberTurn) {
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
