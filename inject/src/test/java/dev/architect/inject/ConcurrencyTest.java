package dev.architect.inject;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;

/** First use of singletons and just-in-time bindings from thousands of virtual threads at once. */
class ConcurrencyTest {
  static final AtomicInteger CREATED = new AtomicInteger();

  @Singleton
  static class Expensive {
    @Inject
    Expensive(Dependency dependency) {
      CREATED.incrementAndGet();
      Thread.yield(); // widen the window in which other threads arrive
    }
  }

  static class Dependency {}

  static class Consumer {
    final Expensive expensive;

    @Inject
    Consumer(Expensive expensive) {
      this.expensive = expensive;
    }
  }

  @RepeatedTest(5)
  void concurrentFirstUseCreatesExactlyOneSingleton() throws Exception {
    CREATED.set(0);
    Container container = Container.create();
    int threads = 5_000;
    CountDownLatch start = new CountDownLatch(1);
    Set<Object> seen = ConcurrentHashMap.newKeySet();
    List<Future<?>> futures = new ArrayList<>();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < threads; i++) {
        boolean direct = i % 2 == 0;
        futures.add(executor.submit(() -> {
          start.await();
          // half ask for the singleton, half reach it through a just-in-time binding
          seen.add(direct ? container.getInstance(Expensive.class) : container.getInstance(Consumer.class).expensive);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    }
    assertThat(CREATED).hasValue(1);
    assertThat(seen).hasSize(1);
  }
}
