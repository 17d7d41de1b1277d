package dev.hashi.translation.rebuild;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.sun.net.httpserver.HttpServer;

import dev.hashi.locale.Texts;
import dev.hashi.service.command.CommandContext;
import dev.hashi.service.error.UnavailableException;
import dev.hashi.testsupport.Reply;
import dev.hashi.translation.support.ConferencePages;
import dev.hashi.translation.support.ServiceTest;
import dev.hashi.translation.unit.Unit;
import dev.hashi.translation.unit.UnitIds;
import dev.hashi.translation.unit.UnitState;
import dev.hashi.translation.unit.Units;

import static dev.hashi.translation.support.ContentEvents.minorSource;
import static dev.hashi.translation.support.ContentEvents.source;
import static dev.hashi.translation.support.ContentEvents.translation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class RebuildTest extends ServiceTest {

    private static final String PATH = ConferencePages.titlePath("p-sendai");
    private static final String SENDAI = ConferencePages.JAPANESE_ONLY.get("p-sendai");

    @Autowired
    Units units;

    @Autowired
    Rebuild rebuild;

    @Autowired
    MongoDatabase database;

    private static final CommandContext ADMIN = new CommandContext(admin("ad-rebuild"), "t-rebuild", Instant.now());

    @Test
    void rebuildingFromTheTopicYieldsIdenticalUnitsAfterTheyWereWiped() {
        String entry = ConferencePages.newEntryId();
        ConferencePages.publish(content(), entry);
        String english = "About the Sendai City Council for Promoting Global Warming Countermeasures";
        content().changed(entry, 2, "editor-1", Map.of(), translation(PATH, "en", "ja", english, SENDAI, null));
        content().changed(entry, 3, "editor-1", Map.of(), minorSource(PATH, "ja", SENDAI + "。"));
        String fukuoka = ConferencePages.titlePath("p-fukuoka");
        content()
                .changed(
                        entry,
                        4,
                        "editor-1",
                        Map.of(),
                        translation(
                                fukuoka, "en", "ja", "Fukuoka", ConferencePages.JAPANESE_ONLY.get("p-fukuoka"), null));
        content().changed(entry, 5, "editor-1", Map.of(), source(fukuoka, "ja", "福岡市の環境国際協力"));
        String lastId = UnitIds.of(entry, fukuoka, "en");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> units.find(lastId)
                        .map(Unit::state)
                        .filter(UnitState.OUTDATED::equals)
                        .isPresent());
        String otherTarget = UnitIds.of(entry, fukuoka, "ko");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> units.find(otherTarget)
                        .map(unit -> unit.source().text())
                        .filter("福岡市の環境国際協力"::equals)
                        .isPresent());
        Map<String, Unit.ContentFacts> before = facts(entry);
        assertThat(before)
                .hasSize(2 * (1 + ConferencePages.JAPANESE_ONLY.size() + ConferencePages.ENGLISH_ONLY.size()));

        database.getCollection(Units.COLLECTION).deleteMany(Filters.eq("entryId", entry));
        Rebuild.Report report = rebuild.fromTopic(ADMIN);

        assertThat(report.created()).isGreaterThanOrEqualTo(before.size());
        assertThat(facts(entry)).isEqualTo(before);
        assertThat(rebuild.fromTopic(ADMIN).changed()).isZero();
    }

    @Autowired
    RebuildLocks locks;

    @Autowired
    dev.hashi.events.EventCodec codec;

    @Test
    void aTopicThatNoLongerStartsAtOffsetZeroIsRefusedBeforeAnythingIsReplayed() throws Exception {
        String bootstrap = dev.hashi.embedded.SharedInfra.kafka().bootstrapServers();
        String topic = "rebuild-history-" + java.util.UUID.randomUUID();
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", bootstrap);
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(props)) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1)))
                    .all()
                    .get();
            props.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
            props.put("value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class.getName());
            try (org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> producer =
                    new org.apache.kafka.clients.producer.KafkaProducer<>(props)) {
                for (int i = 0; i < 3; i++) {
                    producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, "k", new byte[] {1}))
                            .get();
                }
            }
            admin.deleteRecords(Map.of(
                            new org.apache.kafka.common.TopicPartition(topic, 0),
                            org.apache.kafka.clients.admin.RecordsToDelete.beforeOffset(2)))
                    .all()
                    .get();
        }
        List<Object> fed = new java.util.ArrayList<>();

        assertThatThrownBy(() -> TopicReplay.replay(bootstrap, topic, codec, Duration.ofSeconds(5), fed::add))
                .isInstanceOf(dev.hashi.service.error.ConflictException.class)
                .extracting(e -> ((dev.hashi.service.error.ConflictException) e).code())
                .isEqualTo("rebuild.history-incomplete");
        assertThat(fed).isEmpty();
    }

    @Test
    void aRebuildWhileAnotherReplicaHoldsTheLeaseIsRefused() {
        Instant now = Instant.now();
        assertThat(locks.tryAcquire(Rebuild.LEASE, "other-replica", now, now.plusSeconds(600)))
                .isTrue();
        try {
            assertThatThrownBy(() -> rebuild.fromSnapshot(ADMIN))
                    .isInstanceOf(dev.hashi.service.error.ConflictException.class)
                    .extracting(e -> ((dev.hashi.service.error.ConflictException) e).code())
                    .isEqualTo("rebuild.running");
        } finally {
            locks.release(Rebuild.LEASE, "other-replica");
        }
    }

    @Test
    void aUnitCreatedWhileTheRebuildRunsIsNotMarkedRemoved() {
        String entry = ConferencePages.newEntryId();
        String unitId = UnitIds.of(entry, PATH, "en");
        ContentSnapshots createsMeanwhile = (cursor, limit) -> {
            content().changed(entry, 1, "editor-1", Map.of(), source(PATH, "ja", SENDAI));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> units.find(unitId).isPresent());
            return new ContentSnapshots.Page(List.of(), null, null);
        };

        rebuild.fromSnapshot(ADMIN, createsMeanwhile);

        assertThat(units.find(unitId).orElseThrow().removed()).isFalse();
    }

    @Test
    void rebuildEndpointIsForAdminsOnly() {
        assertThat(client().post(editor("ed-1"), "/api/translations/admin/rebuild", "")
                        .code())
                .isEqualTo("auth.forbidden");
        assertThat(client().post(null, "/api/translations/admin/rebuild", "").code())
                .isEqualTo("auth.required");
        Reply tape = client().post(admin("ad-1"), "/api/translations/admin/rebuild?from=tape", "");
        assertThat(tape.code()).isEqualTo("request.invalid");
        assertThat(tape.body().path("errors").get(0).path("field").asString()).isEqualTo("from");
        assertThat(tape.body().path("errors").get(0).path("code").asString()).isEqualTo("rebuild.invalid-source");
    }

    @Test
    void anUnreachableSnapshotIsUnavailableAndChangesNothing() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/content/snapshot", exchange -> {
            exchange.sendResponseHeaders(502, -1);
            exchange.close();
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            assertThatThrownBy(() -> rebuild.fromSnapshot(ADMIN, new HttpContentSnapshots(base, SECRET)))
                    .isInstanceOfSatisfying(UnavailableException.class, e -> {
                        assertThat(e.code()).isEqualTo("rebuild.snapshot-unavailable");
                        assertThat(e.details()).containsEntry("service", "content");
                    });
        } finally {
            server.stop(0);
        }
    }

    @Test
    void rebuildingFromContentSnapshotRestoresUnitsOfAnEntryKnownOnlyToTheSnapshot() throws IOException {
        String entry = "e-snapshot-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String english = "Fukuoka City's international environmental cooperation";
        String fukuoka = ConferencePages.JAPANESE_ONLY.get("p-fukuoka");
        String firstPage = """
                {"next":"c-2","items":[{"entryId":"%s","type":"event-page","version":7,"titles":{"en":"WPC 2003"},
                  "values":[
                    {"path":"p1","locale":"ja","originLocale":"ja","text":"%s","sourceHash":"%s","write":"source"},
                    {"path":"p1","locale":"en","originLocale":"ja","text":"%s","sourceHash":"%s",
                     "write":"translation","translationUnitId":null}]}]}
                """.formatted(entry, fukuoka, Texts.sourceHash(fukuoka), english, Texts.sourceHash(fukuoka));
        String secondPage = """
                {"next":null,"total":2,"items":[{"entryId":"%s","contentType":"event-page","version":3,
                  "titles":{"en":"WPC 2003"},
                  "values":[
                    {"path":"p2","locale":"en","originLocale":"en","text":"Dalian","sourceHash":"%s","write":"source"}]}]}
                """.formatted(entry + "-b", Texts.sourceHash("Dalian"));
        List<String> queries = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/content/snapshot", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            queries.add(query);
            byte[] bytes = (query.contains("cursor=c-2") ? secondPage : firstPage).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            rebuild.fromSnapshot(ADMIN, new HttpContentSnapshots(base, SECRET));
        } finally {
            server.stop(0);
        }

        try {
            Unit translated = units.find(UnitIds.of(entry, "p1", "en")).orElseThrow();
            assertThat(translated.state()).isEqualTo(UnitState.APPROVED);
            assertThat(translated.target().text()).isEqualTo(english);
            assertThat(units.find(UnitIds.of(entry, "p1", "ko")).orElseThrow().state())
                    .isEqualTo(UnitState.UNTRANSLATED);
            assertThat(units.find(UnitIds.of(entry + "-b", "p2", "ja"))
                            .orElseThrow()
                            .titles())
                    .containsEntry("en", "WPC 2003");
            assertThat(queries).containsExactly("limit=200", "limit=200&cursor=c-2");
        } finally {
            rebuild.fromTopic(ADMIN);
        }
        assertThat(units.find(UnitIds.of(entry, "p1", "en")).orElseThrow().removed())
                .as("an entry the topic never mentioned is gone after a full rebuild from the topic")
                .isTrue();
    }

    private Map<String, Unit.ContentFacts> facts(String entry) {
        Map<String, Unit.ContentFacts> facts = new TreeMap<>();
        units.ofEntry(entry).forEach(unit -> facts.put(unit.id(), unit.contentFacts()));
        return facts;
    }
}
