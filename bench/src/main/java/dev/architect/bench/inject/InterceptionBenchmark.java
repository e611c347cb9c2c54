package dev.architect.bench.inject;

import com.google.inject.Guice;
import com.google.inject.matcher.Matchers;
import dev.architect.bench.Contenders;
import dev.architect.inject.Container;
import java.util.concurrent.TimeUnit;
import org.aopalliance.intercept.MethodInterceptor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Calling a method through a pass-through interceptor ({@code invocation -> invocation.proceed()})
 * versus calling it directly: the overhead of the generated proxy and the invocation chain.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Contenders(anchors = {"direct", "guice"})
public class InterceptionBenchmark {
  private final Object request = new Object();
  private Service direct;
  private Container container;
  private Service architect;
  private Service guice;

  @Setup
  public void setUp() {
    direct = new Service();
    container = Container.create(binder -> binder.bindInterceptor(
        Intercepted.class, invocation -> invocation.proceed()));
    architect = container.getInstance(Service.class);
    MethodInterceptor passThrough = invocation -> invocation.proceed();
    guice = Guice.createInjector(binder -> binder.bindInterceptor(
        Matchers.any(), Matchers.annotatedWith(Intercepted.class), passThrough))
        .getInstance(Service.class);
    requireProxy("architect", architect);
    requireProxy("guice", guice);
  }

  @TearDown
  public void tearDown() {
    container.close();
  }

  private static void requireProxy(String contender, Service service) {
    if (service.getClass() == Service.class) {
      throw new IllegalStateException(contender + " did not intercept " + Service.class.getName());
    }
  }

  @Benchmark
  public Object interception_architect() {
    return architect.handle(request);
  }

  @Benchmark
  public Object interception_direct() {
    return direct.handle(request);
  }

  @Benchmark
  public Object interception_guice() {
    return guice.handle(request);
  }
}
