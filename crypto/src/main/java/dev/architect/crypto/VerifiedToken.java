package dev.architect.crypto;

import java.util.Objects;

/**
 * A token that passed {@link TokenVerifier#verify}: authentic, and its claims valid.
 *
 * @param claims the claims of the payload
 * @param footer the footer as UTF-8 text; empty when the token has none
 */
public record VerifiedToken(Claims claims, String footer) {
  public VerifiedToken {
    Objects.requireNonNull(claims, "claims");
    Objects.requireNonNull(footer, "footer");
  }
}
