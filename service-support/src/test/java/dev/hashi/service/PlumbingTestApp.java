package dev.hashi.service;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.Topics;
import dev.hashi.events.consumer.IdempotentConsumer;
import dev.hashi.events.content.ContentEntryChanged;

/** A minimal service using the shared plumbing: it counts content events per entry, once each. */
@SpringBootApplication
class PlumbingTestApp {

    static final String EXPLODING_TYPE = "always-fails";

    @Bean
    IdempotentConsumer countingConsumer(MongoDatabase database) {
        return new IdempotentConsumer("counter", database.getCollection("consumer_marks"));
    }

    @Component
    static class CountingListener {

        private final EventCodec codec;
        private final IdempotentConsumer idempotent;
        private final MongoDatabase database;

        CountingListener(EventCodec codec, IdempotentConsumer idempotent, MongoDatabase database) {
            this.codec = codec;
            this.idempotent = idempotent;
            this.database = database;
        }

        @KafkaListener(topics = Topics.CONTENT, groupId = "plumbing-test")
        void on(ConsumerRecord<String, byte[]> record) {
            EventEnvelope<?> event = codec.decode(record.value());
            if (event.payload() instanceof ContentEntryChanged changed
                    && EXPLODING_TYPE.equals(changed.contentType())) {
                throw new IllegalStateException("this handler always fails for " + event.aggregateId());
            }
            idempotent.apply(
                    event,
                    e -> database.getCollection("effects")
                            .updateOne(
                                    Filters.eq("_id", e.aggregateId()),
                                    Updates.combine(
                                            Updates.inc("count", 1), Updates.push("versions", e.aggregateVersion())),
                                    new UpdateOptions().upsert(true)));
        }
    }

    static Document effect(MongoDatabase database, String aggregateId) {
        return database.getCollection("effects")
                .find(Filters.eq("_id", aggregateId))
                .first();
    }

    static List<Long> versions(MongoDatabase database, String aggregateId) {
        Document effect = effect(database, aggregateId);
        return effect == null ? List.of() : effect.getList("versions", Long.class);
    }
}
