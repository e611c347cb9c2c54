package dev.architect.ffi;

/** The root of the exceptions this module throws: a native call or a native library failed. */
public class FfiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FfiException(String message) {
    super(message);
  }

  public FfiException(String message, Throwable cause) {
    super(message, cause);
  }
}
