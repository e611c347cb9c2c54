package dev.architect.inject;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * What the container looks up: a type, with generic arguments, and an optional qualifier.
 *
 * <p>Plain classes use {@link #of(Class)}; generic types are captured by an anonymous subclass:
 *
 * <pre>{@code
 * Key<List<String>> names = new Key<List<String>>() {};
 * Key<Engine> fast = Key.of(Engine.class, Names.named("fast"));
 * }</pre>
 *
 * <p>Primitive types are normalized to their wrappers, so {@code int} and {@code Integer} are the
 * same key. A qualifier without attributes ({@code @Red}) matches by its type; a qualifier with
 * attributes ({@code @Named("x")}) matches by equality. Keys are immutable and thread-safe.
 *
 * @param <T> the type this key provides
 */
public class Key<T> {
  private final Type type;
  private final Class<? super T> rawType;
  private final Object qualifier; // null, an Annotation with attributes, or an annotation Class
  private final int hash;

  /**
   * Captures the type argument of an anonymous subclass, unqualified.
   *
   * @throws IllegalStateException if the subclass does not give a concrete type argument
   */
  protected Key() {
    this(null, null, null);
  }

  /**
   * Captures the type argument of an anonymous subclass, with a qualifier.
   *
   * @throws IllegalArgumentException if {@code qualifier} is not annotated with {@code @Qualifier}
   */
  protected Key(Annotation qualifier) {
    this(null, null, Qualifiers.normalize(qualifier));
  }

  /**
   * Captures the type argument of an anonymous subclass, with a qualifier type.
   *
   * @throws IllegalArgumentException if {@code qualifierType} is not annotated with {@code @Qualifier}
   */
  protected Key(Class<? extends Annotation> qualifierType) {
    this(null, null, Qualifiers.checkType(qualifierType));
  }

  @SuppressWarnings("unchecked")
  private Key(Void ignored, Type type, Object qualifier) {
    this.type = Types.canonicalize(type == null ? capture(getClass()) : type);
    this.rawType = (Class<? super T>) Types.rawType(this.type);
    this.qualifier = qualifier;
    this.hash = this.type.hashCode() * 31 + Objects.hashCode(qualifier);
  }

  private static Type capture(Class<?> keyClass) {
    if (keyClass.getGenericSuperclass() instanceof ParameterizedType p && keyClass.getSuperclass() == Key.class) {
      Type argument = p.getActualTypeArguments()[0];
      if (!Types.isFullySpecified(argument)) {
        throw new IllegalStateException("key type must be fully specified, was " + argument.getTypeName());
      }
      return argument;
    }
    throw new IllegalStateException("a Key subclass must be a direct anonymous subclass with a type argument, was "
        + keyClass.getName());
  }

  /** The key for {@code type}, unqualified. */
  public static <T> Key<T> of(Class<T> type) {
    return new Key<>(null, Objects.requireNonNull(type, "type"), null);
  }

  /**
   * The key for {@code type} qualified by {@code qualifier}.
   *
   * @throws IllegalArgumentException if {@code qualifier} is not annotated with {@code @Qualifier}
   */
  public static <T> Key<T> of(Class<T> type, Annotation qualifier) {
    return new Key<>(null, Objects.requireNonNull(type, "type"), Qualifiers.normalize(qualifier));
  }

  /**
   * The key for {@code type} qualified by the annotation type {@code qualifierType}.
   *
   * @throws IllegalArgumentException if {@code qualifierType} is not annotated with {@code @Qualifier}
   */
  public static <T> Key<T> of(Class<T> type, Class<? extends Annotation> qualifierType) {
    return new Key<>(null, Objects.requireNonNull(type, "type"), Qualifiers.checkType(qualifierType));
  }

  /** The key for {@code type} qualified by {@code @Named(name)}. */
  public static <T> Key<T> named(Class<T> type, String name) {
    return of(type, Names.named(name));
  }

  /**
   * The key for a reflected {@code type} (a class or a parameterized type), unqualified.
   *
   * @throws IllegalArgumentException if the type has type variables or wildcards at the top level
   */
  public static Key<?> of(Type type) {
    Objects.requireNonNull(type, "type");
    if (!Types.isFullySpecified(type)) {
      throw new IllegalArgumentException("key type must be fully specified, was " + type.getTypeName());
    }
    return new Key<>(null, type, null);
  }

  /** The key for {@code type} with {@code qualifier}, or unqualified when it is null. */
  static Key<?> of(Type type, Annotation qualifier) {
    return new Key<>(null, type, qualifier == null ? null : Qualifiers.normalize(qualifier));
  }

  /** The key for {@code type} with the qualifier of {@code other}. */
  static Key<?> withQualifierOf(Type type, Key<?> other) {
    return new Key<>(null, type, other.qualifier);
  }

  /** This key's type with {@code qualifier} instead of its own. */
  public Key<T> withQualifier(Annotation qualifier) {
    return new Key<>(null, type, Qualifiers.normalize(qualifier));
  }

  /** This key's type with the qualifier type {@code qualifierType} instead of its own. */
  public Key<T> withQualifier(Class<? extends Annotation> qualifierType) {
    return new Key<>(null, type, Qualifiers.checkType(qualifierType));
  }

  /** This key's type without a qualifier. */
  public Key<T> withoutQualifier() {
    return qualifier == null ? this : new Key<>(null, type, null);
  }

  /** The full type, with generic arguments. */
  public Type type() {
    return type;
  }

  /** The erased class of {@link #type()}. */
  public Class<? super T> rawType() {
    return rawType;
  }

  /** The qualifier annotation type, or null when unqualified. */
  public Class<? extends Annotation> qualifierType() {
    return Qualifiers.typeOf(qualifier);
  }

  /** The qualifier annotation when it has attributes, or null (unqualified or a marker qualifier). */
  public Annotation qualifier() {
    return qualifier instanceof Annotation a ? a : null;
  }

  boolean hasAttributeQualifier() {
    return qualifier instanceof Annotation;
  }

  /** This key with the qualifier reduced to its type (for the Guice-style fallback lookup). */
  Key<T> withQualifierTypeOnly() {
    return new Key<>(null, type, Qualifiers.typeOf(qualifier));
  }

  @Override
  public final boolean equals(Object o) {
    return o instanceof Key<?> k && hash == k.hash && type.equals(k.type) && Objects.equals(qualifier, k.qualifier);
  }

  @Override
  public final int hashCode() {
    return hash;
  }

  /** Reads as the type, preceded by the qualifier if any: {@code @Named("fast") Engine}. */
  @Override
  public final String toString() {
    String typeName = Types.shortName(type);
    return qualifier == null ? typeName : Qualifiers.describe(qualifier) + " " + typeName;
  }
}
