package dev.architect.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The module's exceptions: one root, messages that say what happened, composites that keep every error. */
class ExceptionsTest {
  @Test
  void everyExceptionIsAnAsyncException() {
    assertThat(new CancelledException()).isInstanceOf(AsyncException.class).isInstanceOf(RuntimeException.class);
    assertThat(new FutureFailedException(new IOException("x"))).isInstanceOf(AsyncException.class);
    assertThat(new CompositeException("failed", Map.of(0, new IOException("x")))).isInstanceOf(AsyncException.class);
  }

  @Test
  void cancelledExceptionNamesItsReason() {
    assertThat(new CancelledException()).hasMessage("the operation was cancelled").hasNoCause();
    TimeoutException timeout = new TimeoutException("took too long");
    CancelledException cancelled = new CancelledException(timeout);
    assertThat(cancelled).hasMessage("the operation was cancelled: java.util.concurrent.TimeoutException: took too long")
        .hasCause(timeout);
    assertThat(cancelled.reason()).isSameAs(timeout);
    assertThat(new CancelledException(null).reason()).isNull();
  }

  @Test
  void compositeExceptionListsEveryReasonInOrder() {
    Map<String, Throwable> reasons = new LinkedHashMap<>();
    IOException io = new IOException("io");
    IllegalStateException state = new IllegalStateException("state");
    reasons.put("b", io);
    reasons.put("a", state);
    CompositeException composite = new CompositeException("2 failed", reasons);
    assertThat(composite).hasMessage("2 failed: b: java.io.IOException: io; a: java.lang.IllegalStateException: state");
    assertThat(composite.reasons()).containsExactly(entry("b", io), entry("a", state));
    assertThat(composite.getSuppressed()).containsExactly(io, state);
    reasons.clear();
    assertThat(composite.reasons()).hasSize(2); // a copy
    assertThatThrownBy(() -> composite.reasons().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void compositeExceptionRejectsBadInput() {
    assertThatThrownBy(() -> new CompositeException("x", Map.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reasons must not be empty");
    assertThatThrownBy(() -> new CompositeException(null, Map.of(1, new IOException()))).hasMessage("summary");
    Map<String, Throwable> nullReason = new HashMap<>();
    nullReason.put("k", null);
    assertThatThrownBy(() -> new CompositeException("x", nullReason)).isInstanceOf(NullPointerException.class)
        .hasMessage("reasons holds a null reason for key k");
    assertThatThrownBy(() -> new CompositeException("x", null)).hasMessage("reasons");
    // A null key is fine: a map given to a combinator may hold one.
    Map<String, Throwable> nullKey = new HashMap<>();
    IOException io = new IOException("io");
    nullKey.put(null, io);
    assertThat(new CompositeException("x", nullKey)).hasMessage("x: null: java.io.IOException: io");
  }

  @Test
  void futureFailedExceptionWrapsTheCheckedCause() {
    IOException io = new IOException("disk");
    assertThat(new FutureFailedException(io)).hasMessage("the future failed: java.io.IOException: disk").hasCause(io);
  }
}
