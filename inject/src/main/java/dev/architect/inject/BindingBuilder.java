package dev.architect.inject;

import jakarta.inject.Provider;
import java.lang.annotation.Annotation;

/**
 * Says what a key is bound to and in which scope. Without a target, the key's own class is constructed
 * (it must be concrete). Misuse, such as two targets, is reported when the container is built.
 *
 * <pre>{@code
 * binder.bind(Engine.class).named("fast").to(V8Engine.class).in(Singleton.class);
 * }</pre>
 *
 * @param <T> the bound type
 */
public interface BindingBuilder<T> {
  /** Qualifies the bound key with {@code qualifierType}. Must come before the target. */
  BindingBuilder<T> annotatedWith(Class<? extends Annotation> qualifierType);

  /** Qualifies the bound key with {@code qualifier}. Must come before the target. */
  BindingBuilder<T> annotatedWith(Annotation qualifier);

  /** Qualifies the bound key with {@code @Named(name)}. Must come before the target. */
  BindingBuilder<T> named(String name);

  /** Binds to whatever {@code implementation} is bound to (by default, a constructed instance of it). */
  BindingBuilder<T> to(Class<? extends T> implementation);

  /** Binds to whatever {@code target} is bound to. */
  BindingBuilder<T> to(Key<? extends T> target);

  /** Binds to this one instance, whose members are injected when the container is built. */
  BindingBuilder<T> toInstance(T instance);

  /** Binds to what {@code provider} returns; the provider's members are injected at build. */
  BindingBuilder<T> toProvider(Provider<? extends T> provider);

  /** Binds to what a container-constructed {@code providerType} returns. */
  BindingBuilder<T> toProvider(Class<? extends Provider<? extends T>> providerType);

  /** Scopes the binding with a scope annotation: {@code Singleton.class} or one bound by bindScope. */
  BindingBuilder<T> in(Class<? extends Annotation> scopeAnnotation);

  /** Makes the binding a singleton created when the container is built, not on first use. */
  BindingBuilder<T> asEagerSingleton();
}
