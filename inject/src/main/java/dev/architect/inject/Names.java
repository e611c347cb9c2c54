package dev.architect.inject;

import jakarta.inject.Named;
import java.lang.annotation.Annotation;
import java.util.Objects;

/** Creates {@link Named} qualifiers at run time, equal to the ones written in source. */
public final class Names {
  private Names() {}

  /** A {@code @Named(name)} annotation instance. */
  public static Named named(String name) {
    Objects.requireNonNull(name, "name");
    return new NamedQualifier(name);
  }

  private record NamedQualifier(String value) implements Named {
    @Override
    public Class<? extends Annotation> annotationType() {
      return Named.class;
    }

    // The Annotation contract fixes equals and hashCode so that instances made here equal the
    // ones the JDK makes from source annotations.
    @Override
    public boolean equals(Object o) {
      return o instanceof Named n && value.equals(n.value());
    }

    @Override
    public int hashCode() {
      return (127 * "value".hashCode()) ^ value.hashCode();
    }

    @Override
    public String toString() {
      return "@jakarta.inject.Named(\"" + value + "\")";
    }
  }
}
