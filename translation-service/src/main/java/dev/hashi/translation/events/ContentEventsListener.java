package dev.hashi.translation.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.hashi.events.EventCodec;
import dev.hashi.events.Topics;
import dev.hashi.translation.unit.ContentTracking;

/**
 * Feeds content events to {@link ContentTracking}. A record that cannot be decoded goes to the dead-letter
 * topic at once; a failing write is retried a bounded number of times, then dead-lettered.
 */
@Component
class ContentEventsListener {

    private final EventCodec codec;
    private final ContentTracking tracking;

    ContentEventsListener(EventCodec codec, ContentTracking tracking) {
        this.codec = codec;
        this.tracking = tracking;
    }

    @KafkaListener(topics = Topics.CONTENT, groupId = "${cms.translation.consumer-group:translation-service}")
    void onContentEvent(ConsumerRecord<String, byte[]> record) {
        tracking.apply(codec.decode(record.value()));
    }
}
