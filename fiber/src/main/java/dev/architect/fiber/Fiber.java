package dev.architect.fiber;

import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.util.Locale;
import java.util.Objects;

/**
 * A fiber with PHP 8.1 semantics: a function that can suspend itself, handing a value to whoever
 * started or resumed it, and be resumed later with a value (or an exception) of their choosing.
 *
 * <pre>{@code
 * Fiber fiber = new Fiber(args -> {
 *   Object reply = Fiber.suspend("ready");     // hands "ready" to start(), waits
 *   return "got " + reply;
 * });
 * fiber.start();          // -> "ready"
 * fiber.resume("ping");   // -> null: the fiber returned
 * fiber.getReturn();      // -> "got ping"
 * }</pre>
 *
 * <p>Exceptions: an exception escaping the body is thrown, unchanged (checked ones too), from the
 * {@code start}, {@code resume} or {@code throwInto} call that ran it. Misuse throws
 * {@link FiberException} with PHP's messages, lowercased: "cannot start a fiber that has already been
 * started", "cannot resume a fiber that is not suspended", "cannot suspend outside of fiber", ...
 *
 * <p>Two implementations keep the suspended stack (see {@link Implementation}); both behave the same.
 * {@link #close()} unwinds a suspended fiber: {@code suspend} throws an error that runs its
 * {@code finally} blocks; a fiber that catches it cannot suspend again. A suspended fiber that is
 * dropped is garbage-collected.
 *
 * <p>Not thread-safe: a fiber is driven by one thread at a time, like PHP's. Its body runs on the
 * thread that starts or resumes it ({@link Implementation#CONTINUATION}) or on a virtual thread of its
 * own that takes turns with that thread ({@link Implementation#VIRTUAL_THREAD}).
 */
public final class Fiber implements AutoCloseable {
  /** How a suspended fiber's stack is kept. */
  public enum Implementation {
    /**
     * The JDK's internal one-shot continuations: the body runs on the caller's thread, a switch costs
     * about as much as a method call that copies a few frames. Needs
     * {@code --add-exports java.base/jdk.internal.vm=dev.architect.fiber} (or {@code =ALL-UNNAMED} on the
     * class path).
     */
    CONTINUATION,
    /** A virtual thread per fiber, taking turns with its caller: portable, slower to switch. */
    VIRTUAL_THREAD;

    /** Whether this implementation can run in this JVM. */
    public boolean isAvailable() {
      return this == VIRTUAL_THREAD || Object.class.getModule().isExported("jdk.internal.vm", Fiber.class.getModule());
    }

    /**
     * The implementation new fibers use: the system property {@code architect.fiber.implementation}
     * ({@code continuation} or {@code virtual-thread}) if set, else CONTINUATION when available.
     */
    public static Implementation defaultImplementation() {
      return DEFAULT;
    }
  }

  private static final Implementation DEFAULT = chooseDefault();
  private static final boolean CONTINUATIONS = Implementation.CONTINUATION.isAvailable();
  /** The virtual-thread fiber whose body runs on this thread (continuation fibers are found otherwise). */
  private static final ThreadLocal<State> CURRENT = new ThreadLocal<>();
  private static final Cleaner CLEANER = Cleaner.create(Thread.ofVirtual().name("fiber-cleaner").factory());

  private final State state;

  /** A fiber that will run {@code body}, using the default implementation. */
  public Fiber(FiberBody body) {
    this(DEFAULT, body);
  }

  /**
   * A fiber that will run {@code body} with the given implementation.
   *
   * @throws IllegalArgumentException if {@code implementation} is not available in this JVM
   */
  public Fiber(Implementation implementation, FiberBody body) {
    Objects.requireNonNull(implementation, "implementation");
    Objects.requireNonNull(body, "body");
    if (!implementation.isAvailable()) {
      throw new IllegalArgumentException("continuation fibers need java.base to export jdk.internal.vm to "
          + describe(Fiber.class.getModule()) + " (--add-exports java.base/jdk.internal.vm="
          + (Fiber.class.getModule().isNamed() ? Fiber.class.getModule().getName() : "ALL-UNNAMED") + ")");
    }
    this.state = new State(body, implementation);
    state.self = new WeakReference<>(this);
  }

