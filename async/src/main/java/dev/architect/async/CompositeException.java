package dev.architect.async;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Several futures failed: thrown by {@link Async#awaitAny} when every future failed and by
 * {@link Async#awaitAnyN} when too many did. {@link #reasons()} holds each error under the key of its
 * future (for a list of futures, its index), in the order the futures failed; each error is also
 * attached as a suppressed exception, so a printed stack trace shows them all.
 */
public final class CompositeException extends AsyncException {
  private static final long serialVersionUID = 1L;
  private final transient Map<Object, Throwable> reasons;

  /**
   * An exception whose message is {@code summary}, a colon, and each reason as {@code key: error}.
   *
   * @throws IllegalArgumentException if {@code reasons} is empty
   * @throws NullPointerException if an argument or a reason is null (a key may be null: a map given to
   *     a combinator may hold one)
   */
  public CompositeException(String summary, Map<?, ? extends Throwable> reasons) {
    super(format(summary, reasons));
    Map<Object, Throwable> copy = new LinkedHashMap<>();
    reasons.forEach((key, reason) -> {
      copy.put(key, reason);
      addSuppressed(reason);
    });
    this.reasons = Collections.unmodifiableMap(copy);
  }

  /** Each error under the key of the future that failed with it, in the order they failed. */
  public Map<Object, Throwable> reasons() {
    return reasons;
  }

  private static String format(String summary, Map<?, ? extends Throwable> reasons) {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(reasons, "reasons");
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("reasons must not be empty");
    }
    StringBuilder text = new StringBuilder(summary).append(": ");
    String separator = "";
    for (Map.Entry<?, ? extends Throwable> entry : reasons.entrySet()) {
      Objects.requireNonNull(entry.getValue(), "reasons holds a null reason for key " + entry.getKey());
      text.append(separator).append(entry.getKey()).append(": ").append(entry.getValue());
      separator = "; ";
    }
    return text.toString();
  }
}
