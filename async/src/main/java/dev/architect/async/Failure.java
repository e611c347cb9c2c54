package dev.architect.async;

/** Internal: the outcome of a future that failed. Never given out, so no user value is one. */
record Failure(Throwable error) {}
