package dev.architect.resilience.distributed;

/**
 * A {@link FencedResource} rejected a write because it has already accepted a higher fencing token:
 * the writer's lease expired and another holder has written since. Nothing was written.
 * {@link #name()} is the resource's name.
 */
public final class StaleTokenException extends DistributedException {
  private static final long serialVersionUID = 1L;

  private final long token;
  private final long highestToken;

  StaleTokenException(String resource, long token, long highestToken) {
    super(resource, "resource " + Args.quoted(resource) + " rejected token " + token
        + ": it has accepted token " + highestToken, null);
    this.token = token;
    this.highestToken = highestToken;
  }

  /** The rejected token. */
  public long token() {
    return token;
  }

  /** The highest token the resource had accepted when it rejected this one. */
  public long highestToken() {
    return highestToken;
  }
}
