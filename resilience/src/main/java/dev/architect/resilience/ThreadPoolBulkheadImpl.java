package dev.architect.resilience;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link ThreadPoolExecutor} with as many core threads as maximum threads and a bounded queue. */
final class ThreadPoolBulkheadImpl implements ThreadPoolBulkhead {
  private final String name;
  private final ThreadPoolExecutor executor;

  ThreadPoolBulkheadImpl(Builder b) {
    this.name = b.name;
    BlockingQueue<Runnable> queue = b.queueCapacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(b.queueCapacity);
    AtomicInteger count = new AtomicInteger();
    var factory = b.threadFactory != null ? b.threadFactory : (java.util.concurrent.ThreadFactory) r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.executor = new ThreadPoolExecutor(b.maxThreads, b.maxThreads, 60, TimeUnit.SECONDS, queue, factory,
        (task, pool) -> {
          throw pool.isShutdown() ? new RejectedExecutionException("bulkhead '" + name + "' is closed")
              : new BulkheadFullException(name);
        });
    executor.allowCoreThreadTimeOut(true);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public <T> Future<T> submit(Callable<T> call) {
    return executor.submit(Objects.requireNonNull(call, "call"));
  }

  @Override
  public <T> T call(Callable<T> call) throws Exception {
    Future<T> future = submit(call);
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      throw Timeouts.unwrap(e);
    }
  }

  @Override
  public int queued() {
    return executor.getQueue().size();
  }

  @Override
  public void close() {
    executor.close();
  }

  @Override
  public String toString() {
    return "ThreadPoolBulkhead(" + name + ", " + executor.getActiveCount() + " running, " + queued() + " queued)";
  }
}
