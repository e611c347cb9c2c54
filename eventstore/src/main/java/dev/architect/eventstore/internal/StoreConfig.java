package dev.architect.eventstore.internal;

import dev.architect.eventstore.Durability;
import java.time.Duration;
import java.time.InstantSource;

/** The settings an event store is opened with (built by {@code EventStoreBuilder}). */
public record StoreConfig(String url, Durability durability, int maxEventSize,
    int maxStreamNameLength, InstantSource clock, String user, String password, int poolSize,
    Duration pollInterval, int pageSize) {}
