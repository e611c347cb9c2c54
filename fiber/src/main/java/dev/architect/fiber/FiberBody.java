package dev.architect.fiber;

/** The code a {@link Fiber} runs: receives the arguments given to {@link Fiber#start}, returns its result. */
@FunctionalInterface
public interface FiberBody {
  Object run(Object... args) throws Exception;
}
