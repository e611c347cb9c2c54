package dev.architect.inject;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Method handles for the members the container calls, and the slow-path calls made with them (provider
 * methods, member injection of existing objects, lifecycle). Constructed objects go through
 * {@link Factories} instead, which compiles the same handles into a class.
 */
final class Invokers {
  private static final MethodHandles.Lookup OWN = MethodHandles.lookup();

  private Invokers() {}

  /**
   * A lookup with private access to {@code type}, as JSR-330's private injection needs.
   *
   * @throws IllegalStateException naming the package to open when the module does not allow it
   */
  static MethodHandles.Lookup privateLookup(Class<?> type) {
    java.lang.Module target = type.getModule();
    Invokers.class.getModule().addReads(target);
    try {
      return MethodHandles.privateLookupIn(type, OWN);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot reach " + type.getName() + ": " + (target.isNamed()
          ? "module " + target.getName() + " must open package " + type.getPackageName() + " to dev.architect.inject"
          : e.getMessage()), e);
    }
  }


  static MethodHandle unreflect(Method m) {
    try {
      return privateLookup(m.getDeclaringClass()).unreflect(m);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + m + ": " + e.getMessage(), e);
    }
  }

  static MethodHandle unreflectSetter(Field f) {
    try {
      return privateLookup(f.getDeclaringClass()).unreflectSetter(f);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot set " + f + ": " + e.getMessage(), e);
    }
  }

  /** {@code (Object[] arguments) -> Object} calling the provider method on its module. */
  static MethodHandle providerMethod(Object module, Method m) {
    MethodHandle handle = unreflect(m);
    if (!Modifier.isStatic(m.getModifiers())) {
      handle = handle.bindTo(module);
    }
    return handle.asSpreader(Object[].class, m.getParameterCount())
        .asType(MethodType.methodType(Object.class, Object[].class));
  }

  static Object invoke(MethodHandle spread, Supplier<?>[] arguments) {
    Object[] values = new Object[arguments.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = arguments[i].get();
    }
    try {
      return (Object) spread.invokeExact(values);
    } catch (Throwable t) {
      throw sneaky(t);
    }
  }

  static void invokeLifecycle(Method m, Object instance) throws Throwable {
    unreflect(m).invoke(instance);
  }

  /** Injects one field or method of a target (null for statics), taking its values from the suppliers. */
  @FunctionalInterface
  interface MemberInjector {
    /** Injects, reading suppliers from {@code offset}; returns the offset of the next member's values. */
    int inject(Object target, Supplier<?>[] suppliers, int offset);
  }

  static List<MemberInjector> memberInjectors(InjectionPlan plan) {
    List<MemberInjector> injectors = new ArrayList<>();
    for (InjectionPlan.Step step : plan.steps) {
      boolean isStatic = Modifier.isStatic(step.member().getModifiers());
      int count = step.keys().size();
      MethodHandle handle = step.member() instanceof Field f ? unreflectSetter(f) : unreflect((Method) step.member());
      MethodHandle spread = handle.asSpreader(Object[].class, count).asType(isStatic
          ? MethodType.methodType(void.class, Object[].class)
          : MethodType.methodType(void.class, Object.class, Object[].class));
      injectors.add((target, suppliers, offset) -> {
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
          values[i] = suppliers[offset + i].get();
        }
        try {
          if (isStatic) {
            spread.invokeExact(values);
          } else {
            spread.invokeExact(target, values);
          }
        } catch (Throwable t) {
          throw sneaky(t);
        }
        return offset + count;
      });
    }
    return injectors;
  }

  /** Rethrows any throwable unchanged, checked or not: the container reports it where it is caught. */
  @SuppressWarnings("unchecked")
  static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
    throw (E) t;
  }
}