  private static Implementation chooseDefault() {
    String chosen = System.getProperty("architect.fiber.implementation", "").strip().toLowerCase(Locale.ROOT);
    return switch (chosen) {
      case "" -> Implementation.CONTINUATION.isAvailable() ? Implementation.CONTINUATION : Implementation.VIRTUAL_THREAD;
      case "continuation" -> Implementation.CONTINUATION;
      case "virtual-thread" -> Implementation.VIRTUAL_THREAD;
      default -> throw new IllegalArgumentException("architect.fiber.implementation must be continuation or "
          + "virtual-thread, was " + chosen);
    };
  }

  private static String describe(java.lang.Module module) {
    return module.isNamed() ? "module " + module.getName() : "the class path";
  }

  /** The implementation this fiber uses. */
  public Implementation implementation() {
    return state.implementation;
  }

  /**
   * Starts the fiber with {@code args}, running it until it suspends or ends.
   *
   * @return the value given to the first {@link #suspend(Object)}, or null if the fiber ended
   * @throws FiberException if the fiber was already started
   */
  public Object start(Object... args) {
    if (state.status != Status.NEW) {
      throw new FiberException("cannot start a fiber that has already been started");
    }
    state.args = args == null ? new Object[] {null} : args;
    if (state.implementation == Implementation.VIRTUAL_THREAD) {
      State s = state;
      CLEANER.register(this, () -> s.abandon());
    }
    return switchIn();
  }

  /**
   * Resumes the suspended fiber: its {@link #suspend} returns {@code value}.
   *
   * @return the value of its next suspension, or null if the fiber ended
   * @throws FiberException if the fiber is not suspended
   */
  public Object resume(Object value) {
    checkSuspended("cannot resume a fiber that is not suspended");
    state.transfer = value;
    return switchIn();
  }

  /** {@link #resume(Object)} with null. */
  public Object resume() {
    return resume(null);
  }

  /**
   * Resumes the suspended fiber by making its {@link #suspend} throw {@code exception}.
   *
   * @return the value of its next suspension, or null if the fiber ended
   * @throws FiberException if the fiber is not suspended
   */
  public Object throwInto(Throwable exception) {
    Objects.requireNonNull(exception, "exception");
    checkSuspended("cannot resume a fiber that is not suspended");
    state.thrownIn = exception;
    return switchIn();
  }

  /**
   * Suspends the running fiber, handing {@code value} to the call that started or resumed it.
   *
   * @return the value the fiber is resumed with
   * @throws FiberException if no fiber is running on this thread, or the fiber is being closed
   */
  public static Object suspend(Object value) {
    State s = currentState();
    if (s == null) {
      throw new FiberException("cannot suspend outside of fiber");
    }
    if (s.closing) {
      throw new FiberException("cannot suspend in a force-closed fiber");
    }
    s.transfer = value;
    s.status = Status.SUSPENDED;
    s.core.yieldToCaller();
    // resumed: switchIn set the status back to RUNNING
    if (s.closing) {
      throw new Unwind();
    }
    Throwable thrown = s.thrownIn;
    if (thrown != null) {
      s.thrownIn = null;
      throw sneaky(thrown);
    }
    Object resumedWith = s.transfer;
    s.transfer = null;
    return resumedWith;
  }

  /** {@link #suspend(Object)} with null. */
  public static Object suspend() {
    return suspend(null);
  }

  /** The fiber running on this thread (the innermost one when fibers nest), or null outside fibers. */
  public static Fiber current() {
    State s = currentState();
    return s == null ? null : s.self.get();
  }

  /** The innermost fiber running on this thread: a mounted continuation fiber, else a thread's own. */
  private static State currentState() {
    State s = CONTINUATIONS ? ContinuationCore.currentState() : null;
    return s != null ? s : CURRENT.get();
  }

  /**
   * What the fiber's body returned.
   *
   * @throws FiberException if the fiber has not been started, has not returned yet, or threw
   */
  public Object getReturn() {
    String why = switch (state.status) {
      case NEW -> "the fiber has not been started";
      case RUNNING, SUSPENDED -> "the fiber has not returned";
      case TERMINATED -> state.failure != null ? "the fiber threw an exception"
          : state.unwound ? "the fiber was closed before it returned" : null;
    };
    if (why != null) {
      throw new FiberException("cannot get fiber return value: " + why);
    }
    return state.result;
  }

