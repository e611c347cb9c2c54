package dev.architect.bench.inject;

import com.google.inject.Guice;
import dev.architect.bench.Contenders;
import dev.architect.inject.Container;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Building a fresh container and getting the first {@link Graph.A} from it, per invocation: what
 * start-up and every test that builds its own container pay. Dagger did its work at compile time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Contenders(anchors = {"guice", "dagger"})
public class CreateBenchmark {
  @Benchmark
  public Graph.A create_architect() {
    // Not closed, like the Guice injector: without singletons there is nothing to release.
    return Container.create().getInstance(Graph.A.class);
  }

  @Benchmark
  public Graph.A create_guice() {
    return Guice.createInjector().getInstance(Graph.A.class);
  }

  @Benchmark
  public Graph.A create_dagger() {
    return DaggerGraphComponent.create().a();
  }
}
