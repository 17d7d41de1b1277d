package dev.hashi.content.translation;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.hashi.content.common.ConsumerMarks;
import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.Topics;
import dev.hashi.events.consumer.IdempotentConsumer;
import dev.hashi.events.translation.TranslationApproved;
import dev.hashi.events.translation.TranslationSubmitted;

/** Lands approved (and, if configured, submitted) translations; every other translation event is ignored. */
@Component
class TranslationEventsListener {

    private final EventCodec codec;
    private final TranslationLanding landing;
    private final LandingProperties settings;
    private final IdempotentConsumer consumer;

    TranslationEventsListener(
            EventCodec codec, TranslationLanding landing, LandingProperties settings, ConsumerMarks marks) {
        this.codec = codec;
        this.landing = landing;
        this.settings = settings;
        this.consumer = marks.consumer("content-landing");
    }

    @KafkaListener(topics = Topics.TRANSLATION, groupId = "content-service")
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<?> event = codec.decode(record.value());
        TranslationLanding.Landing toLand = null;
        if (event.payload() instanceof TranslationApproved a) {
            toLand = new TranslationLanding.Landing(
                    a.unitId(),
                    a.entryId(),
                    a.path(),
                    a.sourceLocale(),
                    a.targetLocale(),
                    a.sourceHash(),
                    a.text(),
                    a.translator() == null ? event.actor() : a.translator());
        } else if (event.payload() instanceof TranslationSubmitted s && settings.landSubmitted()) {
            toLand = new TranslationLanding.Landing(
                    s.unitId(),
                    s.entryId(),
                    s.path(),
                    s.sourceLocale(),
                    s.targetLocale(),
                    s.sourceHash(),
                    s.text(),
                    s.translator() == null ? event.actor() : s.translator());
        }
        if (toLand != null) {
            TranslationLanding.Landing landed = toLand;
            consumer.apply(event, e -> landing.land(landed, e.traceId()));
        }
    }
}
