package dev.hashi.media.reference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.Topics;
import dev.hashi.events.consumer.IdempotentConsumer;
import dev.hashi.events.content.ContentEntryReferencesChanged;

/** Keeps {@link References} from {@code content.entry.references-changed}; other content events are ignored. */
@Component
class ContentReferencesListener {

    private final EventCodec codec;
    private final References references;
    private final IdempotentConsumer consumer;

    ContentReferencesListener(EventCodec codec, References references, ConsumerMarks marks) {
        this.codec = codec;
        this.references = references;
        this.consumer = marks.consumer("media-references");
    }

    @KafkaListener(topics = Topics.CONTENT, groupId = "media-service")
    void on(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<?> event = codec.decode(record.value());
        if (event.payload() instanceof ContentEntryReferencesChanged change) {
            consumer.apply(event, e -> references.apply(change, e.aggregateVersion()));
        }
    }

    /** The marks of events already handled, in {@code consumer_marks}. */
    @Component
    static class ConsumerMarks {

        private final MongoCollection<Document> collection;

        ConsumerMarks(MongoDatabase database) {
            this.collection = database.getCollection("consumer_marks");
        }

        IdempotentConsumer consumer(String name) {
            return new IdempotentConsumer(name, collection);
        }
    }
}
