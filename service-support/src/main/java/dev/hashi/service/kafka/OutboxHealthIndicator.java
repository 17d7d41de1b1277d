package dev.hashi.service.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox of every relayed collection: pending documents, the age of the oldest pending event and the
 * quarantined documents with their errors. Any quarantined document makes the component {@code DEGRADED} (served,
 * but an operator must look); it is not part of readiness, so the service keeps taking traffic. The same numbers
 * are gauges {@code hashi.outbox.pending}, {@code hashi.outbox.oldest.age} (seconds) and
 * {@code hashi.outbox.quarantined}, tagged with the collection.
 */
public class OutboxHealthIndicator extends AbstractHealthIndicator {

    /** Served, but something needs an operator. */
    public static final Status DEGRADED = new Status("DEGRADED");

    private static final String SINCE = "_outboxSince";
    private static final String QUARANTINE = "_outboxQuarantine";

    private final MongoDatabase database;
    private final List<String> collections;
    private final Clock clock;

    OutboxHealthIndicator(MongoDatabase database, List<String> collections, Clock clock) {
        super("outbox health check failed");
        this.database = database;
        this.collections = List.copyOf(collections);
        this.clock = clock;
    }

    /** Registers the gauges of every collection. */
    void bindTo(MeterRegistry registry) {
        for (String name : collections) {
            Gauge.builder("hashi.outbox.pending", () -> pending(name))
                    .tag("collection", name)
                    .description("documents with events waiting to be published")
                    .register(registry);
            Gauge.builder("hashi.outbox.quarantined", () -> quarantined(name))
                    .tag("collection", name)
                    .description("documents whose events Kafka refused; they wait for an operator")
                    .register(registry);
            Gauge.builder("hashi.outbox.oldest.age", () -> oldestAge(name).toMillis() / 1000.0)
                    .tag("collection", name)
                    .baseUnit("seconds")
                    .description("age of the oldest event waiting to be published")
                    .register(registry);
        }
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long quarantinedTotal = 0;
        Map<String, Object> details = new LinkedHashMap<>();
        for (String name : collections) {
            long quarantined = quarantined(name);
            quarantinedTotal += quarantined;
            Map<String, Object> collection = new LinkedHashMap<>();
            collection.put("pending", pending(name));
            collection.put("oldestPendingSeconds", oldestAge(name).toSeconds());
            collection.put("quarantined", quarantined);
            if (quarantined > 0) {
                collection.put(
                        "quarantine",
                        database.getCollection(name)
                                .find(Filters.exists(QUARANTINE))
                                .projection(Projections.include("_id", QUARANTINE + ".error", QUARANTINE + ".at"))
                                .limit(10)
                                .into(new java.util.ArrayList<>()));
            }
            details.put(name, collection);
        }
        builder.status(quarantinedTotal > 0 ? DEGRADED : Status.UP).withDetails(details);
    }

    private long pending(String name) {
        return database.getCollection(name).countDocuments(Filters.exists(SINCE));
    }

    private long quarantined(String name) {
        return database.getCollection(name).countDocuments(Filters.exists(QUARANTINE));
    }

    private Duration oldestAge(String name) {
        Document oldest = database.getCollection(name)
                .find(Filters.exists(SINCE))
                .projection(Projections.include(SINCE))
                .sort(Sorts.ascending(SINCE))
                .first();
        if (oldest == null || !(oldest.get(SINCE) instanceof Date since)) {
            return Duration.ZERO;
        }
        return Duration.between(since.toInstant(), clock.instant());
    }
}
