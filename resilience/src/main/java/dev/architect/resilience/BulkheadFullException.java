package dev.architect.resilience;

/** The bulkhead refused the call: all its slots (and, for the executor variant, its queue) were taken. */
public final class BulkheadFullException extends RejectedException {
  private static final long serialVersionUID = 1L;

  BulkheadFullException(String name) {
    super(name, "bulkhead '" + name + "' is full", -1);
  }
}
