package dev.architect.crypto;

import java.nio.charset.StandardCharsets;

/**
 * What an authentic PASETO token carries: its payload (decrypted, for {@code local} tokens) and its
 * footer, as bytes. {@link TokenVerifier} reads them further into {@link Claims}.
 *
 * <p>Immutable and thread-safe: the accessors return copies.
 */
public final class PasetoMessage {
  private final byte[] payload;
  private final byte[] footer;

  PasetoMessage(byte[] payload, byte[] footer) {
    this.payload = payload;
    this.footer = footer;
  }

  /** A copy of the payload. */
  public byte[] payload() {
    return payload.clone();
  }

  /** A copy of the footer; empty when the token has none. */
  public byte[] footer() {
    return footer.clone();
  }

  /** The payload decoded as UTF-8 (malformed sequences replaced; see {@link TokenVerifier} for a strict reading). */
  public String payloadText() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  /** The footer decoded as UTF-8 (malformed sequences replaced). */
  public String footerText() {
    return new String(footer, StandardCharsets.UTF_8);
  }

  byte[] payloadBytes() {
    return payload;
  }

  byte[] footerBytes() {
    return footer;
  }

  /** The lengths only: the payload may be secret. */
  @Override
  public String toString() {
    return "PasetoMessage[payload " + payload.length + " bytes, footer " + footer.length + " bytes]";
  }
}
