package dev.architect.resilience.distributed;

import java.sql.SQLException;

/**
 * The database failed: it could not be reached, a statement failed, or a table could not be created.
 * The {@link #getCause() cause} is the driver's {@link SQLException}. Whether the failed statement
 * took effect is unknown: an acquire whose answer was lost on the way back may hold the lock (or a
 * rate-limit token) that nobody uses, until its lease expires (or the bucket refills).
 */
public final class DistributedStoreException extends DistributedException {
  private static final long serialVersionUID = 1L;

  DistributedStoreException(String name, String message, SQLException cause) {
    super(name, message, cause);
  }
}
