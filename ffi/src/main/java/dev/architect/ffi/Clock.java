package dev.architect.ffi;

/** The Linux clocks {@link LibC#clockGettime} can read, with their {@code clockid_t} values. */
public enum Clock {
  /** {@code CLOCK_REALTIME}: wall-clock time since the epoch; may jump when the clock is set. */
  REALTIME(0),
  /** {@code CLOCK_MONOTONIC}: never goes back; does not count time suspended. */
  MONOTONIC(1),
  /** {@code CLOCK_PROCESS_CPUTIME_ID}: CPU time used by this process. */
  PROCESS_CPUTIME_ID(2),
  /** {@code CLOCK_THREAD_CPUTIME_ID}: CPU time used by the calling thread. */
  THREAD_CPUTIME_ID(3),
  /** {@code CLOCK_MONOTONIC_RAW}: monotonic, not slewed by NTP. */
  MONOTONIC_RAW(4),
  /** {@code CLOCK_REALTIME_COARSE}: realtime at tick resolution, cheaper to read. */
  REALTIME_COARSE(5),
  /** {@code CLOCK_MONOTONIC_COARSE}: monotonic at tick resolution, cheaper to read. */
  MONOTONIC_COARSE(6),
  /** {@code CLOCK_BOOTTIME}: monotonic, counting time suspended. */
  BOOTTIME(7);

  private final int id;

  Clock(int id) {
    this.id = id;
  }

  /** The {@code clockid_t} value, as in {@code <time.h>} on Linux. */
  public int id() {
    return id;
  }

  /** The C name, such as {@code CLOCK_REALTIME}. */
  public String cName() {
    return "CLOCK_" + name();
  }
}
