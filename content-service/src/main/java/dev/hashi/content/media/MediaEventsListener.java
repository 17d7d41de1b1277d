package dev.hashi.content.media;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.hashi.content.common.ConsumerMarks;
import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.Topics;
import dev.hashi.events.consumer.IdempotentConsumer;
import dev.hashi.events.media.MediaAssetChanged;
import dev.hashi.events.media.MediaAssetDeleted;

/**
 * Keeps asset summaries from {@code media.asset.changed} and tombstones from {@code media.asset.deleted}; other
 * media events ({@code media.asset.stored}) are ignored, since the next {@code media.asset.changed} carries every
 * variant. Each event applies once, and a summary is only replaced by a newer asset version.
 */
@Component
class MediaEventsListener {

    private final EventCodec codec;
    private final MediaSummaries summaries;
    private final IdempotentConsumer consumer;

    MediaEventsListener(EventCodec codec, MediaSummaries summaries, ConsumerMarks marks) {
        this.codec = codec;
        this.summaries = summaries;
        this.consumer = marks.consumer("content-media");
    }

    @KafkaListener(topics = Topics.MEDIA, groupId = "content-service")
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<?> event = codec.decode(record.value());
        if (event.payload() instanceof MediaAssetChanged change) {
            consumer.apply(event, e -> summaries.apply(change, e.aggregateVersion()));
        } else if (event.payload() instanceof MediaAssetDeleted deletion) {
            consumer.apply(event, e -> summaries.apply(deletion, e.aggregateVersion(), e.occurredAt()));
        }
    }
}
