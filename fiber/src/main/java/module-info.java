/**
 * Architect Fiber: PHP-style fibers for Java, and a cooperative scheduler on top of them.
 *
 * <p>Fibers run on the JDK's internal one-shot continuations when {@code java.base} exports
 * {@code jdk.internal.vm} to this module ({@code --add-exports java.base/jdk.internal.vm=dev.architect.fiber},
 * or {@code =ALL-UNNAMED} on the class path), and on virtual threads otherwise.
 */
module dev.architect.fiber {
  requires dev.architect.collections;

  exports dev.architect.fiber;
}
