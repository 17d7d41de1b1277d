package dev.hashi.service.kafka;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.Producer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ProducerFactory;

import com.mongodb.client.MongoDatabase;

import dev.hashi.events.outbox.Outbox;
import dev.hashi.events.outbox.OutboxRelay;
import dev.hashi.events.outbox.RecordTracing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs the outbox relay of every configured collection on one background thread, every poll interval and
 * at once when {@link #nudge()} is called after a write. Every replica runs one; leases keep them apart.
 */
public class OutboxRelayScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);

    private final MongoDatabase database;
    private final ProducerFactory<Object, Object> producers;
    private final EventsProperties.Relay settings;
    private final RecordTracing tracing;
    private final MeterRegistry meters;
    private final Map<String, Counter> relayed = new ConcurrentHashMap<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private Producer<String, byte[]> producer;
    private Map<String, OutboxRelay> relays = Map.of();

    OutboxRelayScheduler(
            MongoDatabase database, ProducerFactory<Object, Object> producers, EventsProperties.Relay settings) {
        this(database, producers, settings, RecordTracing.PASS_THROUGH, null);
    }

    /**
     * @param tracing what the relays do about trace context around each record
     * @param meters  where {@code hashi.outbox.relayed} (events published, per collection) counts; may be null
     */
    OutboxRelayScheduler(
            MongoDatabase database,
            ProducerFactory<Object, Object> producers,
            EventsProperties.Relay settings,
            RecordTracing tracing,
            MeterRegistry meters) {
        this.database = database;
        this.producers = producers;
        this.settings = settings;
        this.tracing = tracing;
        this.meters = meters;
        settings.collections().forEach(collection -> counted(collection, 0));
    }

    private int counted(String collection, int published) {
        if (meters != null && published > 0) {
            relayed.computeIfAbsent(
                            collection,
                            name -> Counter.builder("hashi.outbox.relayed")
                                    .tag("collection", name)
                                    .description("events the outbox relay published to Kafka")
                                    .register(meters))
                    .increment(published);
        }
        return published;
    }

    /** Asks for a full relay pass soon, without waiting for the next poll. */
    public void nudge() {
        if (executor != null && pending.compareAndSet(false, true)) {
            executor.execute(this::relayAll);
        }
    }

    /**
     * Publishes the pending events of one just-written document soon. This is a lookup by id, so it stays cheap
     * however many documents the collection holds; the periodic pass remains the safety net.
     */
    public void nudge(String collection, Object documentId) {
        OutboxRelay relay = relays.get(collection);
        if (executor == null || relay == null) {
            nudge();
            return;
        }
        executor.execute(() -> {
            try {
                counted(collection, relay.relayDocument(documentId));
            } catch (RuntimeException e) {
                log.warn("outbox relay of {} failed, the periodic pass will retry: {}", documentId, e.getMessage());
            }
        });
    }

    /** Runs one pass over every collection now, on the caller's thread; returns the events published. */
    public int relayNow() {
        int published = 0;
        for (Map.Entry<String, OutboxRelay> relay : relays.entrySet()) {
            published += counted(relay.getKey(), relay.getValue().relayOnce(settings.batch()));
        }
        return published;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void start() {
        if (!settings.enabled() || settings.collections().isEmpty()) {
            return;
        }
        Producer<?, ?> created = producers.createProducer();
        producer = (Producer<String, byte[]>) created;
        String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
        Map<String, OutboxRelay> byCollection = new LinkedHashMap<>();
        for (String name : settings.collections()) {
            var collection = database.getCollection(name, Document.class);
            Outbox.prepare(collection);
            byCollection.put(
                    name, new OutboxRelay(collection, producer, owner, settings.lease(), Clock.systemUTC(), tracing));
        }
        relays = byCollection;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::relayAll, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void relayAll() {
        pending.set(false);
        try {
            relayNow();
        } catch (RuntimeException e) {
            log.warn("outbox relay pass failed, will retry: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
