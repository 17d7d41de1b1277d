package dev.hashi.media.reference;

import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.Topics;
import dev.hashi.events.consumer.IdempotentConsumer;
import dev.hashi.events.translation.TranslationApproved;
import dev.hashi.identity.Identity;
import dev.hashi.identity.Role;
import dev.hashi.media.asset.TranslationLanding;
import dev.hashi.service.command.CommandContext;

/**
 * Lands approved translations of assets' metadata ({@code translation.approved} whose entry is an asset, id
 * {@code a-…}); translations of content entries are content-service's, every other translation event is ignored.
 */
@Component
class TranslationEventsListener {

    private static final String ASSET_PREFIX = "a-";

    private final EventCodec codec;
    private final TranslationLanding landing;
    private final IdempotentConsumer consumer;

    TranslationEventsListener(
            EventCodec codec, TranslationLanding landing, ContentReferencesListener.ConsumerMarks marks) {
        this.codec = codec;
        this.landing = landing;
        this.consumer = marks.consumer("media-landing");
    }

    @KafkaListener(topics = Topics.TRANSLATION, groupId = "media-service")
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<?> event = codec.decode(record.value());
        if (event.payload() instanceof TranslationApproved approved
                && approved.entryId().startsWith(ASSET_PREFIX)) {
            TranslationLanding.Landing toLand = new TranslationLanding.Landing(
                    approved.entryId(),
                    approved.path(),
                    approved.sourceLocale(),
                    approved.targetLocale(),
                    approved.sourceHash(),
                    approved.text());
            String actor = approved.translator() == null ? event.actor() : approved.translator();
            consumer.apply(event, e -> landing.land(toLand, contextOf(actor, e)));
        }
    }

    private static CommandContext contextOf(String actor, EventEnvelope<?> event) {
        String subject = actor != null && Identity.SUBJECT.matcher(actor).matches() ? actor : "system";
        return CommandContext.system(
                new Identity(subject, Set.of(Role.TRANSLATOR), Set.of()), event.traceId(), event.occurredAt());
    }
}
