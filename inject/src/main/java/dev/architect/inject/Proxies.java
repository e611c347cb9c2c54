package dev.architect.inject;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.INIT_NAME;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessFlag;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * Generates interception proxies: a subclass of the intercepted class, defined in its package, that
 * overrides each intercepted method:
 *
 * <pre>{@code
 * final class Service$$Proxy extends Service {
 *   private final BiFunction[] handlers;
 *   Service$$Proxy(Repository r, BiFunction[] handlers) { this.handlers = handlers; super(r); }
 *   public Order place(Order o) { return (Order) handlers[0].apply(this, new Object[] {o}); }
 *   private Order super$0(Order o) { return super.place(o); }   // what proceed() ends with,
 *   static Object invoke$0(Object self, Object[] a) { return ((Service$$Proxy) self).super$0((Order) a[0]); }
 * }
 * }</pre>
 *
 * The handlers are stored before the super constructor runs, so a method the constructor calls is
 * intercepted like any other. Since the handlers come per instance, one proxy class serves every
 * container: it is generated once per class and set of intercepted methods.
 *
 * <p>When the container has full access to the class's module (the class path, or the same module),
 * the proxy is a hidden class in the class's nest, so even a private constructor can be called. A
 * package of another named module that is only opened to the container gives package access, not
 * full access: the proxy is then an ordinary class of that package, defined through the lookup, and
 * the intercepted class needs a non-private constructor.
 */
final class Proxies {
  private static final ClassDesc CD_BiFunction = ClassDesc.of(BiFunction.class.getName());
  private static final ClassDesc CD_BiFunctions = CD_BiFunction.arrayType();
  private static final MethodTypeDesc MTD_apply = MethodTypeDesc.of(CD_Object, CD_Object, CD_Object);
  private static final String HANDLERS = "handlers";
  private static final MethodType BRIDGE_TYPE = MethodType.methodType(Object.class, Object.class, Object[].class);
  private static final MethodTypeDesc MTD_bridge = MethodTypeDesc.of(CD_Object, CD_Object, CD_Object.arrayType());
  private static final AtomicLong ORDINARY_NAMES = new AtomicLong();
  private static final ClassValue<Map<List<Method>, ProxyClass>> CLASSES = new ClassValue<>() {
    @Override
    protected Map<List<Method>, ProxyClass> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  private Proxies() {}

  /**
   * A defined proxy class: its constructor takes the intercepted class's constructor parameters and
   * then the handlers; {@code superCalls[i]} calls the original of intercepted method {@code i}.
   */
  private record ProxyClass(Class<?> type, MethodHandle constructor, List<BiFunction<Object, Object[], Object>> superCalls) {}

  /** The proxy to construct, and a constructor handle taking the intercepted class's parameters. */
  record Proxy(Class<?> type, MethodHandle constructor) {}

  /**
   * The proxy for {@code plan.type} with {@code interception}'s handlers.
   *
   * @param granted a full-privilege lookup in the class's module, or null
   */
  static Proxy define(InjectionPlan plan, Interceptors.Plan interception, MethodHandles.Lookup granted) {
    return instantiate(plan, interception,
        CLASSES.get(plan.type).computeIfAbsent(interception.methods(), m -> generate(plan, m, granted, true)));
  }

  /** An ordinary (not hidden, not cached) proxy, as in a module that grants package access only: for tests. */
  static Proxy defineOrdinary(InjectionPlan plan, Interceptors.Plan interception) {
    return instantiate(plan, interception, generate(plan, interception.methods(), null, false));
  }

  private static Proxy instantiate(InjectionPlan plan, Interceptors.Plan interception, ProxyClass proxy) {
    List<Method> methods = interception.methods();
    BiFunction<?, ?, ?>[] handlers = new BiFunction<?, ?, ?>[methods.size()];
    for (int i = 0; i < handlers.length; i++) {
      handlers[i] = new Interceptors.Handler(methods.get(i), interception.chains().get(i), proxy.superCalls().get(i));
    }
    MethodHandle constructor = MethodHandles.insertArguments(proxy.constructor(),
        plan.constructor.getParameterCount(), (Object) handlers);
    return new Proxy(proxy.type(), constructor);
  }

  private static ProxyClass generate(InjectionPlan plan, List<Method> methods, MethodHandles.Lookup granted,
      boolean hiddenIfAllowed) {
    Class<?> type = plan.type;
    MethodHandles.Lookup target;
    try {
      target = granted != null ? MethodHandles.privateLookupIn(type, granted) : Invokers.privateLookup(type);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot reach " + type.getName() + " with the granted lookup: " + e, e);
    }
    boolean hidden = hiddenIfAllowed && target.hasFullPrivilegeAccess();
    if (!hidden && Modifier.isPrivate(plan.constructor.getModifiers())) {
      throw new IllegalStateException("its constructor is private, and module " + type.getModule().getName()
          + " gives the container package access only (call Binder.grantAccess(MethodHandles.lookup()) in it)");
    }
    String name = type.getName() + "$$Proxy" + (hidden ? "" : "$" + ORDINARY_NAMES.incrementAndGet());
    byte[] bytes = bytecode(ClassDesc.of(name), type, plan.constructor.getParameterTypes(), methods);
    try {
      MethodHandles.Lookup proxy = hidden
          ? target.defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE)
          : Invokers.privateLookup(target.defineClass(bytes));
      Class<?> proxyType = proxy.lookupClass();
      List<BiFunction<Object, Object[], Object>> superCalls = new ArrayList<>();
      for (int i = 0; i < methods.size(); i++) {
        MethodHandle bridge = proxy.findStatic(proxyType, "invoke$" + i, BRIDGE_TYPE);
        superCalls.add(hidden ? spin(proxy, bridge) : (self, arguments) -> {
          try {
            return (Object) bridge.invokeExact(self, arguments);
          } catch (Throwable t) {
            throw Invokers.sneaky(t);
          }
        });
      }
      MethodHandle constructor = proxy.findConstructor(proxyType, MethodType.methodType(void.class,
          constructorParameters(plan.constructor.getParameterTypes())));
      return new ProxyClass(proxyType, constructor, List.copyOf(superCalls));
    } catch (IllegalAccessException | NoSuchMethodException e) {
      throw new IllegalStateException("cannot define the proxy of " + type.getName() + ": " + e, e);
    }
  }

