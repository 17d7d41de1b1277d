package dev.hashi.devstack;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dev stack with two JVMs of every service ({@code HASHI_REPLICAS=2}), the gateways spreading requests over
 * both replicas of each service: a scheduled publish fires once though both content replicas run the scheduler,
 * both outbox relays together publish each event once, the two translation consumers apply each event once, and an
 * API token revoked through one gateway stops working on the other. One launch for all of it.
 */
class TwoReplicaStackTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CONTENT_TOPIC = "cms.content.events";

    @TempDir
    static Path data;

    static LaunchedStack stack;
    static String admin;
    static String editor;

    @BeforeAll
    static void startTwoReplicasOfEveryService() throws Exception {
        long began = System.nanoTime();
        stack = LaunchedStack.onFreePorts(data, 2).start();
        System.out.printf("two-replica stack ready after %d ms%n", (System.nanoTime() - began) / 1_000_000);
        // a replica's health probe can miss the gateway's timeout on a loaded machine (one "up": 1 of 2 seen right
        // after the banner), so the gateways get a minute to see every replica UP
        for (String gateway : List.of(stack.gateway(), stack.secondGateway())) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(
                            () -> assertThat(stack.sendTo(gateway, "GET", "/api/health", null, null)
                                            .body())
                                    .as("both replicas of content, translation and media UP behind %s", gateway)
                                    .containsPattern(
                                            "(?s)(\"replicas\"\\s*:\\s*\\{\\s*\"up\"\\s*:\\s*2\\s*,\\s*\"total\"\\s*:\\s*2.*){3}"));
        }
        admin = stack.devToken("{\"subject\":\"admin-1\",\"roles\":[\"admin\"]}");
        editor = stack.devToken("{\"subject\":\"editor-1\",\"roles\":[\"editor\"]}");
        HttpResponse<String> seeded = stack.send("POST", "/api/content/types/seed", admin, "{}");
        assertThat(seeded.statusCode()).as(seeded.body()).isBetween(200, 201);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aScheduledPublishFiresOnceThoughBothContentReplicasRunTheScheduler() throws Exception {
        String id = createPage(stack.gateway(), "scheduled-once");
        HttpResponse<String> scheduled = stack.send(
                "POST",
                "/api/content/entries/" + id + "/schedules",
                editor,
                "{\"locale\":\"en\",\"action\":\"publish\",\"at\":\""
                        + Instant.now().plusSeconds(2) + "\"}");
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> stack.get("/api/delivery/entries/event-page/scheduled-once?locale=en")
                                .statusCode()
                        == 200);
        // both runners poll every second: give the second a few chances to run the job again
        Thread.sleep(3_000);

        List<JsonNode> published = contentEvents().stream()
                .filter(event -> event.path("aggregateId").asString().equals(id))
                .filter(event -> event.path("type").asString().equals("content.entry.published"))
                .toList();
        assertThat(published).as("content.entry.published events of the entry").hasSize(1);
        JsonNode revisions = json(stack.send("GET", "/api/content/entries/" + id + "/revisions", editor, null));
        List<JsonNode> publishRevisions = new ArrayList<>();
        revisions.path("items").forEach(revision -> {
            if (revision.path("kind").asString().equals("publish")) {
                publishRevisions.add(revision);
            }
        });
        assertThat(publishRevisions).as("publish revisions in %s", revisions).hasSize(1);
        JsonNode schedules = json(stack.send("GET", "/api/content/entries/" + id + "/schedules", editor, null));
        assertThat(schedules.path("items").get(0).path("status").asString())
                .as("the job, in %s", schedules)
                .isEqualTo("done");
    }

    @Test
    void everyEventIsRelayedOnceAndEveryUnitCreatedOnceAcrossReplicas() throws Exception {
        List<String> gateways = List.of(stack.gateway(), stack.secondGateway());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(createPage(gateways.get(i % 2), "relayed-once-" + i));
        }
        Map<String, List<String>> units = new TreeMap<>();
        for (String id : ids) {
            units.put(
                    id,
                    await().atMost(Duration.ofSeconds(30))
                            .pollInterval(Duration.ofMillis(250))
                            .until(() -> unitKeys(id), keys -> keys.size() >= 4));
        }
        // late duplicates from a second relay or a redelivery would arrive within this pause
        Thread.sleep(3_000);

        List<JsonNode> events = contentEvents();
        assertThat(events.stream().map(e -> e.path("eventId").asString()))
                .as("event ids on %s", CONTENT_TOPIC)
                .doesNotHaveDuplicates();
        assertThat(events.stream()
                        .map(e -> e.path("aggregateId").asString() + " v"
                                + e.path("aggregateVersion").asLong() + " "
                                + e.path("type").asString()))
                .as("(aggregateId, aggregateVersion, type) on %s", CONTENT_TOPIC)
                .doesNotHaveDuplicates();
        for (String id : ids) {
            assertThat(events.stream()
                            .filter(e -> e.path("aggregateId").asString().equals(id)))
                    .as("events of %s: its create and its Japanese edit", id)
                    .hasSizeGreaterThanOrEqualTo(2);
            List<String> now = unitKeys(id);
            assertThat(now).as("units of %s, one per field and locale pair", id).doesNotHaveDuplicates();
            assertThat(now).as("units of %s, nothing added since", id).isEqualTo(units.get(id));
        }
    }

    @Test
    void anApiTokenRevokedThroughOneGatewayStopsWorkingOnTheOther() throws Exception {
        HttpResponse<String> created = stack.sendTo(
                stack.gateway(),
                "POST",
                "/api/tokens",
                admin,
                "{\"name\":\"replica import\",\"roles\":[\"editor\"],\"validDays\":1}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode token = json(created);
        String secret = token.path("token").asString();
        String tokenId = token.path("id").asString();
        assertThat(secret).isNotBlank();

        Function<String, Integer> onSecondGateway = path -> {
            try {
                return stack.sendTo(stack.secondGateway(), "GET", path, secret, null)
                        .statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> onSecondGateway.apply("/api/translations/queue?target=ja"), status -> status == 200);

        HttpResponse<String> revoked = stack.sendTo(stack.gateway(), "DELETE", "/api/tokens/" + tokenId, admin, null);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
        long revokedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> onSecondGateway.apply("/api/translations/queue?target=ja"), status -> status == 401);
        System.out.printf(
                "token revoked on gateway 1 refused by gateway 2 after %d ms%n",
                (System.nanoTime() - revokedAt) / 1_000_000);
    }

    /** An event page in English with a Japanese presentation title; its id. */
    private static String createPage(String gateway, String slug) throws Exception {
        Map<String, Object> fields = Map.of(
                "title",
                "World Partnership Conference (" + slug + ")",
                "summary",
                "A declaration was adopted at the Conference.",
                "date",
                "2003-10-28",
                "sessions",
                List.of(Map.of(
                        "title",
                        "Local Governments",
                        "presentations",
                        List.of(Map.of("presenter", "Minamata City, Japan")))));
        HttpResponse<String> created = stack.sendTo(
                gateway,
                "POST",
                "/api/content/entries",
                editor,
                JSON.writeValueAsString(Map.of("type", "event-page", "locale", "en", "slug", slug, "fields", fields)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode entry = json(created);
        JsonNode session = entry.path("fields").path("sessions").get(0);
        HttpResponse<String> japanese = stack.sendTo(
                gateway,
                "PATCH",
                "/api/content/entries/" + entry.path("entryId").asString(),
                editor,
                JSON.writeValueAsString(Map.of(
                        "locale",
                        "ja",
                        "fields",
                        Map.of(
                                "sessions",
                                List.of(Map.of(
                                        "id",
                                        session.path("id").asString(),
                                        "presentations",
                                        List.of(Map.of(
                                                "id",
                                                session.path("presentations")
                                                        .get(0)
                                                        .path("id")
                                                        .asString(),
                                                "title",
                                                "水俣市の環境モデル都市づくり"))))))),
                "If-Match",
                created.headers().firstValue("ETag").orElseThrow());
        assertThat(japanese.statusCode()).as(japanese.body()).isEqualTo(200);
        return entry.path("entryId").asString();
    }

    /** The entry's units as path, source and target locale, sorted. */
    private static List<String> unitKeys(String entryId) throws Exception {
        JsonNode page = json(stack.send("GET", "/api/translations/queue?limit=100&entryId=" + entryId, editor, null));
        List<String> keys = new ArrayList<>();
        page.path("items")
                .forEach(unit -> keys.add(unit.path("path").asString() + " "
                        + unit.path("sourceLocale").asString() + ">"
                        + unit.path("targetLocale").asString()));
        keys.sort(null);
        return keys;
    }

    /** Every record on the content topic from its beginning to its current end, decoded as JSON envelopes. */
    private static List<JsonNode> contentEvents() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + stack.port("HASHI_KAFKA_PORT"));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(CONTENT_TOPIC, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(CONTENT_TOPIC, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            List<JsonNode> events = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(Instant.now())
                        .as("reading %s to its end %s", CONTENT_TOPIC, end)
                        .isBefore(deadline);
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    events.add(JSON.readTree(record.value()));
                }
            }
            return events;
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
