package dev.hashi.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.hashi.embedded.SharedInfra;
import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.Topics;
import dev.hashi.events.content.ContentEntryChanged;
import dev.hashi.events.content.FieldValueChange;
import dev.hashi.events.outbox.EventTooLargeException;
import dev.hashi.events.outbox.Outbox;
import dev.hashi.events.outbox.OutboxRelay;
import dev.hashi.service.kafka.OutboxHealthIndicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The outbox, relay, idempotent consumer and dead-letter handling against a real Kafka broker and the
 * MongoDB-wire server.
 */
@SpringBootTest(
        properties = {
            "cms.service.name=plumbing",
            "cms.profile=dev",
            "cms.service.api-prefix=/api/plumbing",
            "cms.events.consumes=cms.content.events",
            "cms.events.publishes=cms.content.events",
            "cms.events.outbox.enabled=false",
            "cms.events.outbox.collections=entries",
            "cms.events.retry.attempts=3",
            "cms.events.retry.backoff=50ms"
        })
class EventPlumbingIntegrationTest {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> SharedInfra.mongo().connectionString());
        registry.add(
                "spring.mongodb.database",
                () -> "plumbing_" + UUID.randomUUID().toString().substring(0, 8));
        registry.add("spring.kafka.bootstrap-servers", () -> SharedInfra.kafka().bootstrapServers());
    }

    @Autowired
    MongoDatabase database;

    @Autowired
    EventCodec codec;

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxHealthIndicator outboxHealth;

    MongoCollection<Document> entries;
    Producer<String, byte[]> producer;

    @BeforeEach
    void setUp() {
        entries = database.getCollection("entries");
        Outbox.prepare(entries);
        producer = idempotentProducer();
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    @Test
    void eventLeftBehindByADeadRelayIsPublishedAfterItsLeaseExpires() {
        String entryId = newId();
        saveWithEvent(entryId, 1);
        entries.updateOne(
                Filters.eq("_id", entryId),
                Updates.set(
                        "_outboxLease",
                        new Document("owner", "relay-that-died")
                                .append("until", Date.from(Instant.now().plusSeconds(1)))));

        OutboxRelay restarted = relay("restarted", Duration.ofSeconds(30));
        assertThat(restarted.relayOnce(10))
                .as("lease of the dead relay still holds")
                .isZero();

        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> restarted.relayOnce(10) == 1);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> PlumbingTestApp.versions(database, entryId).equals(List.of(1L)));
        assertThat(entries.find(Filters.eq("_id", entryId)).first())
                .doesNotContainKeys(Outbox.fields().toArray(String[]::new));
    }

    @Test
    void relayThatDiesAfterSendingButBeforeMarkingCausesADuplicateThatTakesEffectOnce() {
        String entryId = newId();
        saveWithEvent(entryId, 1);
        Document pendingBeforeSend = entries.find(Filters.eq("_id", entryId)).first();

        assertThat(relay("first", Duration.ofSeconds(30)).relayOnce(10)).isEqualTo(1);
        entries.replaceOne(Filters.eq("_id", entryId), pendingBeforeSend);
        assertThat(relay("second", Duration.ofSeconds(30)).relayOnce(10)).isEqualTo(1);

        assertThat(recordsWithKey(Topics.CONTENT, entryId, 2)).hasSize(2);
        await().atMost(Duration.ofSeconds(15)).until(() -> PlumbingTestApp.effect(database, entryId) != null);
        sendAndWaitFor(newId());
        assertThat(PlumbingTestApp.effect(database, entryId).getInteger("count"))
                .isEqualTo(1);
    }

    @Test
    void duplicateDeliveryAndOlderVersionsChangeNothing() throws Exception {
        String entryId = newId();
        byte[] v2 = codec.encode(event(entryId, 2, "presentation"));
        byte[] v1 = codec.encode(event(entryId, 1, "presentation"));
        send(entryId, v2);
        send(entryId, v2);
        send(entryId, v1);
        sendAndWaitFor(newId());

        assertThat(PlumbingTestApp.versions(database, entryId)).containsExactly(2L);
    }

    @Test
    void malformedMessageGoesToTheDeadLetterTopicAndTheNextGoodOneIsProcessed() throws Exception {
        String badKey = newId();
        send(
                badKey,
                "{\"type\":\"content.entry.changed\",\"schemaVersion\":1,\"payload\":{"
                        .getBytes(StandardCharsets.UTF_8));
        String unknownKey = newId();
        send(
                unknownKey,
                new String(codec.encode(event(unknownKey, 1, "presentation")), StandardCharsets.UTF_8)
                        .replace("content.entry.changed", "content.entry.teleported")
                        .getBytes(StandardCharsets.UTF_8));
        String goodKey = newId();
        send(goodKey, codec.encode(event(goodKey, 1, "presentation")));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> PlumbingTestApp.versions(database, goodKey).equals(List.of(1L)));
        List<ConsumerRecord<String, byte[]>> dead = recordsWithKey(Topics.deadLetter(Topics.CONTENT), badKey, 1);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
        assertThat(recordsWithKey(Topics.deadLetter(Topics.CONTENT), unknownKey, 1))
                .hasSize(1);
    }

    @Test
    void handlerThatKeepsFailingIsRetriedABoundedNumberOfTimesThenDeadLettered() throws Exception {
        String failingKey = newId();
        send(failingKey, codec.encode(event(failingKey, 1, PlumbingTestApp.EXPLODING_TYPE)));
        String nextKey = newId();
        send(nextKey, codec.encode(event(nextKey, 1, "presentation")));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> PlumbingTestApp.versions(database, nextKey).equals(List.of(1L)));
        List<ConsumerRecord<String, byte[]>> dead = recordsWithKey(Topics.deadLetter(Topics.CONTENT), failingKey, 1);
        assertThat(dead).hasSize(1);
        assertThat(new String(
                        dead.get(0)
                                .headers()
                                .lastHeader("kafka_dlt-exception-message")
                                .value(),
                        StandardCharsets.UTF_8))
                .contains("always fails");
    }

    @Test
    void twoRelaysRunningAtOnceEachPublishEveryEventOnceInOrder() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = newId();
            ids.add(id);
            saveWithEvent(id, 1);
            entries.updateOne(
                    Filters.eq("_id", id),
                    outbox.append(List.of(event(id, 2, "presentation"), event(id, 3, "presentation"))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (String name : List.of("replica-a", "replica-b")) {
                OutboxRelay relay = relay(name, Duration.ofSeconds(30));
                runs.add(pool.submit(() -> {
                    int total = 0;
                    for (int pass = 0; pass < 20; pass++) {
                        total += relay.relayOnce(5);
                    }
                    return total;
                }));
            }
            assertThat(runs.get(0).get() + runs.get(1).get()).isEqualTo(90);
        } finally {
            pool.shutdown();
        }
        Map<String, List<Long>> versionsByKey = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : readAll(Topics.CONTENT, Duration.ofSeconds(3))) {
            if (ids.contains(record.key())) {
                versionsByKey
                        .computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(codec.decode(record.value()).aggregateVersion());
            }
        }
        assertThat(versionsByKey).hasSize(30);
        versionsByKey.values().forEach(versions -> assertThat(versions).containsExactly(1L, 2L, 3L));
    }

    @Test
    void aDocumentWhoseEventKafkaRefusesIsQuarantinedAndTheDocumentsBehindItStillFlow() {
        String stuck = newId();
        entries.insertOne(new Document("_id", stuck)
                .append("version", 1L)
                .append("_outbox", List.of(oversizedRecord(stuck)))
                .append("_outboxSince", Date.from(Instant.now().minusSeconds(60))));
        String behind = newId();
        saveWithEvent(behind, 1);

        OutboxRelay relay = relay("replica-a", Duration.ofSeconds(30));
        int published = relay.relayOnce(10);

        assertThat(published).isEqualTo(1);
        assertThat(recordsWithKey(Topics.CONTENT, behind, 1)).hasSize(1);
        Document quarantined = entries.find(Filters.eq("_id", stuck)).first();
        assertThat(quarantined.get("_outboxQuarantine", Document.class).getString("error"))
                .contains("RecordTooLargeException");
        assertThat(relay.relayOnce(10))
                .as("a quarantined document is not retried every pass")
                .isZero();
        assertThat(relay.quarantined()).isEqualTo(1);
        Health health = outboxHealth.health(true);
        assertThat(health.getStatus()).isEqualTo(OutboxHealthIndicator.DEGRADED);
        assertThat(health.getDetails().get("entries").toString())
                .contains("quarantined=1")
                .contains("RecordTooLargeException");

        assertThat(relay.release(stuck)).isTrue();
        entries.updateOne(Filters.eq("_id", stuck), Updates.unset("_outbox"));
        entries.updateOne(Filters.eq("_id", stuck), Updates.unset("_outboxSince"));
        assertThat(outboxHealth.health(true).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void eventsKafkaAcknowledgedAreNeverSentAgainWhenALaterOneOfTheSameDocumentFails() {
        String entryId = newId();
        saveWithEvent(entryId, 1);
        entries.updateOne(Filters.eq("_id", entryId), Updates.push("_outbox", oversizedRecord(entryId)));

        OutboxRelay relay = relay("replica-a", Duration.ofSeconds(30));
        for (int pass = 0; pass < 3; pass++) {
            relay.relayOnce(10);
        }

        assertThat(recordsWithKey(Topics.CONTENT, entryId, 2)).hasSize(1);
        Document left = entries.find(Filters.eq("_id", entryId)).first();
        assertThat(left.getList("_outbox", Document.class)).hasSize(1);
        assertThat(left.containsKey("_outboxQuarantine")).isTrue();
    }

    @Test
    void aChangeWhoseEventExceedsTheMaximumSizeIsRefusedBeforeAnythingIsWritten() {
        String entryId = newId();
        EventEnvelope<ContentEntryChanged> huge = event(entryId, 1, "presentation", "水".repeat(400_000));
        assertThatThrownBy(() -> outbox.withEvents(new Document("_id", entryId), List.of(huge)))
                .isInstanceOf(EventTooLargeException.class)
                .hasMessageContaining("content.entry.changed");
        assertThatThrownBy(() -> outbox.append(List.of(huge))).isInstanceOf(EventTooLargeException.class);
    }

    private Document oversizedRecord(String entryId) {
        EventEnvelope<ContentEntryChanged> event = event(entryId, 2, "presentation");
        return new Document("eventId", event.eventId().toString())
                .append("topic", Topics.CONTENT)
                .append("key", entryId)
                .append("type", event.type())
                .append("traceId", "req-test")
                .append("value", "x".repeat(2 * 1024 * 1024));
    }

    private void saveWithEvent(String entryId, long version) {
        entries.insertOne(outbox.withEvents(
                new Document("_id", entryId).append("version", version),
                List.of(event(entryId, version, "presentation"))));
    }

    private OutboxRelay relay(String owner, Duration lease) {
        return new OutboxRelay(entries, producer, owner, lease, Clock.systemUTC());
    }

    private static EventEnvelope<ContentEntryChanged> event(String entryId, long version, String type) {
        return event(entryId, version, type, "仙台市地球温暖化対策推進協議会について");
    }

    private static EventEnvelope<ContentEntryChanged> event(String entryId, long version, String type, String title) {
        return EventEnvelope.of(
                new ContentEntryChanged(
                        entryId,
                        type,
                        Map.of("ja", title),
                        List.of(new FieldValueChange(
                                "title",
                                "ja",
                                "ja",
                                title,
                                "hash-" + version,
                                FieldValueChange.WriteKind.SOURCE,
                                false,
                                false,
                                null))),
                entryId,
                version,
                "req-test",
                "editor-1",
                Instant.now());
    }

    private void send(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.CONTENT, key, value)).get();
    }

    private void sendAndWaitFor(String marker) {
        try {
            send(marker, codec.encode(event(marker, 1, "presentation")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> PlumbingTestApp.effect(database, marker) != null);
    }

    private static String newId() {
        return "e-" + UUID.randomUUID();
    }

    private static Producer<String, byte[]> idempotentProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(props);
    }

    private static List<ConsumerRecord<String, byte[]>> recordsWithKey(String topic, String key, int expected) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(15);
        while (found.size() < expected && Instant.now().isBefore(deadline)) {
            found = readAll(topic, Duration.ofSeconds(2)).stream()
                    .filter(r -> key.equals(r.key()))
                    .toList();
        }
        return found;
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, Duration quiet) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            Instant lastSeen = Instant.now();
            while (Duration.between(lastSeen, Instant.now()).compareTo(quiet) < 0) {
                var batch = consumer.poll(Duration.ofMillis(200));
                batch.forEach(records::add);
                if (!batch.isEmpty()) {
                    lastSeen = Instant.now();
                }
            }
        }
        return records;
    }
}
