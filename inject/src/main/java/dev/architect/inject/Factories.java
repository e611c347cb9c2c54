package dev.architect.inject;

import static java.lang.constant.ConstantDescs.BSM_CLASS_DATA_AT;
import static java.lang.constant.ConstantDescs.CD_MethodHandle;
import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.DEFAULT_NAME;
import static java.lang.constant.ConstantDescs.INIT_NAME;
import static java.lang.constant.ConstantDescs.MTD_void;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessFlag;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Compiles the way to construct a class into a hidden class, so that getting an instance runs plain
 * bytecode that the JIT inlines from end to end:
 *
 * <pre>{@code
 * final class Factory$Engine implements Supplier {
 *   final Supplier d0, d1;                          // the dependencies, given per container
 *   public Object get() {
 *     Object o = NEW.invokeExact(d0.get());          // NEW, INJECT_0, POST_0 are constants
 *     INJECT_0.invokeExact(o, d1.get());             // (loaded with ldc from the class data)
 *     POST_0.invokeExact(o);
 *     return o;
 *   }
 * }
 * }</pre>
 *
 * The method handles are constants of the class, not fields of an instance, which is what lets the JIT
 * treat them as direct calls. Each dependency call site sees one factory class in practice, so it is
 * inlined too. A class is compiled once per JVM and shared by every container (the dependencies differ
 * per container; the bytecode does not).
 */
final class Factories {
  private static final MethodHandles.Lookup OWN = MethodHandles.lookup();
  private static final ClassDesc CD_Supplier = ClassDesc.of(Supplier.class.getName());
  private static final MethodTypeDesc MTD_get = MethodTypeDesc.of(CD_Object);
  private static final ClassValue<Template> TEMPLATES = new ClassValue<>() {
    @Override
    protected Template computeValue(Class<?> type) {
      InjectionPlan plan = InjectionPlan.of(type);
      MethodHandle constructor;
      try {
        constructor = Invokers.privateLookup(type).unreflectConstructor(plan.constructor);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot call " + plan.constructor + ": " + e.getMessage(), e);
      }
      return define(plan, constructor);
    }
  };

  private Factories() {}

  /** A compiled factory class; {@link #instantiate} binds it to one container's dependencies. */
  record Template(MethodHandle constructor) {
    @SuppressWarnings("unchecked")
    <T> Supplier<T> instantiate(Supplier<?>[] dependencies) {
      try {
        return (Supplier<T>) (Supplier<?>) constructor.invokeExact(dependencies);
      } catch (Throwable t) {
        throw Invokers.sneaky(t);
      }
    }
  }

  /** The shared template for constructing {@code plan.type} itself. */
  static Template template(InjectionPlan plan) {
    return TEMPLATES.get(plan.type);
  }

  /**
   * A template that constructs through {@code constructor} (for example a proxy's, whose parameters
   * are those of {@code plan.constructor}) and then injects {@code plan}'s members.
   */
  static Template define(InjectionPlan plan, MethodHandle constructor) {
    List<MethodHandle> handles = new ArrayList<>();
    handles.add(constructor.asType(constructor.type().generic()));
    List<Integer> arities = new ArrayList<>();
    for (InjectionPlan.Step step : plan.steps) {
      MethodHandle handle = step.member() instanceof Field f ? Invokers.unreflectSetter(f)
          : Invokers.unreflect((Method) step.member());
      handles.add(handle.asType(MethodType.genericMethodType(handle.type().parameterCount()).changeReturnType(void.class)));
      arities.add(step.keys().size());
    }
    for (Method m : plan.postConstruct) {
      handles.add(Invokers.unreflect(m).asType(MethodType.methodType(void.class, Object.class)));
    }
    String name = Factories.class.getPackageName() + ".Factory$" + nameOf(plan.type);
    byte[] bytes = generate(ClassDesc.of(name), plan.constructorKeys.size(), arities, plan.postConstruct.size());
    try {
      MethodHandles.Lookup factory = OWN.defineHiddenClassWithClassData(bytes, List.copyOf(handles), true);
      MethodHandle init = factory.findConstructor(factory.lookupClass(),
          MethodType.methodType(void.class, Supplier[].class));
      return new Template(init.asType(MethodType.methodType(Supplier.class, Supplier[].class)));
    } catch (IllegalAccessException | NoSuchMethodException e) {
      throw new IllegalStateException("cannot define the factory of " + plan.type.getName() + ": " + e, e);
    }
  }

  private static String nameOf(Class<?> type) {
    String simple = type.getSimpleName();
    return simple.isEmpty() || !Character.isJavaIdentifierStart(simple.charAt(0)) ? "Anonymous" : simple;
  }

  private static byte[] generate(ClassDesc self, int constructorArity, List<Integer> stepArities, int posts) {
    int dependencyCount = constructorArity + stepArities.stream().mapToInt(Integer::intValue).sum();
    return ClassFile.of().build(self, cls -> {
      cls.withFlags(AccessFlag.FINAL, AccessFlag.SYNTHETIC);
      cls.withInterfaceSymbols(CD_Supplier);
      for (int i = 0; i < dependencyCount; i++) {
        cls.withField("d" + i, CD_Supplier, ClassFile.ACC_PRIVATE | ClassFile.ACC_FINAL);
      }
      cls.withMethodBody(INIT_NAME, MethodTypeDesc.of(CD_void, CD_Supplier.arrayType()), ClassFile.ACC_PUBLIC,
          code -> {
            code.aload(0).invokespecial(CD_Object, INIT_NAME, MTD_void);
            for (int i = 0; i < dependencyCount; i++) {
              code.aload(0).aload(1).loadConstant(i).aaload().putfield(self, "d" + i, CD_Supplier);
            }
            code.return_();
          });
      cls.withMethodBody("get", MTD_get, ClassFile.ACC_PUBLIC, code -> {
        int handle = 0;
        int dependency = 0;
        loadHandle(code, handle++);
        for (int i = 0; i < constructorArity; i++) {
          loadDependency(code, self, dependency++);
        }
        code.invokevirtual(CD_MethodHandle, "invokeExact", objectsTo(CD_Object, constructorArity));
        code.astore(1);
        for (int arity : stepArities) {
          loadHandle(code, handle++);
          code.aload(1);
          for (int i = 0; i < arity; i++) {
            loadDependency(code, self, dependency++);
          }
          code.invokevirtual(CD_MethodHandle, "invokeExact", objectsTo(CD_void, arity + 1));
        }
        for (int i = 0; i < posts; i++) {
          loadHandle(code, handle++);
          code.aload(1).invokevirtual(CD_MethodHandle, "invokeExact", objectsTo(CD_void, 1));
        }
        code.aload(1).areturn();
      });
    });
  }

  static void loadHandle(CodeBuilder code, int index) {
    code.ldc(DynamicConstantDesc.ofNamed(BSM_CLASS_DATA_AT, DEFAULT_NAME, CD_MethodHandle, index));
  }

  private static void loadDependency(CodeBuilder code, ClassDesc self, int index) {
    code.aload(0).getfield(self, "d" + index, CD_Supplier)
        .invokeinterface(CD_Supplier, "get", MTD_get);
  }

  static MethodTypeDesc objectsTo(ClassDesc returnType, int count) {
    ClassDesc[] parameters = new ClassDesc[count];
    Arrays.fill(parameters, CD_Object);
    return MethodTypeDesc.of(returnType, parameters);
  }
}
