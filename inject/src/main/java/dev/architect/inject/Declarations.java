package dev.architect.inject;

import dev.architect.inject.ConfigurationException.Problem;
import jakarta.inject.Provider;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Objects;

/** One binding as a module declared it, before the container turns it into a node. */
final class Declarations {
  private Declarations() {}

  enum Target { NONE, LINKED, INSTANCE, PROVIDER_INSTANCE, PROVIDER_CLASS }

  static final class Declaration<T> implements BindingBuilder<T> {
    Key<T> key;
    final String source;
    final boolean element; // a multibinding element: its key cannot be changed
    final List<Problem> problems;
    Target target = Target.NONE;
    Object targetValue;
    Class<? extends Annotation> scope;
    boolean eager;
    boolean invalid; // a problem was reported: make no node, so it is not reported again in other words

    Declaration(Key<T> key, String source, boolean element, List<Problem> problems) {
      this.key = key;
      this.source = source;
      this.element = element;
      this.problems = problems;
    }

    @Override
    public BindingBuilder<T> annotatedWith(Class<? extends Annotation> qualifierType) {
      return qualify(key.withQualifier(qualifierType));
    }

    @Override
    public BindingBuilder<T> annotatedWith(Annotation qualifier) {
      return qualify(key.withQualifier(qualifier));
    }

    @Override
    public BindingBuilder<T> named(String name) {
      return annotatedWith(Names.named(name));
    }

    private BindingBuilder<T> qualify(Key<T> qualified) {
      if (element) {
        problem("the qualifier of a multibinding element cannot be changed");
      } else if (target != Target.NONE) {
        problem("annotatedWith must come before the target");
      } else if (key.qualifierType() != null) {
        problem("already qualified");
      } else {
        key = qualified;
      }
      return this;
    }

    @Override
    public BindingBuilder<T> to(Class<? extends T> implementation) {
      Objects.requireNonNull(implementation, "implementation");
      return target(Target.LINKED, Key.of(implementation));
    }

    @Override
    public BindingBuilder<T> to(Key<? extends T> targetKey) {
      return target(Target.LINKED, Objects.requireNonNull(targetKey, "target"));
    }

    @Override
    public BindingBuilder<T> toInstance(T instance) {
      Objects.requireNonNull(instance, () -> "instance for " + key);
      return target(Target.INSTANCE, instance);
    }

    @Override
    public BindingBuilder<T> toProvider(Provider<? extends T> provider) {
      return target(Target.PROVIDER_INSTANCE, Objects.requireNonNull(provider, "provider"));
    }

    @Override
    public BindingBuilder<T> toProvider(Class<? extends Provider<? extends T>> providerType) {
      return target(Target.PROVIDER_CLASS, Key.of(Objects.requireNonNull(providerType, "providerType")));
    }

    private BindingBuilder<T> target(Target kind, Object value) {
      if (target != Target.NONE) {
        problem("bound to a target twice");
      } else if (kind == Target.LINKED && value.equals(key)) {
        problem("bound to itself");
      } else {
        target = kind;
        targetValue = value;
      }
      return this;
    }

    @Override
    public BindingBuilder<T> in(Class<? extends Annotation> scopeAnnotation) {
      Objects.requireNonNull(scopeAnnotation, "scopeAnnotation");
      if (!scopeAnnotation.isAnnotationPresent(jakarta.inject.Scope.class)) {
        problem("@" + scopeAnnotation.getSimpleName() + " is not a scope annotation (it lacks @Scope)");
      } else {
        setScope(scopeAnnotation, false);
      }
      return this;
    }

    @Override
    public BindingBuilder<T> asEagerSingleton() {
      setScope(jakarta.inject.Singleton.class, true);
      return this;
    }

    private void setScope(Class<? extends Annotation> newScope, boolean newEager) {
      if (scope != null) {
        problem("scoped twice");
      }
      scope = newScope;
      eager = newEager;
    }

    private void problem(String message) {
      invalid = true;
      problems.add(new Problem(List.of(key), message + " (at " + source + ")"));
    }
  }
}
