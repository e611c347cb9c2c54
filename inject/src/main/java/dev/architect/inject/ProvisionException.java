package dev.architect.inject;

/** Creating an instance failed at run time: a constructor, provider or injected method threw. */
public final class ProvisionException extends InjectionException {
  private static final long serialVersionUID = 1L;
  private final transient Key<?> key;

  ProvisionException(Key<?> key, Throwable cause) {
    super("error providing " + key + ": " + describe(cause), cause);
    this.key = key;
  }

  ProvisionException(Key<?> key, String message) {
    super("error providing " + key + ": " + message);
    this.key = key;
  }

  /** The key whose provision failed, as it was requested. */
  public Key<?> key() {
    return key;
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }
}
