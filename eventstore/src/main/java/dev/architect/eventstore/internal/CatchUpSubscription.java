package dev.architect.eventstore.internal;

import dev.architect.eventstore.EventHandler;
import dev.architect.eventstore.RecordedEvent;
import dev.architect.eventstore.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A catch-up subscription: reads pages from its checkpoint until a short page, then waits for a commit
 * signal (local appends and, on PostgreSQL, LISTEN/NOTIFY from any process) or polls with exponential
 * backoff up to the poll interval (SQLite, where other processes cannot signal).
 *
 * <p>Why the checkpoint may jump past positions it never delivered: before each page it reads the
 * store's last position {@code head}; positions are assigned in commit order, so every event up to
 * {@code head} is committed when the page is read, and a short page therefore holds every visible
 * event up to {@code head}. The rest (other categories, deleted events) need no handling.
 */
final class CatchUpSubscription implements Subscription {
  private static final int PAGE = 500;
  private static final long MIN_BACKOFF_MILLIS = 2;

  private final JdbcEventStore store;
  private final String category;
  private final EventHandler handler;
  private final CommitSignal commits;
  private final boolean hearsAll;
  private final long pollMillis;
  private final Consumer<CatchUpSubscription> onStop;
  private final Thread thread;
  private final Object progress = new Object();
  private long checkpoint;
  private volatile boolean stopping;
  private volatile boolean running = true;
  private volatile Throwable failure;

  CatchUpSubscription(JdbcEventStore store, String category, long from, EventHandler handler,
      CommitSignal commits, boolean hearsAll, Duration pollInterval, Consumer<CatchUpSubscription> onStop) {
    this.store = store;
    this.category = category;
    this.handler = handler;
    this.commits = commits;
    this.hearsAll = hearsAll;
    this.pollMillis = Math.max(1, pollInterval.toMillis());
    this.onStop = onStop;
    this.checkpoint = Math.max(0, from - 1);
    this.thread = Thread.ofVirtual().name("eventstore-subscription-" + (category == null ? "$all" : category))
        .unstarted(this::loop);
  }

  void start() {
    thread.start();
  }

  private void loop() {
    long backoff = MIN_BACKOFF_MILLIS;
    try {
      while (!stopping) {
        long seen = commits.count();
        long head = store.lastPosition();
        long next = checkpoint() + 1;
        List<RecordedEvent> page = store.page(category, next, PAGE);
        for (RecordedEvent e : page) {
          if (stopping) {
            return;
          }
          handler.handle(e);
          advance(e.position());
        }
        if (page.size() == PAGE) {
          continue;
        }
        advance(head);
        if (commits.awaitChange(seen, hearsAll ? pollMillis : backoff)) {
          backoff = MIN_BACKOFF_MILLIS;
        } else {
          backoff = Math.min(backoff * 2, pollMillis);
        }
      }
    } catch (Throwable t) {
      if (!stopping) {
        failure = t;
      }
    } finally {
      running = false;
      synchronized (progress) {
        progress.notifyAll();
      }
      onStop.accept(this);
    }
  }

  private void advance(long position) {
    synchronized (progress) {
      if (position > checkpoint) {
        checkpoint = position;
        progress.notifyAll();
      }
    }
  }

  @Override
  public long checkpoint() {
    synchronized (progress) {
      return checkpoint;
    }
  }

  @Override
  public boolean awaitCheckpoint(long position, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (checkpoint < position && running) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        progress.wait(Math.max(1, left / 1_000_000));
      }
      return checkpoint >= position;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public Throwable failure() {
    return failure;
  }

  @Override
  public void close() {
    stopping = true;
    commits.bump(); // wakes the loop if it waits; a spurious wake-up is harmless to other subscribers
    if (Thread.currentThread() != thread) {
      boolean interrupted = false;
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
