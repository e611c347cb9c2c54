package dev.architect.bench.inject;

import jakarta.inject.Inject;

/**
 * The object graph every contender builds: {@code A -> B -> C -> (D1, D2 -> E)}, all unscoped, all
 * constructor-injected with {@code jakarta.inject.Inject}, so Architect, Guice and Dagger read the very
 * same classes.
 */
final class Graph {
  private Graph() {}

  /** Builds the graph by hand: the floor every container is measured against. */
  static A newA() {
    return new A(new B(new C(new D1(), new D2(new E()))));
  }

  static final class A {
    final B b;

    @Inject
    A(B b) {
      this.b = b;
    }
  }

  static final class B {
    final C c;

    @Inject
    B(C c) {
      this.c = c;
    }
  }

  static final class C {
    final D1 d1;
    final D2 d2;

    @Inject
    C(D1 d1, D2 d2) {
      this.d1 = d1;
      this.d2 = d2;
    }
  }

  static final class D1 {
    @Inject
    D1() {}
  }

  static final class D2 {
    final E e;

    @Inject
    D2(E e) {
      this.e = e;
    }
  }

  static final class E {
    @Inject
    E() {}
  }
}