  /**
   * A function ({@code apply(target, arguments)}, a JDK interface since its class lives in the
   * intercepted class's package) whose class calls {@code bridge} directly (a lambda class nested with the proxy), so
   * the JIT inlines the original method into the interceptor chain; a method handle kept in a field
   * would stay an opaque call.
   */
  @SuppressWarnings("unchecked")
  private static BiFunction<Object, Object[], Object> spin(MethodHandles.Lookup proxy, MethodHandle bridge) {
    try {
      return (BiFunction<Object, Object[], Object>) LambdaMetafactory.metafactory(proxy, "apply",
          MethodType.methodType(BiFunction.class), BRIDGE_TYPE.generic(), bridge, BRIDGE_TYPE).getTarget().invoke();
    } catch (Throwable t) {
      throw new IllegalStateException("cannot link the original methods of " + proxy.lookupClass().getName(), t);
    }
  }

  private static Class<?>[] constructorParameters(Class<?>[] superParameters) {
    Class<?>[] parameters = Arrays.copyOf(superParameters, superParameters.length + 1);
    parameters[superParameters.length] = BiFunction[].class;
    return parameters;
  }

  private static byte[] bytecode(ClassDesc self, Class<?> type, Class<?>[] superParameters, List<Method> methods) {
    ClassDesc superclass = desc(type);
    return ClassFile.of().build(self, cls -> {
      cls.withFlags(AccessFlag.FINAL, AccessFlag.SYNTHETIC);
      cls.withSuperclass(superclass);
      cls.withField(HANDLERS, CD_BiFunctions, ClassFile.ACC_PRIVATE | ClassFile.ACC_FINAL);
      MethodTypeDesc superConstructor = methodDesc(void.class, superParameters);
      cls.withMethodBody(INIT_NAME, methodDesc(void.class, constructorParameters(superParameters)),
          ClassFile.ACC_PUBLIC, code -> {
            int handlersSlot = 1 + Arrays.stream(superParameters).mapToInt(p -> TypeKind.from(p).slotSize()).sum();
            // Stored before super(...): the super constructor may call an intercepted method.
            code.aload(0).aload(handlersSlot).putfield(self, HANDLERS, CD_BiFunctions);
            code.aload(0);
            loadParameters(code, superParameters);
            code.invokespecial(superclass, INIT_NAME, superConstructor);
            code.return_();
          });
      for (int i = 0; i < methods.size(); i++) {
        Method m = methods.get(i);
        int index = i;
        MethodTypeDesc methodType = methodDesc(m.getReturnType(), m.getParameterTypes());
        int access = m.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED);
        cls.withMethodBody(m.getName(), methodType, access, code -> {
          code.aload(0).getfield(self, HANDLERS, CD_BiFunctions).loadConstant(index).aaload();
          code.aload(0);
          Class<?>[] parameters = m.getParameterTypes();
          code.loadConstant(parameters.length).anewarray(CD_Object);
          int slot = 1;
          for (int p = 0; p < parameters.length; p++) {
            code.dup().loadConstant(p);
            TypeKind kind = TypeKind.from(parameters[p]);
            code.loadLocal(kind, slot);
            slot += kind.slotSize();
            box(code, parameters[p]);
            code.aastore();
          }
          code.invokeinterface(CD_BiFunction, "apply", MTD_apply);
          returnAs(code, m.getReturnType());
        });
        cls.withMethodBody("super$" + i, methodType, ClassFile.ACC_PRIVATE | ClassFile.ACC_SYNTHETIC, code -> {
          code.aload(0);
          loadParameters(code, m.getParameterTypes());
          code.invokespecial(superclass, m.getName(), methodType);
          code.return_(TypeKind.from(m.getReturnType()));
        });
        // static Object invoke$i(Object self, Object[] arguments): super$i with unpacked arguments, boxed result
        cls.withMethodBody("invoke$" + i, MTD_bridge, ClassFile.ACC_STATIC | ClassFile.ACC_SYNTHETIC, code -> {
          code.aload(0).checkcast(self);
          Class<?>[] parameters = m.getParameterTypes();
          for (int p = 0; p < parameters.length; p++) {
            code.aload(1).loadConstant(p).aaload();
            unbox(code, parameters[p]);
          }
          code.invokevirtual(self, "super$" + index, methodType);
          if (m.getReturnType() == void.class) {
            code.aconst_null();
          } else {
            box(code, m.getReturnType());
          }
          code.areturn();
        });
      }
    });
  }

  private static ClassDesc desc(Class<?> type) {
    return ClassDesc.ofDescriptor(type.descriptorString());
  }

  private static MethodTypeDesc methodDesc(Class<?> returnType, Class<?>[] parameters) {
    ClassDesc[] descs = new ClassDesc[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      descs[i] = desc(parameters[i]);
    }
    return MethodTypeDesc.of(desc(returnType), descs);
  }

  private static void loadParameters(CodeBuilder code, Class<?>[] parameters) {
    int slot = 1;
    for (Class<?> p : parameters) {
      TypeKind kind = TypeKind.from(p);
      code.loadLocal(kind, slot);
      slot += kind.slotSize();
    }
  }

  private static void box(CodeBuilder code, Class<?> type) {
    if (type.isPrimitive()) {
      Class<?> wrapper = Types.wrap(type);
      code.invokestatic(desc(wrapper), "valueOf", MethodTypeDesc.of(desc(wrapper), desc(type)));
    }
  }

  /** Converts the Object on the stack to {@code type}: a cast, or a cast and unboxing. */
  private static void unbox(CodeBuilder code, Class<?> type) {
    if (type.isPrimitive()) {
      Class<?> wrapper = Types.wrap(type);
      code.checkcast(desc(wrapper)).invokevirtual(desc(wrapper), type.getName() + "Value", MethodTypeDesc.of(desc(type)));
    } else if (type != Object.class) {
      code.checkcast(desc(type));
    }
  }

  private static void returnAs(CodeBuilder code, Class<?> type) {
    if (type == void.class) {
      code.pop().return_();
    } else {
      unbox(code, type);
      code.return_(TypeKind.from(type));
    }
  }

}
