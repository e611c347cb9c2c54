/**
 * Architect Inject: a JSR-330 dependency injection container.
 *
 * <p>Start at {@link dev.architect.inject.Container}. Classes injected from a named module must
 * open their package to {@code dev.architect.inject} (the container defines factories and proxies
 * beside them and reaches private members, as the JSR-330 rules require).
 */
module dev.architect.inject {
  requires transitive jakarta.inject;

  exports dev.architect.inject;
}
