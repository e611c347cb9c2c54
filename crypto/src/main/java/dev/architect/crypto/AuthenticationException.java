package dev.architect.crypto;

import java.io.Serial;

/**
 * A ciphertext or signed message failed authentication: it was forged, corrupted, or opened with the
 * wrong key or nonce. Nothing of the message is released when this is thrown.
 */
public class AuthenticationException extends CryptoException {
  @Serial private static final long serialVersionUID = 1L;

  public AuthenticationException(String message) {
    super(message);
  }
}
