package dev.architect.bench.inject;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the methods the interception benchmark intercepts. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Intercepted {}
