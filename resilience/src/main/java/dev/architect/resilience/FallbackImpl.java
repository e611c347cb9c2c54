package dev.architect.resilience;

import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** A fallback function and the failures it handles. */
final class FallbackImpl<T> implements Fallback<T> {
  private final Function<? extends T> function;
  private final Predicate<? super Throwable> handles;

  FallbackImpl(Function<? extends T> function, Predicate<? super Throwable> handles) {
    this.function = function;
    this.handles = handles;
  }

  boolean handles(Throwable failure) {
    return handles.test(failure);
  }

  T apply(Throwable failure) throws Exception {
    return function.apply(failure);
  }

  @Override
  public T call(Callable<? extends T> call) throws Exception {
    try {
      return call.call();
    } catch (Throwable t) {
      if (handles.test(t)) {
        return function.apply(t);
      }
      throw t;
    }
  }
}
