/**
 * Architect Async: Amp-style futures, cancellations and await combinators on virtual threads.
 *
 * <p>Start at {@link dev.architect.async.Async}: {@code async(...)} runs a task on a virtual thread and
 * returns a {@link dev.architect.async.Future}; {@code await(...)} and its siblings combine futures;
 * {@link dev.architect.async.Cancellation}s stop waits and operations. The module depends on the JDK
 * only.
 */
module dev.architect.async {
  exports dev.architect.async;
}
