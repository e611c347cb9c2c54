package dev.architect.inject;

import java.util.List;

/**
 * The configuration is wrong: thrown when a container is built (or a key is first resolved at run
 * time) with every problem found, each with the dependency path that leads to it.
 *
 * <pre>
 * 2 configuration problems:
 * 1) App -&gt; Service -&gt; Repository: no binding for Repository (an interface; bind it to an implementation)
 * 2) Clock: bound twice (at ClockModule and TestModule)
 * </pre>
 */
public final class ConfigurationException extends InjectionException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  ConfigurationException(List<Problem> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in the order found. */
  public List<Problem> problems() {
    return problems;
  }

  private static String format(List<Problem> problems) {
    if (problems.size() == 1) {
      return problems.getFirst().toString();
    }
    StringBuilder text = new StringBuilder().append(problems.size()).append(" configuration problems:");
    for (int i = 0; i < problems.size(); i++) {
      text.append('\n').append(i + 1).append(") ").append(problems.get(i));
    }
    return text.toString();
  }

  /**
   * One problem: the path of keys from a root binding to where it was found, and what is wrong.
   *
   * @param path the keys from the root (first) to the key with the problem (last); empty when the
   *     problem concerns no key
   * @param message what is wrong, lowercase, naming the offending value
   */
  public record Problem(List<Key<?>> path, String message) {
    public Problem {
      path = List.copyOf(path);
    }

    /** Reads {@code A -> B -> C: message}. */
    @Override
    public String toString() {
      if (path.isEmpty()) {
        return message;
      }
      StringBuilder text = new StringBuilder();
      for (Key<?> key : path) {
        if (!text.isEmpty()) {
          text.append(" -> ");
        }
        text.append(key);
      }
      return text.append(": ").append(message).toString();
    }
  }
}
