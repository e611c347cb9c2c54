package dev.architect.ffi;

import java.util.Objects;

/**
 * What {@code mlock} or {@code munlock} did with a range of memory: whether it succeeded and, if not,
 * the errno and why. Locking is best effort: the kernel may refuse it (commonly {@code ENOMEM} when
 * the {@code RLIMIT_MEMLOCK} limit is reached, or {@code EPERM}), and a refusal is reported here
 * rather than thrown. Immutable.
 *
 * @param succeeded whether the call succeeded
 * @param errno 0 on success, else the errno the call failed with
 * @param description one line saying what happened, such as {@code "mlock of 4096 bytes: locked"}
 */
public record LockResult(boolean succeeded, int errno, String description) {
  /**
   * @throws IllegalArgumentException if {@code errno} is not 0 exactly when the call succeeded
   * @throws NullPointerException if {@code description} is null
   */
  public LockResult {
    Objects.requireNonNull(description, "description");
    if (succeeded != (errno == 0)) {
      throw new IllegalArgumentException("errno must be 0 exactly when succeeded, was " + errno + " with succeeded="
          + succeeded);
    }
  }
}
