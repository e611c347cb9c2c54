package dev.architect.resilience;

/**
 * The root of the exceptions the policies throw themselves: a call refused ({@link RejectedException})
 * or cut short ({@link TimeoutExceededException}). Failures of the protected code pass through
 * unchanged, never wrapped.
 *
 * <p>These exceptions carry no stack trace: a refusal is an expected outcome, and filling one in
 * would cost more than the call.
 */
public class ResilienceException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String policy;

  ResilienceException(String policy, String message) {
    super(message, null, false, false);
    this.policy = policy;
  }

  /** The name of the policy that threw. */
  public String policy() {
    return policy;
  }
}
