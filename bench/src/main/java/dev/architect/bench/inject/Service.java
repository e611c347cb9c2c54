package dev.architect.bench.inject;

import jakarta.inject.Inject;

/** The intercepted class: not final, with one cheap method, so the figures show the proxy's cost. */
public class Service {
  @Inject
  public Service() {}

  @Intercepted
  public Object handle(Object request) {
    return request;
  }
}
