package dev.architect.fiber;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A function that yields values one at a time, consumed as an {@link Iterator}, like a PHP generator.
 * It runs in a {@link Fiber}: each {@link Yielder#yield} suspends it until the next value is wanted, so
 * the sequence is computed lazily and may be infinite.
 *
 * <pre>{@code
 * try (Generator<Integer> squares = Generator.of(out -> {
 *   for (int i = 1; ; i++) out.yield(i * i);
 * })) {
 *   squares.next(); // 1
 *   squares.next(); // 4
 * }
 * }</pre>
 *
 * <p>{@link #send} resumes the function with a value (what its {@code yield} returns), as PHP's
 * {@code Generator::send} does. {@link #close} unwinds an unfinished function, running its
 * {@code finally} blocks. Not thread-safe.
 *
 * @param <T> the type of the values yielded
 */
public final class Generator<T> implements Iterator<T>, AutoCloseable {
  /** The body of a generator: yields its values through {@code out}; may return a final result. */
  @FunctionalInterface
  public interface Body<T> {
    Object run(Yielder<T> out) throws Exception;
  }

  /** What a generator's body yields through. Only valid inside that body. */
  public static final class Yielder<T> {
    private Yielder() {}

    /**
     * Hands {@code value} to the consumer and waits until the next value is wanted.
     *
     * @return the value given to {@link Generator#send}, or null when resumed by {@code next()}
     */
    public Object yield(T value) {
      return Fiber.suspend(new Yielded(value));
    }
  }

  /** Wraps yielded values, so that null can be yielded and told apart from the end. */
  private record Yielded(Object value) {}

  private final Fiber fiber;
  private Yielded pending; // computed by hasNext(), not yet returned by next()
  private boolean started;

  private Generator(Fiber fiber) {
    this.fiber = fiber;
  }

  /** A generator running {@code body}, with the default fiber implementation. */
  public static <T> Generator<T> of(Body<T> body) {
    Objects.requireNonNull(body, "body");
    Yielder<T> yielder = new Yielder<>();
    return new Generator<>(new Fiber(args -> body.run(yielder)));
  }

  @Override
  public boolean hasNext() {
    if (pending == null && !fiber.isTerminated()) {
      pending = (Yielded) (started ? fiber.resume() : startFiber());
    }
    return pending != null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the generator has no more values");
    }
    Yielded value = pending;
    pending = null;
    return (T) value.value();
  }

  /**
   * Resumes the generator with {@code value} (the result of the pending {@code yield}) and returns the
   * next value it yields. A generator not started yet first runs to its first {@code yield}, whose value
   * is skipped, as in PHP.
   *
   * @throws NoSuchElementException if the generator ends instead of yielding
   */
  @SuppressWarnings("unchecked")
  public T send(Object value) {
    if (!started) {
      hasNext();
    }
    pending = null;
    Yielded next = fiber.isSuspended() ? (Yielded) fiber.resume(value) : null;
    if (next == null) {
      throw new NoSuchElementException("the generator ended instead of yielding");
    }
    return (T) next.value();
  }

  /**
   * What the body returned once it ended.
   *
   * @throws FiberException if it has not ended, or ended by throwing
   */
  public Object getReturn() {
    return fiber.getReturn();
  }

  /** Unwinds an unfinished body (its finally blocks run); does nothing if it ended. */
  @Override
  public void close() {
    pending = null;
    started = true;
    fiber.close();
  }

  private Object startFiber() {
    started = true;
    return fiber.start();
  }
}
