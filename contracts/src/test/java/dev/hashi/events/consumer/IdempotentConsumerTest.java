package dev.hashi.events.consumer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoSocketWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import dev.hashi.embedded.SharedInfra;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.content.ContentEntryDeleted;

import static org.assertj.core.api.Assertions.assertThat;

/** Deduplication marks on the MongoDB-wire server, through the real driver. */
class IdempotentConsumerTest {

    private static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(SharedInfra.mongo().connectionString());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static MongoCollection<Document> marks() {
        return client.getDatabase("marks_" + UUID.randomUUID().toString().substring(0, 8))
                .getCollection("consumer_marks");
    }

    private static EventEnvelope<ContentEntryDeleted> event(String entryId, long version) {
        return EventEnvelope.of(
                new ContentEntryDeleted(entryId, "presentation"), entryId, version, "t", "editor", Instant.now());
    }

    @Test
    void anEventIsAppliedOnceAndOlderVersionsAreSkipped() {
        IdempotentConsumer consumer = new IdempotentConsumer("test", marks());
        AtomicInteger applied = new AtomicInteger();
        EventEnvelope<ContentEntryDeleted> v2 = event("e-1", 2);
        assertThat(consumer.apply(v2, e -> applied.incrementAndGet())).isTrue();
        assertThat(consumer.apply(v2, e -> applied.incrementAndGet())).isFalse();
        assertThat(consumer.apply(event("e-1", 1), e -> applied.incrementAndGet()))
                .isFalse();
        assertThat(applied).hasValue(1);
    }

    @Test
    void aMarkThatCannotBeWrittenAfterTheEffectNeverFailsTheAppliedEvent() {
        MongoCollection<Document> flaky = failingWrites(marks());
        IdempotentConsumer consumer = new IdempotentConsumer("test", flaky);
        AtomicInteger applied = new AtomicInteger();

        boolean ran = consumer.apply(event("e-2", 1), e -> applied.incrementAndGet());

        assertThat(ran)
                .as("the effect ran and the record must not be retried into the dead-letter topic")
                .isTrue();
        assertThat(applied).hasValue(1);
    }

    /** The collection, except that every update fails as a lost connection would. */
    @SuppressWarnings("unchecked")
    private static MongoCollection<Document> failingWrites(MongoCollection<Document> real) {
        return (MongoCollection<Document>) Proxy.newProxyInstance(
                MongoCollection.class.getClassLoader(),
                new Class<?>[] {MongoCollection.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("update")) {
                        throw new MongoSocketWriteException(
                                "connection lost", new ServerAddress(), new java.io.IOException("reset"));
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
