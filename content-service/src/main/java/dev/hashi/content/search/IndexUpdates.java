package dev.hashi.content.search;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.Topics;
import dev.hashi.events.consumer.BroadcastConsumer;
import dev.hashi.events.content.ContentEntryDeleted;
import dev.hashi.events.content.ContentEntryPublished;
import dev.hashi.events.content.ContentEntryUnpublished;
import dev.hashi.events.content.ContentTypeChanged;

/**
 * Keeps this process's {@link DeliveryIndex} current: reads every partition of {@code cms.content.events} (no
 * consumer group, so every replica sees every event), rebuilds the index whenever reading (re)starts, and re-reads
 * the entry of each publish, unpublish and delete, re-indexing all its locales (publishing one locale can change
 * what another shows by fallback). Draft changes never change delivery and are ignored.
 */
@Component
class IndexUpdates implements SmartLifecycle {

    private final DeliveryIndex index;
    private final BroadcastConsumer consumer;
    private volatile boolean running;

    IndexUpdates(
            DeliveryIndex index,
            EventCodec codec,
            @Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers) {
        this.index = index;
        this.consumer = new BroadcastConsumer(
                "delivery-index",
                () -> BroadcastConsumer.consumer(bootstrapServers),
                List.of(Topics.CONTENT),
                codec,
                event -> apply(index, event),
                index::rebuild);
    }

    static void apply(DeliveryIndex index, EventEnvelope<?> event) {
        if (event.payload() instanceof ContentEntryPublished published) {
            index.refresh(published.entryId(), published.contentType());
        } else if (event.payload() instanceof ContentEntryUnpublished unpublished) {
            index.refresh(unpublished.entryId(), unpublished.contentType());
        } else if (event.payload() instanceof ContentEntryDeleted deleted) {
            index.refresh(deleted.entryId(), deleted.contentType());
        } else if (event.payload() instanceof ContentTypeChanged changed) {
            index.typeChanged(changed.typeKey());
        }
    }

    /**
     * An event this replica just wrote: the index applies it at once (the same change arrives again from Kafka and is
     * applied again, which changes nothing), so lists and search on this replica show a publish right after it.
     */
    @EventListener
    void written(EventEnvelope<?> event) {
        apply(index, event);
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
