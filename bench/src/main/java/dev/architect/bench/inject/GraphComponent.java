package dev.architect.bench.inject;

import dagger.Component;

/** Dagger's view of {@link Graph}: the generated {@code DaggerGraphComponent} builds {@code A}. */
@Component
interface GraphComponent {
  Graph.A a();
}
