package dev.architect.inject;

import static java.lang.constant.ConstantDescs.BSM_CLASS_DATA_AT;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.DEFAULT_NAME;
import static java.lang.constant.ConstantDescs.INIT_NAME;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessFlag;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Generates interception proxies: a hidden subclass of the intercepted class, defined in its package
 * (and nest, so it may call a private constructor), that overrides each intercepted method:
 *
 * <pre>{@code
 * final class Service$$Proxy extends Service {
 *   Service$$Proxy(Repository r) { super(r); }
 *   public Order place(Order o) { return (Order) HANDLER_0.apply(this, new Object[] {o}); }
 *   private Order super$0(Order o) { return super.place(o); }   // what proceed() ends with
 * }
 * }</pre>
 *
 * The handlers are constants of the class (its class data), so no field has to be set before the
 * super constructor runs: a method the constructor calls is intercepted like any other.
 */
final class Proxies {
  private static final ClassDesc CD_BiFunction = ClassDesc.of(BiFunction.class.getName());
  private static final MethodTypeDesc MTD_apply = MethodTypeDesc.of(CD_Object, CD_Object, CD_Object);

  private Proxies() {}

  /** A defined proxy class and its constructor, which takes the intercepted class's constructor parameters. */
  record Proxy(Class<?> type, MethodHandle constructor) {}

  static Proxy define(InjectionPlan plan, Interceptors.Plan interception) {
    Class<?> type = plan.type;
    List<Interceptors.Handler> handlers = new ArrayList<>();
    for (int i = 0; i < interception.methods().size(); i++) {
      handlers.add(new Interceptors.Handler(interception.methods().get(i), interception.chains().get(i)));
    }
    ClassDesc superclass = desc(type);
    ClassDesc self = ClassDesc.of(type.getName() + "$$Proxy");
    Class<?>[] constructorParameters = plan.constructor.getParameterTypes();
    byte[] bytes = ClassFile.of().build(self, cls -> {
      cls.withFlags(AccessFlag.FINAL, AccessFlag.SYNTHETIC);
      cls.withSuperclass(superclass);
      MethodTypeDesc constructorType = methodDesc(void.class, constructorParameters);
      cls.withMethodBody(INIT_NAME, constructorType, ClassFile.ACC_PUBLIC, code -> {
        code.aload(0);
        loadParameters(code, constructorParameters);
        code.invokespecial(superclass, INIT_NAME, constructorType);
        code.return_();
      });
      for (int i = 0; i < handlers.size(); i++) {
        Method m = handlers.get(i).method;
        int index = i;
        MethodTypeDesc methodType = methodDesc(m.getReturnType(), m.getParameterTypes());
        int access = m.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED);
        cls.withMethodBody(m.getName(), methodType, access, code -> {
          code.ldc(DynamicConstantDesc.ofNamed(BSM_CLASS_DATA_AT, DEFAULT_NAME, CD_BiFunction, index));
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
      }
    });
    try {
      MethodHandles.Lookup proxy = Invokers.privateLookup(type)
          .defineHiddenClassWithClassData(bytes, List.copyOf(handlers), true, MethodHandles.Lookup.ClassOption.NESTMATE);
      for (int i = 0; i < handlers.size(); i++) {
        Method m = handlers.get(i).method;
        MethodHandle superCall = proxy.findVirtual(proxy.lookupClass(), "super$" + i,
            MethodType.methodType(m.getReturnType(), m.getParameterTypes()));
        handlers.get(i).superCall = superCall.asSpreader(Object[].class, m.getParameterCount())
            .asType(MethodType.methodType(Object.class, Object.class, Object[].class));
      }
      MethodHandle constructor = proxy.findConstructor(proxy.lookupClass(),
          MethodType.methodType(void.class, constructorParameters));
      return new Proxy(proxy.lookupClass(), constructor);
    } catch (IllegalAccessException | NoSuchMethodException e) {
      throw new IllegalStateException("cannot define the proxy of " + type.getName() + ": " + e, e);
    }
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

  private static void returnAs(CodeBuilder code, Class<?> type) {
    if (type == void.class) {
      code.pop().return_();
    } else if (type.isPrimitive()) {
      Class<?> wrapper = Types.wrap(type);
      code.checkcast(desc(wrapper))
          .invokevirtual(desc(wrapper), type.getName() + "Value", MethodTypeDesc.of(desc(type)))
          .return_(TypeKind.from(type));
    } else {
      if (type != Object.class) {
        code.checkcast(desc(type));
      }
      code.areturn();
    }
  }

}
