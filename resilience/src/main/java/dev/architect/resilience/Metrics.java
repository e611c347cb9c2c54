package dev.architect.resilience;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The OpenTelemetry instruments of one policy. With the no-op meter provider (the default) nothing is
 * created and {@link #enabled} is false, so the call path skips metrics with one branch.
 *
 * <p>Instrument names: {@code architect.resilience.<policy>.<what>}, with the attribute {@code name}
 * (the policy's name) and, for counters, {@code outcome}. Attribute sets are built once here, so
 * recording allocates nothing of ours.
 */
final class Metrics {
  static final String SCOPE = "dev.architect.resilience";
  static final AttributeKey<String> NAME = AttributeKey.stringKey("name");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("outcome");
  static final AttributeKey<String> STATE = AttributeKey.stringKey("state");

  final boolean enabled;
  private final Meter meter;
  private final String prefix;
  final Attributes name;

  Metrics(OpenTelemetry openTelemetry, String policy, String name) {
    Objects.requireNonNull(openTelemetry, "openTelemetry");
    MeterProvider provider = openTelemetry.getMeterProvider();
    this.enabled = provider != MeterProvider.noop();
    this.meter = enabled ? provider.get(SCOPE) : null;
    this.prefix = "architect.resilience." + policy + ".";
    this.name = Attributes.of(NAME, name);
  }

  /** One counter with a fixed set of outcomes; {@link #add} takes the outcome's index. */
  Counter counter(String what, String description, String... outcomes) {
    if (!enabled) {
      return Counter.NONE;
    }
    LongCounter counter = meter.counterBuilder(prefix + what).setDescription(description).build();
    Attributes[] attributes = new Attributes[outcomes.length];
    for (int i = 0; i < outcomes.length; i++) {
      attributes[i] = name.toBuilder().put(OUTCOME, outcomes[i]).build();
    }
    return new Counter(counter, attributes);
  }

  /** A gauge read when the SDK collects; the callback gets this policy's name attributes. */
  void gauge(String what, String description, Consumer<ObservableLongMeasurement> callback) {
    if (enabled) {
      meter.gaugeBuilder(prefix + what).setDescription(description).ofLongs().buildWithCallback(callback);
    }
  }

  Meter meter() {
    return meter;
  }

  Attributes with(AttributeKey<String> key, String value) {
    return name.toBuilder().put(key, value).build();
  }

  /** A counter split by outcome. */
  static final class Counter {
    static final Counter NONE = new Counter(null, new Attributes[0]);
    private final LongCounter counter;
    private final Attributes[] outcomes;

    Counter(LongCounter counter, Attributes[] outcomes) {
      this.counter = counter;
      this.outcomes = outcomes;
    }

    void add(int outcome) {
      if (counter != null) {
        counter.add(1, outcomes[outcome]);
      }
    }

    void add(int outcome, long value) {
      if (counter != null) {
        counter.add(value, outcomes[outcome]);
      }
    }
  }
}
