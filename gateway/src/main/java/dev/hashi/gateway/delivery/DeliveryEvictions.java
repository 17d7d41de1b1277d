package dev.hashi.gateway.delivery;

import java.util.List;

import org.springframework.context.SmartLifecycle;

import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.Topics;
import dev.hashi.events.consumer.BroadcastConsumer;
import dev.hashi.events.consumer.DeliveryChange;

/**
 * Keeps this replica's delivery cache current: reads every partition of {@code cms.content.events} and
 * {@code cms.media.events} (no consumer group, so every gateway replica sees every event) and evicts on the events
 * that change delivery: entries published, unpublished or deleted, media assets changed or deleted. Draft edits and
 * translation landings change drafts only. On a (re)start of reading the cache is dropped, since events written
 * meanwhile are not replayed; until reading starts, the cache is not used.
 */
final class DeliveryEvictions implements SmartLifecycle {

    private final BroadcastConsumer consumer;
    private volatile boolean running;

    DeliveryEvictions(DeliveryCache cache, String bootstrapServers) {
        this.consumer = new BroadcastConsumer(
                "delivery-cache-evictions",
                () -> BroadcastConsumer.consumer(bootstrapServers),
                List.of(Topics.CONTENT, Topics.MEDIA),
                EventCodec.standard(),
                event -> evict(cache, event),
                cache::reset);
        cache.listenWhile(consumer::isReading);
    }

    static void evict(DeliveryCache cache, EventEnvelope<?> event) {
        DeliveryChange.of(event)
                .ifPresent(change -> cache.changed(change.aggregateId(), change.version(), change.contentType()));
    }

    /** Whether the events are being read (and so the cache is in use). */
    boolean reading() {
        return consumer.isReading();
    }

    @Override
    public void start() {
        consumer.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        consumer.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
