package dev.hashi.translation.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.hashi.events.EventCodec;
import dev.hashi.events.Topics;
import dev.hashi.translation.unit.MediaTracking;

/**
 * Feeds media events to {@link MediaTracking}, with the same dead-letter and bounded-retry handling as content
 * events.
 */
@Component
class MediaEventsListener {

    private final EventCodec codec;
    private final MediaTracking tracking;

    MediaEventsListener(EventCodec codec, MediaTracking tracking) {
        this.codec = codec;
        this.tracking = tracking;
    }

    @KafkaListener(topics = Topics.MEDIA, groupId = "${cms.translation.consumer-group:translation-service}")
    void onMediaEvent(ConsumerRecord<String, byte[]> record) {
        tracking.apply(codec.decode(record.value()));
    }
}
