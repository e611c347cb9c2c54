package dev.architect.inject;

import jakarta.inject.Named;
import jakarta.inject.Qualifier;
import java.lang.annotation.Annotation;
import java.util.Objects;

/** Finds, checks and normalizes qualifier annotations. */
final class Qualifiers {
  private Qualifiers() {}

  static boolean isQualifier(Class<? extends Annotation> type) {
    return type.isAnnotationPresent(Qualifier.class);
  }

  static Class<? extends Annotation> checkType(Class<? extends Annotation> type) {
    Objects.requireNonNull(type, "qualifierType");
    if (!isQualifier(type)) {
      throw new IllegalArgumentException("qualifier must be annotated with @Qualifier, was @" + type.getName());
    }
    return type;
  }

  /** A marker qualifier (no attributes) becomes its type, so source and run-time instances match. */
  static Object normalize(Annotation qualifier) {
    Objects.requireNonNull(qualifier, "qualifier");
    Class<? extends Annotation> type = qualifier.annotationType();
    checkType(type);
    return type.getDeclaredMethods().length == 0 ? type : qualifier;
  }

  @SuppressWarnings("unchecked")
  static Class<? extends Annotation> typeOf(Object qualifier) {
    if (qualifier == null) {
      return null;
    }
    return qualifier instanceof Annotation a ? a.annotationType() : (Class<? extends Annotation>) qualifier;
  }

  /**
   * The single qualifier on {@code element}, or null.
   *
   * @throws IllegalArgumentException naming the element when it carries more than one
   */
  static Annotation find(Annotation[] annotations, String where) {
    Annotation found = null;
    for (Annotation a : annotations) {
      if (isQualifier(a.annotationType())) {
        if (found != null) {
          throw new IllegalArgumentException(where + " has more than one qualifier: " + describe(found) + " and "
              + describe(a));
        }
        found = a;
      }
    }
    return found;
  }

  static String describe(Object qualifier) {
    if (qualifier instanceof Named n) {
      return "@Named(\"" + n.value() + "\")";
    }
    if (qualifier instanceof Annotation a) {
      String text = a.toString();
      int paren = text.indexOf('(');
      return "@" + a.annotationType().getSimpleName() + (paren < 0 ? "" : text.substring(paren));
    }
    return "@" + ((Class<?>) qualifier).getSimpleName();
  }
}
