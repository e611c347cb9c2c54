package dev.architect.inject;

import dev.architect.inject.ConfigurationException.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One validation pass over part of the graph: resolves every dependency, reports what is missing or
 * wrong with the path that leads to it, and finds cycles that no provider breaks. Runs under the
 * container's lock. Nodes created on the way (just-in-time bindings) are published only if the whole
 * pass succeeds, so a failed lookup leaves the container as it was.
 */
final class Linker {
  final ContainerImpl container;
  final List<Problem> problems = new ArrayList<>();
  final Map<Key<?>, Node<?>> created = new LinkedHashMap<>();
  private final List<Key<?>> path = new ArrayList<>();
  private final Map<Node<?>, Integer> visiting = new HashMap<>();
  private final Set<Node<?>> done = new HashSet<>();
  private final List<Node<?>> linkedNodes = new ArrayList<>();
  private int lazyBoundary;

  Linker(ContainerImpl container) {
    this.container = container;
  }

  /** The node for {@code key}, or null after recording why there is none. */
  Node<?> resolve(Key<?> key) {
    Node<?> node = created.get(key);
    if (node == null) {
      node = container.resolve(key, this);
    }
    return node;
  }

  /** Records a problem at the current path, with {@code key} appended when it is not already last. */
  void problem(Key<?> key, String message) {
    List<Key<?>> at = new ArrayList<>(path);
    if (key != null && (at.isEmpty() || !at.getLast().equals(key))) {
      at.add(key);
    }
    problems.add(new Problem(at, message));
  }

  /** Validates {@code root} and everything it reaches. */
  void link(Node<?> root) {
    if (root.linked || done.contains(root)) {
      return;
    }
    Integer start = visiting.get(root);
    if (start != null) {
      if (start >= lazyBoundary) {
        problem(root.key, "dependency cycle (inject a Provider somewhere in it to break it)");
      }
      return; // a cycle through a provider is fine: the provider resolves later
    }
    visiting.put(root, path.size());
    path.add(root.key);
    root.check(this);
    for (int i = 0; i < root.dependencyKeys.size(); i++) {
      Node<?> dep = root.deps[i] != null ? root.deps[i] : root.resolveDependency(i, this);
      if (dep == null) {
        continue;
      }
      root.deps[i] = dep;
      boolean lazy = root.isLazy(i);
      if (!lazy && root.isSingleton() && dep.customScope != null) {
        problem(dep.key, "scope mismatch: " + root.scope() + " " + root.key + " would keep one "
            + dep.scope() + " " + dep.key + " forever (inject Provider<" + Types.shortName(dep.key.type())
            + "> instead)");
      }
      int savedBoundary = lazyBoundary;
      if (lazy) {
        lazyBoundary = path.size();
      }
      link(dep);
      lazyBoundary = savedBoundary;
    }
    path.removeLast();
    visiting.remove(root);
    done.add(root);
    linkedNodes.add(root);
  }

  /**
   * Ends the pass: on success, compiles and publishes what it linked and returns true; on failure,
   * returns false and leaves the containers unchanged.
   */
  boolean finish() {
    if (!problems.isEmpty()) {
      return false;
    }
    for (Node<?> node : linkedNodes) {
      try {
        node.supplier();
      } catch (RuntimeException e) {
        problems.add(new Problem(List.of(node.key), "cannot compile its factory: " + e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      return false;
    }
    for (Node<?> node : linkedNodes) {
      node.linked = true;
    }
    for (Node<?> node : created.values()) {
      node.owner.publish(node);
    }
    return true;
  }
}
