package dev.hashi.content.cache;

import java.util.List;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

import dev.hashi.content.search.DeliveryIndexChanged;
import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.Topics;
import dev.hashi.events.consumer.BroadcastConsumer;
import dev.hashi.events.consumer.DeliveryChange;

/**
 * Tells {@link DeliveryResponses} about every event that changes delivery, read by this process from every partition
 * of the content and media topics (each replica has its own reader, so a publish on one is evicted on all):
 * {@code content.entry.published}, {@code .unpublished}, {@code .deleted}, {@code media.asset.changed} and
 * {@code media.asset.deleted}. Draft edits and everything else are ignored. The cache is dropped whenever reading
 * starts (again), and nothing is stored while it is not reading.
 */
final class DeliveryEvents implements SmartLifecycle {

    static final List<String> TOPICS = List.of(Topics.CONTENT, Topics.MEDIA);

    private final DeliveryResponses responses;
    private final BroadcastConsumer consumer;
    private volatile boolean running;

    DeliveryEvents(DeliveryResponses responses, Supplier<Consumer<String, byte[]>> consumers, EventCodec codec) {
        this.responses = responses;
        this.consumer = new BroadcastConsumer("delivery-cache", consumers, TOPICS, codec, this::on, responses::reset);
        responses.listenWith(consumer::isReading);
    }

    void on(EventEnvelope<?> event) {
        DeliveryChange.of(event)
                .ifPresent(change -> responses.changed(change.aggregateId(), change.version(), change.contentType()));
    }

    /** Whether the topics are being read: every partition assigned and positioned at its end. */
    boolean isReading() {
        return consumer.isReading();
    }

    /** An event this replica just wrote: its readers see the write on their next request, before Kafka brings it. */
    @EventListener
    void written(EventEnvelope<?> event) {
        on(event);
    }

    /** Lists and search read the delivery index, which changes after the event that evicted them. */
    @EventListener
    void on(DeliveryIndexChanged changed) {
        responses.indexChanged(changed.type());
    }

    @Override
    public void start() {
        consumer.start();
        running = true;
    }

    @Override
    public void stop() {
        consumer.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
