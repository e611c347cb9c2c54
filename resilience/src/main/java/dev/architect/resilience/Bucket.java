package dev.architect.resilience;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** The state of one token bucket for {@link Gcra}: the theoretical arrival time, changed by CAS. */
class Bucket {
  private static final VarHandle TAT;

  static {
    try {
      TAT = MethodHandles.lookup().findVarHandle(Bucket.class, "tat", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** When the bucket will be full again, in ticker nanoseconds; {@link Gcra#DEAD} once evicted. */
  volatile long tat;

  Bucket(long tat) {
    this.tat = tat;
  }

  final boolean compareAndSet(long expected, long value) {
    return TAT.compareAndSet(this, expected, value);
  }
}
