package dev.architect.inject;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a no-argument method to call when the container closes, for the singletons it created, in
 * reverse creation order (subtype methods first). {@code jakarta.annotation.PreDestroy} is honoured the
 * same way when present. Unscoped instances are not tracked, so they get no call.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PreDestroy {}
