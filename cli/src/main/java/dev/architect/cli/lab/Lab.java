package dev.architect.cli.lab;

import java.io.PrintWriter;

/**
 * One lab of the course: executable documentation for a module. A lab uses only the public API of
 * the modules it shows, and everything it prints is computed by the run, never written in advance.
 */
public interface Lab {
  /** The lab's number, 1 to 15. */
  int number();

  /** A short title, as {@code architect lab list} shows it. */
  String title();

  /** Whether the lab is built yet; {@link #run} of a lab that is not built throws. */
  default boolean available() {
    return true;
  }

  /**
   * Runs the lab, printing its output to {@code out}.
   *
   * @throws Exception whatever the lab's code throws; the command reports it as a failure
   */
  void run(PrintWriter out) throws Exception;
}
