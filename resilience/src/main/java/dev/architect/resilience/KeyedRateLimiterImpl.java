package dev.architect.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Buckets in a {@link ConcurrentHashMap}. Eviction marks a full bucket {@link Gcra#DEAD} with a CAS
 * before removing it, so a thread still holding it cannot take from it (it sees DEAD and looks the key
 * up again): no grant is ever lost to an evicted bucket.
 */
final class KeyedRateLimiterImpl<K> implements KeyedRateLimiter<K> {
  private final String name;
  private final Gcra gcra;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private final int maxKeys;
  private final ConcurrentHashMap<K, Bucket> buckets = new ConcurrentHashMap<>();
  /** No bucket can be idle before this time: a full map is not swept again until then. */
  private final AtomicLong nextSweep;
  private final Metrics.Counter calls;

  KeyedRateLimiterImpl(RateLimiter.Builder b, Gcra gcra, int maxKeys) {
    this.name = b.name;
    this.gcra = gcra;
    this.ticker = b.ticker;
    this.sleeper = b.sleeper;
    this.maxKeys = maxKeys;
    this.nextSweep = new AtomicLong(ticker.read());
    Metrics metrics = new Metrics(b.openTelemetry, "rate_limiter", name);
    this.calls = metrics.counter("calls", "calls seen by the rate limiter, by outcome", "permitted", "rejected");
    metrics.gauge("keys", "buckets held", m -> m.record(buckets.size(), metrics.name));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean tryAcquire(K key) {
    try {
      return take(key, 1, 0) >= 0;
    } catch (InterruptedException impossible) {
      throw new AssertionError("no wait, no interruption", impossible);
    }
  }

  @Override
  public boolean acquire(K key, int permits, Duration timeout) throws InterruptedException {
    gcra.checkPermits(permits);
    return take(key, permits, Checks.notNegativeNanos("timeout", timeout)) >= 0;
  }

  @Override
  public <T> T call(K key, Callable<T> call) throws Exception {
    Objects.requireNonNull(call, "call");
    long due = take(key, 1, gcra.maxWait);
    if (due < 0) {
      throw new RateLimitedException(name + "[" + key + "]", due == Long.MIN_VALUE ? -1 : -due);
    }
    return call.call();
  }

  /** 0 once taken (after waiting if needed); negative when refused. */
  private long take(K key, long permits, long wait) throws InterruptedException {
    Objects.requireNonNull(key, "key");
    long now = ticker.read();
    for (;;) {
      Bucket bucket = buckets.get(key);
      if (bucket == null) {
        if (buckets.size() >= maxKeys && !sweep(now)) {
          calls.add(RateLimiterImpl.REJECTED);
          return Long.MIN_VALUE; // full of active keys: fail closed
        }
        Bucket fresh = new Bucket(gcra.full(now));
        Bucket raced = buckets.putIfAbsent(key, fresh);
        bucket = raced != null ? raced : fresh;
        if (raced == null) {
          // The new bucket may be idle before any the last sweep saw.
          long idleAt = now + permits * gcra.interval;
          nextSweep.accumulateAndGet(idleAt, (a, b) -> a - b < 0 ? a : b);
        }
      }
      long due = gcra.take(bucket, permits, now, Math.min(wait, Long.MAX_VALUE / 4));
      if (due == Gcra.DEAD) {
        buckets.remove(key, bucket); // evicted under our feet: look again
        continue;
      }
      if (due < 0) {
        calls.add(RateLimiterImpl.REJECTED);
        return due;
      }
      if (due > 0) {
        try {
          sleeper.sleep(due);
        } catch (InterruptedException e) {
          gcra.refund(bucket, permits);
          throw e;
        }
      }
      calls.add(RateLimiterImpl.PERMITTED);
      return 0;
    }
  }

  /** Evicts the idle buckets; returns whether there is room for another one. */
  private boolean sweep(long now) {
    long next = nextSweep.get();
    if (next - now > 0) {
      return buckets.size() < maxKeys;
    }
    long earliest = Long.MAX_VALUE;
    boolean any = false;
    for (var entry : buckets.entrySet()) {
      Bucket bucket = entry.getValue();
      if (gcra.evict(bucket, now)) {
        buckets.remove(entry.getKey(), bucket);
      } else {
        long tat = bucket.tat;
        if (tat != Gcra.DEAD && (!any || tat - earliest < 0)) {
          earliest = tat;
          any = true;
        }
      }
    }
    // Until the earliest remaining bucket refills, nothing can be evicted: don't scan again before then.
    nextSweep.set(any ? earliest : now);
    return buckets.size() < maxKeys;
  }

  @Override
  public long availablePermits(K key) {
    Bucket bucket = buckets.get(Objects.requireNonNull(key, "key"));
    return bucket == null ? gcra.capacity : gcra.available(bucket, ticker.read());
  }

  @Override
  public int size() {
    return buckets.size();
  }

  @Override
  public String toString() {
    return "KeyedRateLimiter(" + name + ", " + buckets.size() + " of " + maxKeys + " keys)";
  }
}
