package dev.architect.resilience;

/** The outcomes of recent calls, judged against the breaker's thresholds. Implementations are thread-safe. */
interface Window {
  /** Flag of an outcome: the call failed. */
  int FAILURE = 1;
  /** Flag of an outcome: the call was slow. */
  int SLOW = 2;

  /**
   * Adds one outcome ({@link #FAILURE} and {@link #SLOW} flags, 0 for a fast success) at time
   * {@code now}; returns whether the thresholds are exceeded after it.
   */
  boolean record(long now, int flags);

  /** The failure rate ({@code slow} false) or slow-call rate in percent at {@code now}, -1 below the minimum number of calls. */
  double rate(long now, boolean slow);

  /** The breaker's thresholds. */
  record Thresholds(int minimumCalls, double failureRate, double slowCallRate) {
    boolean exceeded(long calls, long failures, long slow) {
      if (calls < minimumCalls || calls == 0) {
        return false;
      }
      return failures * 100.0 >= failureRate * calls || slowCallRate > 0 && slow * 100.0 >= slowCallRate * calls;
    }

    double rate(long calls, long count) {
      return calls < minimumCalls || calls == 0 ? -1 : count * 100.0 / calls;
    }
  }
}
