package dev.architect.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A ticker moved by hand, and a sleeper that moves it instead of waiting; records the sleeps and counts readings. */
final class FakeClock implements Ticker, Sleeper {
  private final AtomicLong now;
  private final AtomicLong reads = new AtomicLong();
  final List<Long> sleeps = new ArrayList<>();

  FakeClock() {
    this(1_000_000_000_000L);
  }

  FakeClock(long start) {
    this.now = new AtomicLong(start);
  }

  @Override
  public long read() {
    reads.incrementAndGet();
    return now.get();
  }

  long peek() {
    return now.get();
  }

  long reads() {
    return reads.get();
  }

  void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  void advanceNanos(long nanos) {
    now.addAndGet(nanos);
  }

  @Override
  public synchronized void sleep(long nanos) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    sleeps.add(nanos);
    now.addAndGet(Math.max(0, nanos));
  }
}
