package dev.architect.inject;

/** The root of the exceptions this container throws. */
public class InjectionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InjectionException(String message) {
    super(message);
  }

  public InjectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
