package dev.architect.inject;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link Module} class as a provider method: its return type (with the method's
 * qualifier) is bound to what it returns; its parameters are injected. A scope annotation on the
 * method scopes the binding.
 *
 * <pre>{@code
 * @Provides @Singleton DataSource dataSource(Config config) { return ...; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Provides {}
