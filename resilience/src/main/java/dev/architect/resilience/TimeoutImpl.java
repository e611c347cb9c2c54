package dev.architect.resilience;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A call on its own thread, awaited through a {@link FutureTask} with a timeout, cancelled past it. */
final class TimeoutImpl implements Timeout {
  private final String name;
  private final Duration timeout;
  private final long nanos;
  private final ThreadFactory threads;

  TimeoutImpl(String name, Duration timeout, ThreadFactory threads) {
    this.name = name;
    this.nanos = Checks.positiveNanos("timeout", timeout);
    this.timeout = timeout;
    this.threads = threads;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Duration timeout() {
    return timeout;
  }

  @Override
  public <T> T call(Callable<T> call) throws Exception {
    FutureTask<T> task = new FutureTask<>(java.util.Objects.requireNonNull(call, "call"));
    Thread thread = threads.newThread(task);
    if (thread == null) {
      throw new IllegalStateException("the thread factory of timeout '" + name + "' returned no thread");
    }
    thread.start();
    try {
      return task.get(nanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new TimeoutExceededException(name, timeout);
    } catch (InterruptedException e) {
      task.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      throw Timeouts.unwrap(e);
    }
  }

  @Override
  public String toString() {
    return "Timeout(" + name + ", " + timeout + ")";
  }
}
