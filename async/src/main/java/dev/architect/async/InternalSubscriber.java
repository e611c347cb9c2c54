package dev.architect.async;

import java.util.function.Consumer;

/**
 * Internal: a cancellation subscriber of the module's own (a waiter, a timer, a composite). The
 * module's cancellations call these directly on any thread; subscribers given by users go through
 * {@link UserCode#run} instead, so user code never runs on the shared timer thread.
 */
interface InternalSubscriber extends Consumer<CancelledException> {}
