package dev.architect.inject;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/** Operations on reflected types: canonical forms, raw types, names, and new parameterized types. */
final class Types {
  private Types() {}

  /** Wrappers for primitives; everything else as it is. */
  static Type canonicalize(Type type) {
    if (type instanceof Class<?> c && c.isPrimitive()) {
      return wrap(c);
    }
    return type;
  }

  static Class<?> wrap(Class<?> c) {
    if (!c.isPrimitive()) {
      return c;
    }
    return switch (c.getName()) {
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "boolean" -> Boolean.class;
      case "double" -> Double.class;
      case "float" -> Float.class;
      case "short" -> Short.class;
      case "byte" -> Byte.class;
      case "char" -> Character.class;
      default -> Void.class;
    };
  }

  static Class<?> rawType(Type type) {
    return switch (type) {
      case Class<?> c -> c;
      case ParameterizedType p -> (Class<?>) p.getRawType();
      case GenericArrayType g -> rawType(g.getGenericComponentType()).arrayType();
      default -> throw new IllegalArgumentException("no raw type for " + type.getTypeName());
    };
  }

  static boolean isFullySpecified(Type type) {
    return switch (type) {
      case Class<?> c -> true;
      case ParameterizedType p -> Arrays.stream(p.getActualTypeArguments()).allMatch(Types::isFullySpecifiedArgument);
      case GenericArrayType g -> isFullySpecified(g.getGenericComponentType());
      default -> false;
    };
  }

  // Inside type arguments we accept wildcards with specified bounds (Class<?>, List<? extends Foo>).
  private static boolean isFullySpecifiedArgument(Type type) {
    if (type instanceof WildcardType w) {
      return Arrays.stream(w.getUpperBounds()).allMatch(Types::isFullySpecified)
          && Arrays.stream(w.getLowerBounds()).allMatch(Types::isFullySpecified);
    }
    return !(type instanceof TypeVariable<?>) && isFullySpecified(type);
  }

  /** The first type argument of a parameterized type, or null when the type is raw. */
  static Type argument(Type type, int index) {
    return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : null;
  }

  /** A parameterized type equal (and with the same hash code) to the JDK's reflected ones. */
  static ParameterizedType parameterized(Class<?> raw, Type... arguments) {
    return new Parameterized(raw, arguments.clone());
  }

  /** Short, readable names: {@code Map<String, Engine>}, nested classes as {@code Outer.Inner}. */
  static String shortName(Type type) {
    return switch (type) {
      case Class<?> c when c.isArray() -> shortName(c.getComponentType()) + "[]";
      case Class<?> c -> c.getEnclosingClass() == null || c.isAnonymousClass()
          ? c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName()
          : shortName(c.getEnclosingClass()) + "." + c.getSimpleName();
      case ParameterizedType p -> shortName(p.getRawType()) + Arrays.stream(p.getActualTypeArguments())
          .map(Types::shortName).collect(Collectors.joining(", ", "<", ">"));
      case GenericArrayType g -> shortName(g.getGenericComponentType()) + "[]";
      case WildcardType w -> w.getLowerBounds().length > 0 ? "? super " + shortName(w.getLowerBounds()[0])
          : w.getUpperBounds()[0] == Object.class ? "?" : "? extends " + shortName(w.getUpperBounds()[0]);
      default -> type.getTypeName();
    };
  }

  private record Parameterized(Class<?> raw, Type[] arguments) implements ParameterizedType {
    @Override
    public Type[] getActualTypeArguments() {
      return arguments.clone();
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public Type getOwnerType() {
      return raw.getDeclaringClass();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ParameterizedType p && raw.equals(p.getRawType())
          && Objects.equals(getOwnerType(), p.getOwnerType())
          && Arrays.equals(arguments, p.getActualTypeArguments());
    }

    // The same formula as the JDK's ParameterizedTypeImpl, so both kinds meet in one hash map.
    @Override
    public int hashCode() {
      return Arrays.hashCode(arguments) ^ Objects.hashCode(getOwnerType()) ^ raw.hashCode();
    }

    @Override
    public String toString() {
      return getTypeName();
    }

    @Override
    public String getTypeName() {
      return raw.getTypeName() + Arrays.stream(arguments).map(Type::getTypeName)
          .collect(Collectors.joining(", ", "<", ">"));
    }
  }
}
