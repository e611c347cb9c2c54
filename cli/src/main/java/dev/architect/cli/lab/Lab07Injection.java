package dev.architect.cli.lab;

import dev.architect.inject.Binding;
import dev.architect.inject.ConfigurationException;
import dev.architect.inject.Container;
import dev.architect.inject.Key;
import dev.architect.inject.MethodInterceptor;
import dev.architect.inject.PostConstruct;
import dev.architect.inject.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Qualifier;
import java.io.PrintWriter;
import java.lang.invoke.MethodHandles;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lab 07, the counterpart of PHP's reflection, attributes and DI containers: reads a class's
 * injection annotations by reflection, lets {@code dev.architect.inject} autowire a small service
 * graph and prints it, intercepts calls through a generated hidden-class proxy, and shows the error a
 * missing binding produces.
 */
public final class Lab07Injection implements Lab {
  /** The annotations this lab binds interceptors to. */
  private static final Set<Class<? extends Annotation>> INTERCEPTOR_BINDINGS = Set.of(Shop.Timed.class);

  @Override
  public int number() {
    return 7;
  }

  @Override
  public String title() {
    return "Reflection, annotations, DI and proxies";
  }

  @Override
  public void run(PrintWriter out) {
    annotations(out, Shop.OrderService.class);

    MethodInterceptor timing = timingInterceptor(out);
    Shop.InMemoryOrderRepository repository;
    try (Container container = Container.create(
        new Shop.ShopModule(out),
        binder -> {
          binder.bindInterceptor(Shop.Timed.class, timing);
          // On the module path this lets the proxies be hidden classes nested in the shop's classes.
          binder.grantAccess(MethodHandles.lookup());
        })) {
      graph(out, container, Key.of(Shop.OrderService.class));
      repository = (Shop.InMemoryOrderRepository) container.getInstance(Shop.OrderRepository.class);
      interception(out, container);
    }
    out.println();
    out.println("  container closed; @PreDestroy closed the repository: " + repository.isClosed());

    missingBinding(out);
  }

