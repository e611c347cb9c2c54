package dev.architect.resilience;

/**
 * A source of monotonic nanoseconds: the policies' only clock, so tests can drive time by hand.
 * Only differences between readings are meaningful.
 *
 * <p>Policies composed in one {@link Pipeline} must share one ticker: the pipeline reads it at most
 * once per attempt and hands the reading to every policy that needs it.
 */
@FunctionalInterface
public interface Ticker {
  /** Nanoseconds from an arbitrary origin, never decreasing. */
  long read();

  /** {@link System#nanoTime()}; always the same instance. */
  static Ticker system() {
    return SystemTicker.INSTANCE;
  }
}

/** The one system ticker, so pipelines can check that their policies share a clock. */
enum SystemTicker implements Ticker {
  INSTANCE;

  @Override
  public long read() {
    return System.nanoTime();
  }
}
