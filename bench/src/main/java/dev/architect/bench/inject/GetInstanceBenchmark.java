package dev.architect.bench.inject;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.architect.bench.Contenders;
import dev.architect.inject.Container;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Getting an unscoped {@link Graph.A} (six objects) from a container that is already built: the cost
 * an application pays on every injection at run time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Contenders(anchors = {"guice", "dagger", "new"})
public class GetInstanceBenchmark {
  private Container container;
  private Injector injector;
  private GraphComponent component;

  @Setup
  public void setUp() {
    container = Container.create();
    injector = Guice.createInjector();
    component = DaggerGraphComponent.create();
  }

  @TearDown
  public void tearDown() {
    container.close();
  }

  @Benchmark
  public Graph.A getInstance_architect() {
    return container.getInstance(Graph.A.class);
  }

  @Benchmark
  public Graph.A getInstance_guice() {
    return injector.getInstance(Graph.A.class);
  }

  @Benchmark
  public Graph.A getInstance_dagger() {
    return component.a();
  }

  @Benchmark
  public Graph.A getInstance_new() {
    return Graph.newA();
  }
}