  /** (1) What the container will read, read here with plain reflection. */
  private static void annotations(PrintWriter out, Class<?> type) {
    header(out, "1. Annotations, read by reflection");
    // The annotated members, written back as source: constructors, fields, then methods by name.
    List<AnnotatedElement> members = new ArrayList<>();
    members.addAll(Arrays.asList(type.getDeclaredConstructors()));
    Arrays.stream(type.getDeclaredFields()).sorted(Comparator.comparing(Field::getName)).forEach(members::add);
    Arrays.stream(type.getDeclaredMethods()).filter(method -> !method.isSynthetic())
        .sorted(Comparator.comparing(Method::getName)).forEach(members::add);
    members.removeIf(member -> member.getAnnotations().length == 0);

    out.println("  " + annotations(type));
    out.println("  class " + typeName(type) + " {");
    for (AnnotatedElement member : members) {
      out.println("    " + annotations(member) + " " + declaration(member));
    }
    out.println("  }");

    // What each annotation means to a JSR-330 container, found through its meta-annotations.
    List<String> injected = new ArrayList<>();
    List<String> qualifiers = new ArrayList<>();
    List<String> lifecycle = new ArrayList<>();
    List<String> intercepted = new ArrayList<>();
    for (AnnotatedElement member : members) {
      String name = name(member);
      if (member.isAnnotationPresent(Inject.class)) {
        injected.add(kind(member) + " " + name);
      }
      if (member instanceof Executable executable) {
        for (Parameter parameter : executable.getParameters()) {
          for (Annotation annotation : parameter.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(Qualifier.class)) {
              qualifiers.add(annotation(annotation) + " on parameter " + parameter.getName() + " of " + name);
            }
          }
        }
      }
      for (Annotation annotation : member.getAnnotations()) {
        Class<? extends Annotation> annotationType = annotation.annotationType();
        if (annotationType.isAnnotationPresent(Qualifier.class)) {
          qualifiers.add(annotation(annotation) + " on " + name);
        } else if (annotationType == PostConstruct.class || annotationType == PreDestroy.class) {
          lifecycle.add(annotation(annotation) + " " + name);
        } else if (INTERCEPTOR_BINDINGS.contains(annotationType)) {
          intercepted.add(annotation(annotation) + " " + name);
        }
      }
    }
    List<String> scopes = Arrays.stream(type.getAnnotations())
        .filter(annotation -> annotation.annotationType().isAnnotationPresent(jakarta.inject.Scope.class))
        .map(Lab07Injection::annotation).toList();
    out.println();
    summary(out, "injection points", injected);
    summary(out, "qualifiers", qualifiers);
    summary(out, "scope", scopes.isEmpty() ? List.of("none (a new instance per injection)") : scopes);
    summary(out, "lifecycle", lifecycle);
    summary(out, "interceptor bindings", intercepted);
  }

  private static void summary(PrintWriter out, String label, List<String> items) {
    out.printf(Locale.ROOT, "  %-21s %s%n", label + ":", items.isEmpty() ? "none" : String.join(", ", items));
  }

  private static String declaration(AnnotatedElement member) {
    return switch (member) {
      case Constructor<?> constructor -> signature(constructor);
      case Method method -> typeName(method.getGenericReturnType()) + " " + signature(method);
      case Field field -> typeName(field.getGenericType()) + " " + field.getName();
      default -> member.toString();
    };
  }

  private static String kind(AnnotatedElement member) {
    return switch (member) {
      case Constructor<?> constructor -> "constructor";
      case Method method -> "method";
      case Field field -> "field";
      default -> "element";
    };
  }

  private static String name(AnnotatedElement member) {
    return switch (member) {
      case Constructor<?> constructor -> constructor.getDeclaringClass().getSimpleName() + "(...)";
      case Method method -> method.getName() + "()";
      case Field field -> field.getName();
      default -> member.toString();
    };
  }

  /** (2) The graph the container autowired, read back from its bindings. */
  private static void graph(PrintWriter out, Container container, Key<?> root) {
    header(out, "2. Autowiring: the graph behind " + root);
    tree(out, container, root, "  ", "", new ArrayDeque<>());
    Shop.OrderService service = container.getInstance(Shop.OrderService.class);
    out.println();
    out.println("  @PostConstruct ran after injection: " + service.isReady());
    out.println("  plugins injected into the field, in binding order: " + service.plugins.stream()
        .map(plugin -> plugin.getClass().getSimpleName()).collect(Collectors.joining(", ")));
  }

  private static void tree(PrintWriter out, Container container, Key<?> key, String indent, String branch,
      Deque<Key<?>> path) {
    Binding<?> binding = container.getBinding(key);
    boolean cycle = path.contains(key);
    out.println(indent + branch + key + "  [" + describe(binding) + "]" + (cycle ? " (cycle)" : ""));
    if (cycle) {
      return;
    }
    path.push(key);
    String childIndent = indent + switch (branch) {
      case "" -> "";
      case "`-- " -> "    ";
      default -> "|   ";
    };
    List<Key<?>> dependencies = binding.dependencies();
    for (int i = 0; i < dependencies.size(); i++) {
      String childBranch = i == dependencies.size() - 1 ? "`-- " : "|-- ";
      if (binding.kind() == Binding.Kind.MULTIBINDING) {
        // An element is listed under the element type, which names the set, not the element's own
        // binding: Container.getBinding cannot look it up, so the tree stops here.
        out.println(childIndent + childBranch + dependencies.get(i) + "  [element " + (i + 1) + "]");
      } else {
        tree(out, container, dependencies.get(i), childIndent, childBranch, path);
      }
    }
    path.pop();
  }

  private static String describe(Binding<?> binding) {
    String text = binding.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", " + binding.scope();
    Class<?> constructed = binding.constructedClass();
    return constructed != null && constructed.isHidden() ? text + ", proxied" : text;
  }

  /** (3) A timing interceptor, bound to {@code @Timed}, around the calls of a generated proxy. */
  private static void interception(PrintWriter out, Container container) {
    header(out, "3. Interception through a generated proxy");
    Shop.OrderService service = container.getInstance(Shop.OrderService.class);
    Class<?> proxy = service.getClass();
    out.println("  instance class:  " + proxy.getName());
    out.println("  superclass:      " + proxy.getSuperclass().getName());
    out.println("  hidden class:    " + proxy.isHidden());
    out.println("  same singleton:  " + (service == container.getInstance(Shop.OrderService.class)));
    out.println();
    out.println("  calls (the timing interceptor prints one line per call):");
    service.place("coffee", 2);
    service.place("tea", 1);
    service.place("coffee", 3);
    try {
      service.place("cake", 50);
    } catch (IllegalArgumentException expected) {
      // The interceptor saw and printed it; the caller gets the method's own exception.
    }
    service.totalQuantity();
    out.println();
    out.println("  the audit plugin saw " + container.getInstance(Shop.AuditTrail.class).seen() + " orders");
  }

  private static MethodInterceptor timingInterceptor(PrintWriter out) {
    return call -> {
      String text = call.method().getName() + Arrays.stream(call.arguments())
          .map(argument -> argument instanceof String s ? '"' + s + '"' : String.valueOf(argument))
          .collect(Collectors.joining(", ", "(", ")"));
      long start = System.nanoTime();
      try {
        Object result = call.proceed();
        out.printf(Locale.ROOT, "  @Timed %8.1f us  %s -> %s%n", micros(start), text, result);
        return result;
      } catch (Throwable t) {
        out.printf(Locale.ROOT, "  @Timed %8.1f us  %s threw %s: %s%n", micros(start), text,
            t.getClass().getSimpleName(), t.getMessage());
        throw t;
      }
    };
  }

  private static double micros(long start) {
    return (System.nanoTime() - start) / 1_000.0;
  }

  /** (4) What a container says when a binding is missing. */
  private static void missingBinding(PrintWriter out) {
    header(out, "4. A missing binding");
    out.println("  Container.create(binder -> binder.bind(Checkout.class)), and nothing binds PaymentGateway:");
    try (Container broken = Container.create(binder -> binder.bind(Shop.Checkout.class))) {
      broken.getInstance(Shop.Checkout.class);
      out.println("  no error: the container built a Checkout without a PaymentGateway");
    } catch (ConfigurationException e) {
      int problems = e.problems().size();
      out.println("  ConfigurationException (" + (problems == 1 ? "1 problem" : problems + " problems, all reported at once")
          + "):");
      e.getMessage().lines().forEach(line -> out.println("    " + line));
    }
  }

  private static void header(PrintWriter out, String title) {
    out.println();
    out.println("== " + title);
  }

  private static String signature(Executable executable) {
    String name = executable instanceof Constructor<?> ? executable.getDeclaringClass().getSimpleName()
        : executable.getName();
    return name + Arrays.stream(executable.getParameters()).map(Lab07Injection::parameter)
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private static String parameter(Parameter parameter) {
    String annotations = Arrays.stream(parameter.getAnnotations()).map(Lab07Injection::annotation)
        .collect(Collectors.joining(" "));
    return (annotations.isEmpty() ? "" : annotations + " ") + typeName(parameter.getParameterizedType()) + " "
        + parameter.getName();
  }

  private static String annotations(AnnotatedElement element) {
    return Arrays.stream(element.getAnnotations()).map(Lab07Injection::annotation).collect(Collectors.joining(" "));
  }

  /** {@code @Named("currency")} rather than {@code @jakarta.inject.Named("currency")}. */
  private static String annotation(Annotation annotation) {
    String text = annotation.toString();
    int paren = text.indexOf('(');
    String arguments = paren < 0 || text.endsWith("()") ? "" : text.substring(paren);
    return "@" + annotation.annotationType().getSimpleName() + arguments;
  }

  private static String typeName(Type type) {
    return switch (type) {
      case Class<?> c -> c.getSimpleName();
      case ParameterizedType p -> typeName(p.getRawType()) + Arrays.stream(p.getActualTypeArguments())
          .map(Lab07Injection::typeName).collect(Collectors.joining(", ", "<", ">"));
      default -> type.getTypeName();
    };
  }
}
