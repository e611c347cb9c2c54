package dev.architect.bench;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the contenders of the benchmark groups in a class, for {@link Report}.
 *
 * <p>Benchmark methods are named {@code group_contender} ({@code getInstance_architect},
 * {@code getInstance_guice}, ...). The report puts the contenders of one group side by side, in the
 * order given here, and states how the {@link #subject()} compares with each anchor. A contender not
 * listed is shown after the listed ones.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Contenders {
  /** The contender being measured: Architect's own code. */
  String subject() default "architect";

  /** The contenders it is compared with, in the order the table shows them. */
  String[] anchors();
}
