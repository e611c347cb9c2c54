package dev.architect.fiber;

import dev.architect.collections.IndexedPriorityQueue;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A cooperative scheduler: an event loop that runs callbacks ({@link #defer}, {@link #delay},
 * {@link #repeat}) and tasks, each task a {@link Fiber} that gives the loop back whenever it waits
 * ({@link #sleep}, {@link #blocking}, {@link Task#await}).
 *
 * <pre>{@code
 * Scheduler scheduler = Scheduler.create();
 * Task<String> task = scheduler.spawn(() -> {
 *   Scheduler.sleep(Duration.ofMillis(10));    // other tasks and callbacks run meanwhile
 *   return Scheduler.blocking(() -> Files.readString(path)); // so they do during blocking I/O
 * });
 * scheduler.run();                              // until nothing is left to do
 * task.result();
 * }</pre>
 *
 * <p>Order: each turn of the loop runs the deferred callbacks queued before the turn began, in order,
 * then every timer that is due, earliest deadline first (equal deadlines in the order they were set).
 * Timers are kept in an {@link IndexedPriorityQueue}, so cancelling one costs O(log n).
 *
 * <p>Time comes from the system's monotonic clock, or from a virtual clock
 * ({@link #createWithVirtualTime()}) that jumps straight to the next timer when the loop has nothing
 * else to do: a test of an hour of timers runs in microseconds, deterministically.
 *
 * <p>An exception escaping a callback stops the loop and is thrown from {@link #run}, unless an
 * error handler is set. A task's exception is kept in its {@link Task}.
 *
 * <p>Threads: the loop runs on the thread that calls {@link #run}; callbacks and tasks run on it too
 * (continuation fibers) or take turns with it (virtual-thread fibers), never at the same time. Only
 * {@link #post} may be called from other threads. Blocking inside a task ({@code Thread.sleep},
 * I/O) stops the whole loop: use {@link #sleep} and {@link #blocking} instead.
 */
public final class Scheduler {
  /** A callback's registration, for {@link #cancel}. */
  public interface Callback {
    /** Whether the callback can still run (not run yet for one-shots, not cancelled). */
    boolean isPending();
  }

  private static final ThreadLocal<Scheduler> LOOP = new ThreadLocal<>();
  private static final Object WAITING = new Object(); // what a task suspends with

  private final boolean virtualTime;
  private final ArrayDeque<Entry> deferred = new ArrayDeque<>();
  private final IndexedPriorityQueue<Entry> timers = IndexedPriorityQueue.minFirst();
  private final ConcurrentLinkedQueue<Runnable> posted = new ConcurrentLinkedQueue<>();
  private final AtomicInteger outstanding = new AtomicInteger(); // blocking calls in flight
  private Consumer<Throwable> errorHandler;
  private long virtualNow;
  private volatile Thread loopThread;
  private boolean running;
  private boolean stopped;

  private Scheduler(boolean virtualTime) {
    this.virtualTime = virtualTime;
  }

  /** A scheduler on the system's monotonic clock. */
  public static Scheduler create() {
    return new Scheduler(false);
  }

  /** A scheduler on a virtual clock starting at 0 that jumps to the next timer whenever the loop is idle. */
  public static Scheduler createWithVirtualTime() {
    return new Scheduler(true);
  }

  /** Handles exceptions escaping callbacks instead of stopping the loop. */
  public Scheduler onError(Consumer<Throwable> handler) {
    this.errorHandler = Objects.requireNonNull(handler, "handler");
    return this;
  }

  /** The loop's clock in nanoseconds (virtual or monotonic; only differences are meaningful). */
  public long nanoTime() {
    return virtualTime ? virtualNow : System.nanoTime();
  }

  /** Runs {@code callback} on the next turn of the loop, after those already deferred. */
  public Callback defer(Runnable callback) {
    Entry entry = new Entry(Objects.requireNonNull(callback, "callback"), 0);
    deferred.add(entry);
    return entry;
  }

  /**
   * Runs {@code callback} once, {@code delay} from now.
   *
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public Callback delay(Duration delay, Runnable callback) {
    Entry entry = new Entry(Objects.requireNonNull(callback, "callback"), 0);
    schedule(entry, nanos(delay, "delay"));
    return entry;
  }

  /**
   * Runs {@code callback} every {@code interval}, measured from the end of the previous run, until
   * cancelled.
   *
   * @throws IllegalArgumentException if {@code interval} is not positive
   */
  public Callback repeat(Duration interval, Runnable callback) {
    long nanos = nanos(interval, "interval");
    if (nanos == 0) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
    Entry entry = new Entry(Objects.requireNonNull(callback, "callback"), nanos);
    schedule(entry, nanos);
    return entry;
  }

  /** Cancels a callback; returns whether it was still pending. */
  public boolean cancel(Callback callback) {
    if (!(callback instanceof Entry entry) || !entry.isPending()) {
      return false;
    }
    entry.cancelled = true;
    if (entry.timer != null && timers.contains(entry.timer)) {
      timers.remove(entry.timer);
    }
    return true;
  }

  /**
   * Runs {@code action} on the loop's thread, from any thread; wakes the loop if it waits. Work posted
   * after the loop ended runs when it runs again.
   */
  public void post(Runnable action) {
    posted.add(Objects.requireNonNull(action, "action"));
    Thread thread = loopThread;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  /** Starts {@code body} as a task in a fiber of its own, on the next turn of the loop. */
  public <T> Task<T> spawn(Callable<T> body) {
    Objects.requireNonNull(body, "body");
    Task<T> task = new Task<>(this);
    Fiber fiber = new Fiber(args -> {
      LOOP.set(this); // a virtual-thread fiber runs on its own thread: it needs to know its loop too
      try {
        task.succeed(body.call());
      } catch (Fiber.Unwind unwind) {
        throw unwind;
      } catch (Throwable t) {
        task.fail(t);
      }
      return null;
    });
    task.fiber = fiber;
    defer(fiber::start);
    return task;
  }

  /**
   * Suspends the calling task for {@code duration}; the loop runs other work meanwhile.
   *
   * @throws FiberException if not called from a task of a running scheduler
   */
  public static void sleep(Duration duration) {
    Scheduler loop = current("sleep");
    Fiber fiber = Fiber.current();
    loop.delay(duration, () -> resumeIfWaiting(fiber));
    Fiber.suspend(WAITING);
  }

  /**
   * Runs {@code work} on a virtual thread of its own and suspends the calling task until it is done,
   * so blocking I/O or sleeping in {@code work} does not stop the loop.
   *
   * @return what {@code work} returned
   * @throws Exception what {@code work} threw
   * @throws FiberException if not called from a task of a running scheduler
   */
  public static <T> T blocking(Callable<T> work) throws Exception {
    Objects.requireNonNull(work, "work");
    Scheduler loop = current("blocking");
    Fiber fiber = Fiber.current();
    Object[] outcome = new Object[2];
    loop.outstanding.incrementAndGet();
    Thread.ofVirtual().start(() -> {
      try {
        outcome[0] = work.call();
      } catch (Throwable t) {
        outcome[1] = t;
      }
      loop.post(() -> {
        loop.outstanding.decrementAndGet();
        resumeIfWaiting(fiber);
      });
    });
    Fiber.suspend(WAITING);
    if (outcome[1] instanceof Exception e) {
      throw e;
    }
    if (outcome[1] instanceof Error e) {
      throw e;
    }
    @SuppressWarnings("unchecked")
    T result = (T) outcome[0];
    return result;
  }

  // A task cancelled while it waited has ended: its wake-up finds nothing to resume.
  private static void resumeIfWaiting(Fiber fiber) {
    if (fiber.isSuspended()) {
      fiber.resume();
    }
  }

  /** The scheduler whose task is running on this thread, or null. */
  public static Scheduler current() {
    return Fiber.current() == null ? null : LOOP.get();
  }

  private static Scheduler current(String operation) {
    Scheduler loop = current();
    if (loop == null) {
      throw new FiberException("cannot " + operation + " outside a scheduler task");
    }
    return loop;
  }

  /**
   * Runs the loop until there is nothing left to do (no deferred callback, no timer, no blocking call
   * in flight) or {@link #stop} is called.
   *
   * @throws FiberException if the loop is already running
   * @throws RuntimeException an exception that escaped a callback, when no error handler is set
   */
  public void run() {
    if (running) {
      throw new FiberException("the scheduler is already running");
    }
    running = true;
    stopped = false;
    Scheduler outer = LOOP.get();
    loopThread = Thread.currentThread();
    LOOP.set(this);
    try {
      while (!stopped && turn()) {
        // one turn per iteration
      }
    } finally {
      LOOP.set(outer);
      loopThread = null;
      running = false;
    }
  }

  /** Makes {@link #run} return after the callback that is running now. */
  public void stop() {
    stopped = true;
  }

  /** One turn; returns false when there is nothing left to do. */
  private boolean turn() {
    for (Runnable action; (action = posted.poll()) != null; ) {
      deferred.add(new Entry(action, 0));
    }
    int count = deferred.size();
    for (int i = 0; i < count && !stopped; i++) {
      Entry entry = deferred.poll();
      if (!entry.cancelled) {
        entry.fired = true;
        invoke(entry.callback);
      }
    }
    boolean ranTimer = false;
    long now = nanoTime();
    while (!stopped && !timers.isEmpty() && timers.peekPriority() <= now) {
      Entry entry = timers.pop();
      entry.timer = null;
      ranTimer = true;
      if (entry.interval == 0) {
        entry.fired = true;
      }
      invoke(entry.callback);
      if (entry.interval > 0 && !entry.cancelled) {
        schedule(entry, entry.interval);
      }
    }
    if (stopped) {
      return false;
    }
    if (!deferred.isEmpty() || !posted.isEmpty() || ranTimer) {
      return true;
    }
    if (timers.isEmpty() && outstanding.get() == 0) {
      return false;
    }
    waitForWork();
    return true;
  }

  private void waitForWork() {
    boolean hasTimer = !timers.isEmpty();
    if (virtualTime && hasTimer) {
      // Virtual time passes only when the loop is idle, and then straight to the next timer (also
      // while blocking calls are in flight: their real duration does not exist on this clock).
      virtualNow = Math.max(virtualNow, timers.peekPriority());
      return;
    }
    if (!hasTimer) {
      LockSupport.park(this); // until post() from a blocking call
    } else {
      long wait = timers.peekPriority() - nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(this, wait);
      }
    }
  }

  private void invoke(Runnable callback) {
    try {
      callback.run();
    } catch (Throwable t) {
      if (errorHandler == null) {
        stopped = true;
        throw t;
      }
      errorHandler.accept(t);
    }
  }

  private void schedule(Entry entry, long delayNanos) {
    long now = nanoTime();
    long deadline = delayNanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + delayNanos;
    entry.timer = timers.push(entry, deadline);
  }

  private static long nanos(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + duration);
    }
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  private static final class Entry implements Callback {
    final Runnable callback;
    final long interval; // 0 for one-shots
    IndexedPriorityQueue.Handle<Entry> timer;
    boolean cancelled;
    boolean fired;

    Entry(Runnable callback, long interval) {
      this.callback = callback;
      this.interval = interval;
    }

    @Override
    public boolean isPending() {
      return !cancelled && !fired;
    }
  }

  /**
   * A task started by {@link #spawn}: its result, its failure, and a way for other tasks to wait for it.
   *
   * @param <T> the type of the result
   */
  public static final class Task<T> {
    private final Scheduler scheduler;
    private final List<Fiber> waiters = new ArrayList<>();
    private Fiber fiber;
    private boolean done;
    private T result;
    private Throwable failure;

    private Task(Scheduler scheduler) {
      this.scheduler = scheduler;
    }

    public boolean isDone() {
      return done;
    }

    /**
     * The task's result.
     *
     * @throws FiberException if the task has not finished
     * @throws RuntimeException the task's exception (checked ones unchanged too)
     */
    public T result() {
      if (!done) {
        throw new FiberException("the task has not finished");
      }
      if (failure != null) {
        throw Task.<RuntimeException>sneaky(failure);
      }
      return result;
    }

    /**
     * Waits, from another task of the same scheduler, until this task finishes; returns its result.
     *
     * @throws FiberException if called outside a task of this scheduler, or by the task itself
     */
    public T await() {
      if (!done) {
        if (current() != scheduler) {
          throw new FiberException("cannot await a task outside a task of its scheduler");
        }
        Fiber self = Fiber.current();
        if (self == fiber) {
          throw new FiberException("a task cannot await itself");
        }
        waiters.add(self);
        Fiber.suspend(WAITING);
      }
      return result();
    }

    /** Ends a task that is waiting: its fiber is unwound (finally blocks run). */
    public void cancel() {
      if (!done && fiber != null && fiber.isSuspended()) {
        fiber.close();
        fail(new FiberException("the task was cancelled"));
      }
    }

    void succeed(T value) {
      result = value;
      finish();
    }

    void fail(Throwable t) {
      if (!done) {
        failure = t;
        finish();
      }
    }

    private void finish() {
      done = true;
      for (Fiber waiter : waiters) {
        scheduler.defer(() -> resumeIfWaiting(waiter));
      }
      waiters.clear();
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
      throw (E) t;
    }
  }
}
