package dev.architect.crypto;

import java.io.Serial;

/**
 * The root of the exceptions this module throws for cryptographic failures (a forged message, a key
 * that cannot be used, a backend that cannot be loaded). Invalid arguments (a key of the wrong length,
 * an output length out of range) are {@link IllegalArgumentException}s, whose messages name the
 * parameter and the value.
 */
public class CryptoException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  public CryptoException(String message) {
    super(message);
  }

  public CryptoException(String message, Throwable cause) {
    super(message, cause);
  }
}
