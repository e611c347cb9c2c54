package dev.architect.resilience;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * One token bucket per key (per client, per tenant, per route), all with the same configuration, in
 * bounded memory. Built by {@link RateLimiter.Builder#buildKeyed(int)}.
 *
 * <pre>{@code
 * KeyedRateLimiter<String> perClient = RateLimiter.builder("api")
 *     .capacity(10).refill(5, Duration.ofSeconds(1))
 *     .buildKeyed(100_000);
 * if (!perClient.tryAcquire(clientId)) { return tooManyRequests(); }
 * }</pre>
 *
 * <p>Guarantees: each key gets the guarantee of a {@link RateLimiter}. A key whose bucket is full again
 * (idle for at least {@code capacity} refill intervals) is indistinguishable from a new key, so it may
 * be evicted without changing any decision; eviction happens when a new key arrives and the limiter
 * already holds {@code maxKeys} buckets. If every bucket is still in use, the new key is refused (it
 * fails closed) until one becomes idle; the memory never exceeds {@code maxKeys} buckets (plus one per
 * thread racing to add a key).
 *
 * <p>Thread-safe and lock-free apart from the map's own bins; keys must have proper {@code equals}
 * and {@code hashCode}.
 */
public sealed interface KeyedRateLimiter<K> permits KeyedRateLimiterImpl {
  /** The name given to the builder. */
  String name();

  /** Takes a token from {@code key}'s bucket if one is available now; never waits. */
  boolean tryAcquire(K key);

  /**
   * Takes {@code permits} tokens from {@code key}'s bucket, waiting if they will be available within
   * {@code timeout}; returns false at once if they will not.
   *
   * @throws InterruptedException if interrupted while waiting (the tokens are returned)
   * @throws IllegalArgumentException if {@code permits} is not in [1, capacity] or the timeout is negative
   */
  boolean acquire(K key, int permits, Duration timeout) throws InterruptedException;

  /**
   * Runs {@code call} once a token of {@code key} is taken, waiting at most the configured {@code maxWait}.
   *
   * @throws RateLimitedException if no token was available in time
   * @throws Exception what {@code call} threw, unchanged
   */
  <T> T call(K key, Callable<T> call) throws Exception;

  /** The tokens in {@code key}'s bucket now (the capacity for a key without a bucket). */
  long availablePermits(K key);

  /** How many buckets are held now. */
  int size();
}
