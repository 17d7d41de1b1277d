package dev.hashi.service.mongo;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import dev.hashi.embedded.SharedInfra;
import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.content.ContentEntryDeleted;
import dev.hashi.events.outbox.Outbox;
import dev.hashi.service.error.ConflictException;
import dev.hashi.service.error.VersionConflictException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one versioned writer on the MongoDB-wire server, through the real driver. */
class VersionedDocumentsTest {

    private static MongoClient client;
    private MongoCollection<Document> collection;
    private final List<Object> nudged = new ArrayList<>();

    @BeforeAll
    static void connect() {
        client = MongoClients.create(SharedInfra.mongo().connectionString());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private VersionedDocuments writer() {
        collection = client.getDatabase(
                        "versioned_" + UUID.randomUUID().toString().substring(0, 8))
                .getCollection("things");
        collection.createIndex(
                Indexes.ascending("slug"), new IndexOptions().unique(true).sparse(true));
        Outbox outbox = new Outbox(EventCodec.standard(), Clock.systemUTC());
        return new VersionedDocuments(collection, "thing", "version", outbox, (name, id) -> nudged.add(id));
    }

    private static EventEnvelope<?> event(String id, long version) {
        return EventEnvelope.of(new ContentEntryDeleted(id, "page"), id, version, "trace", "tester", Instant.now());
    }

    @Test
    void aWriteChangesStateAndQueuesItsEventsInOneDocumentAndNudgesTheRelay() {
        VersionedDocuments writer = writer();
        writer.insert(
                new Document("_id", "t-1").append("version", 1L).append("title", "北九州"), List.of(event("t-1", 1)));
        writer.update(
                "t-1",
                1,
                new Document("version", 2L).append("title", "Kitakyushu"),
                List.of(Updates.inc("edits", 1)),
                List.of(event("t-1", 2)));

        Document stored = collection.find().first();
        assertThat(stored.getString("title")).isEqualTo("Kitakyushu");
        assertThat(stored.getLong("version")).isEqualTo(2L);
        assertThat(stored.getInteger("edits")).isEqualTo(1);
        assertThat(stored.getList("_outbox", Document.class)).hasSize(2);
        assertThat(nudged).containsExactly("t-1", "t-1");
    }

    @Test
    void aStaleVersionIsAConflictNamingTheCurrentOneAndChangesNothing() {
        VersionedDocuments writer = writer();
        writer.insert(new Document("_id", "t-2").append("version", 1L).append("title", "a"), List.of());
        writer.update("t-2", 1, new Document("version", 2L).append("title", "b"), List.of(), List.of());

        assertThat(writer.tryUpdate("t-2", 1, new Document("version", 2L).append("title", "c"), List.of(), List.of()))
                .isFalse();
        assertThatThrownBy(() ->
                        writer.update("t-2", 1, new Document("version", 2L).append("title", "c"), List.of(), List.of()))
                .isInstanceOfSatisfying(
                        VersionConflictException.class,
                        e -> assertThat(e.details())
                                .containsEntry("currentVersion", 2L)
                                .containsEntry("resource", "thing"));
        assertThat(collection.find().first().getString("title")).isEqualTo("b");
    }

    @Test
    void aSecondInsertOfTheSameIdIsAConflictAndAUniqueKeyClashIsTheCallersProblem() {
        VersionedDocuments writer =
                writer().onDuplicateKey(e -> new ConflictException("slug.taken", "The slug is taken."));
        writer.insert(new Document("_id", "t-3").append("version", 1L).append("slug", "kitakyushu"), List.of());

        assertThat(writer.tryInsert(new Document("_id", "t-3").append("version", 1L), List.of()))
                .isFalse();
        assertThatThrownBy(() -> writer.insert(
                        new Document("_id", "t-4").append("version", 1L).append("slug", "kitakyushu"), List.of()))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("slug.taken"));
        assertThat(collection.countDocuments()).isEqualTo(1);
    }

    @Test
    void concurrentWritersOfOneVersionLoseNoUpdate() throws Exception {
        VersionedDocuments writer = writer();
        writer.insert(new Document("_id", "t-5").append("version", 1L).append("count", 0), List.of());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    while (true) {
                        Document current = collection.find().first();
                        long version = current.getLong("version");
                        Document next =
                                new Document("version", version + 1).append("count", current.getInteger("count") + 1);
                        if (writer.tryUpdate("t-5", version, next, List.of(), List.of())) {
                            break;
                        }
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(collection.find().first().getInteger("count")).isEqualTo(100);
    }
}