  public boolean isStarted() {
    return state.status != Status.NEW;
  }

  public boolean isSuspended() {
    return state.status == Status.SUSPENDED;
  }

  /** Whether the fiber is running: also while a fiber it started runs (it is not suspended). */
  public boolean isRunning() {
    return state.status == Status.RUNNING;
  }

  public boolean isTerminated() {
    return state.status == Status.TERMINATED;
  }

  /**
   * Ends the fiber: a suspended fiber is unwound (its {@link #suspend} throws, so its {@code finally}
   * blocks run); a fiber never started just ends. Closing an ended fiber does nothing.
   *
   * @throws FiberException if the fiber is running (a fiber cannot close itself)
   * @throws RuntimeException whatever the fiber's body throws while unwinding, other than the unwind itself
   */
  @Override
  public void close() {
    switch (state.status) {
      case NEW -> {
        state.status = Status.TERMINATED;
        state.unwound = true;
      }
      case RUNNING -> throw new FiberException("cannot close a running fiber");
      case SUSPENDED -> {
        state.closing = true;
        switchIn();
      }
      case TERMINATED -> { }
    }
  }

  @Override
  public String toString() {
    return "Fiber(" + state.status.name().toLowerCase(Locale.ROOT) + ", " + state.implementation.name()
        .toLowerCase(Locale.ROOT).replace('_', '-') + ")";
  }

  private void checkSuspended(String message) {
    if (state.status != Status.SUSPENDED) {
      throw new FiberException(message);
    }
  }

  /** Runs the fiber until it suspends or ends; returns its suspension value or rethrows its failure. */
  private Object switchIn() {
    State s = state;
    s.status = Status.RUNNING;
    s.core.run(s.runner);
    if (s.status == Status.TERMINATED) {
      Throwable failure = s.failure;
      if (failure != null && !s.failureReported) {
        s.failureReported = true;
        throw sneaky(failure);
      }
      return null;
    }
    Object suspendedWith = s.transfer;
    s.transfer = null;
    return suspendedWith;
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
    throw (E) t;
  }

  enum Status { NEW, RUNNING, SUSPENDED, TERMINATED }

  /** Thrown by {@link #suspend} into a fiber being closed, to run its finally blocks. */
  static final class Unwind extends Error {
    private static final long serialVersionUID = 1L;

    Unwind() {
      super("fiber closed", null, false, false);
    }
  }

  /**
   * Everything a fiber's stack may reach. It must not reference the {@link Fiber} (except weakly), so
   * that a dropped fiber becomes unreachable even while its stack is parked on a virtual thread.
   */
  static final class State {
    final Core core;
    final FiberBody body;
    final Implementation implementation;
    final Runnable runner = this::runBody;
    WeakReference<Fiber> self;
    // Plain fields: the fiber and its caller take turns, and each handoff orders these writes
    // (a continuation runs on the caller's thread; the virtual-thread core hands off through volatiles).
    Status status = Status.NEW;
    Object[] args;
    Object transfer;
    Throwable thrownIn;
    Object result;
    Throwable failure;
    boolean failureReported;
    boolean closing;
    boolean unwound;

    State(FiberBody body, Implementation implementation) {
      this.core = implementation == Implementation.CONTINUATION ? new ContinuationCore(this) : new ThreadCore();
      this.body = body;
      this.implementation = implementation;
    }

    void runBody() {
      if (implementation == Implementation.VIRTUAL_THREAD) {
        CURRENT.set(this); // the body runs on a thread of its own, for good
      }
      try {
        result = body.run(args);
      } catch (Unwind unwind) {
        unwound = true;
      } catch (Throwable t) {
        if (closing && t instanceof FiberException) {
          unwound = true; // it caught the unwind and then tried to suspend: the unwind wins
        } else {
          failure = t;
        }
      } finally {
        args = null;
        status = Status.TERMINATED;
      }
    }

    /** The fiber object was collected: unwind a suspended virtual-thread fiber so its thread can end. */
    void abandon() {
      core.abandon(() -> {
        closing = true;
        status = Status.RUNNING;
      });
    }
  }
}
