package dev.hashi.content.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import dev.hashi.content.ContentServiceTest;
import dev.hashi.content.Pages;
import dev.hashi.content.Users;
import dev.hashi.embedded.SharedInfra;
import dev.hashi.events.EventCodec;
import dev.hashi.events.EventEnvelope;
import dev.hashi.events.consumer.BroadcastConsumer;
import dev.hashi.events.media.MediaAssetChanged;
import dev.hashi.testsupport.KafkaProbe;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery cache on the running service with the real broker: hits answer from memory without one MongoDB
 * command, events evict (on every replica), HTTP caching headers are what the delivery contract says.
 */
@Import(DeliveryCacheTest.Probes.class)
@TestPropertySource(properties = {"cms.delivery.cache.settle=300ms", "cms.content.schedule.enabled=false"})
class DeliveryCacheTest extends ContentServiceTest {

    /** MongoDB commands sent from request threads: a hit must send none. */
    static final AtomicLong REQUEST_COMMANDS = new AtomicLong();

    private static final String PUBLISHED = "public, max-age=60, stale-while-revalidate=300";

    @Autowired
    DeliveryEvents events;

    @Autowired
    DeliveryResponses responses;

    @Autowired
    ProbeController probes;

    private ServiceClient api;
    private String entryId;
    private String etag;
    private String slug;
    private String asset;

    @BeforeEach
    void publishedPage() {
        await().atMost(Duration.ofSeconds(20)).until(events::isReading);
        seedTypes();
        api = api();
        asset = "a-cache-" + Long.toString(System.nanoTime(), 36);
        KafkaProbe.send(assetChanged(asset, 1, 47_000));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", "Cache " + asset);
        page.put("summary", "北九州市 ｷﾀｷｭｳｼｭｳ");
        page.put("date", "2003-10-28");
        page.put("declaration", asset);
        Reply created = api.post(Users.EDITOR, "/api/content/entries", Pages.create("event-page", "en", page));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        entryId = created.body().path("entryId").asString();
        etag = created.etag();
        Reply published =
                await().atMost(Duration.ofSeconds(20)).until(() -> act("en", "publish"), r -> r.status() == 200);
        etag = published.etag();
        slug = published.body().path("slugs").path("en").asString();
    }

    @Test
    void aStoredResponseIsServedWithoutAnyDatabaseCommandWithTheSameBytesAndHeaders() {
        String path = page("en");
        Reply miss = api.get(Users.ANONYMOUS, path);
        assertThat(miss.status()).as(miss.raw()).isEqualTo(200);
        awaitStored(path);

        long before = REQUEST_COMMANDS.get();
        Reply hit = api.get(Users.ANONYMOUS, path);
        assertThat(REQUEST_COMMANDS.get() - before)
                .as("MongoDB commands of a hit")
                .isZero();

        assertThat(hit.status()).isEqualTo(200);
        assertThat(hit.raw()).isEqualTo(miss.raw());
        assertThat(hit.etag()).isEqualTo(miss.etag()).matches("\"[0-9a-f]{64}\"");
        assertThat(hit.header("Cache-Control")).isEqualTo(PUBLISHED);
        assertThat(hit.header("Vary")).containsIgnoringCase("Accept-Language");
        assertThat(hit.header("Content-Language")).isEqualTo("en");
        assertThat(hit.header("Content-Type")).startsWith("application/json");
        assertThat(hit.headers().get("vary")).as("Vary once").hasSize(1);

        Reply negotiated = api.get(Users.ANONYMOUS, page(null), "Accept-Language", "en-GB,ja;q=0.5");
        assertThat(negotiated.raw()).as("same negotiated locale, same key").isEqualTo(miss.raw());
    }

    @Test
    void ifNoneMatchIsAnswered304WithTheValidatorsOnAMissAndOnAHit() {
        String path = page("en");
        Reply first = api.get(Users.ANONYMOUS, path);
        Reply onMiss = api.get(Users.ANONYMOUS, path, "If-None-Match", "\"other\", " + first.etag());
        awaitStored(path);
        Reply onHit = api.get(Users.ANONYMOUS, path, "If-None-Match", "W/" + first.etag());

        for (Reply notModified : List.of(onMiss, onHit)) {
            assertThat(notModified.status()).isEqualTo(304);
            assertThat(notModified.raw()).isEmpty();
            assertThat(notModified.etag()).isEqualTo(first.etag());
            assertThat(notModified.header("Cache-Control")).isEqualTo(PUBLISHED);
            assertThat(notModified.header("Vary")).containsIgnoringCase("Accept-Language");
        }
        assertThat(api.get(Users.ANONYMOUS, path, "If-None-Match", "\"stale\"").status())
                .isEqualTo(200);
        Reply head = api.send(Users.ANONYMOUS, "HEAD", path, null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.etag()).isEqualTo(first.etag());
    }

    @Test
    void aPublishBecomesVisibleOnTheNextReadsWithinASecond() {
        String path = page("en");
        api.get(Users.ANONYMOUS, path);
        awaitStored(path);
        Reply current = api.get(Users.EDITOR, "/api/content/entries/" + entryId);
        Reply edited = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + entryId,
                Pages.patch("en", Map.of("summary", "Kitakyushu, the environmental capital")),
                "If-Match",
                current.etag());
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        etag = edited.etag();

        Reply published = act("en", "publish");
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> api.get(Users.ANONYMOUS, path).raw(), body -> body.contains("environmental capital"));
        System.out.printf(
                "delivery-cache: publish answered → new content served after %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void notFoundAndRedirectsVaryByLanguageAndAreNeverStored() {
        Reply missing = api.get(Users.ANONYMOUS, "/api/delivery/entries/event-page/no-such-page-" + asset);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Vary")).containsIgnoringCase("Accept-Language");
        assertThat(missing.header("Cache-Control")).isEqualTo("no-store");
        assertThat(missing.etag()).isNull();

        Reply invalid = api.get(Users.ANONYMOUS, "/api/delivery/entries/event-page/" + slug + "?locale=xx-INVALID-");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("Vary")).containsIgnoringCase("Accept-Language");

        Reply renamed = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + entryId,
                Map.of("locale", "en", "slug", "moved-" + asset, "fields", Map.of()),
                "If-Match",
                etag);
        assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
        etag = renamed.etag();
        Reply republished = act("en", "publish");
        assertThat(republished.status()).as(republished.raw()).isEqualTo(200);
        assertThat(republished.body().path("slugs").path("en").asString()).isEqualTo("moved-" + asset);
        String old = page("en");
        Reply moved = await().atMost(Duration.ofSeconds(1))
                .until(() -> api.get(Users.ANONYMOUS, old), r -> r.status() / 100 == 3);
        assertThat(moved.header("Location")).contains("moved-" + asset);
        assertThat(moved.header("Vary")).containsIgnoringCase("Accept-Language");
        assertThat(moved.header("Cache-Control")).isEqualTo(PUBLISHED);
        assertThat(responses.get(keyOf(old, "en"))).isEmpty();
    }

    @Test
    void previewsAndIdentifiedCallersBypassTheCacheAndArePrivate() {
        String path = page("en");
        api.get(Users.ANONYMOUS, path);
        awaitStored(path);

        for (Reply bypassed : List.of(
                api.get(Users.EDITOR, path + "&preview=true"),
                api.get(Users.ANONYMOUS, path + "&preview=true"),
                api.get(Users.READER, path))) {
            assertThat(bypassed.status()).isEqualTo(200);
            assertThat(bypassed.header("Cache-Control")).isEqualTo("private, no-store");
            assertThat(bypassed.etag()).matches("\"[0-9a-f]{64}\"");
            assertThat(bypassed.header("Vary")).containsIgnoringCase("Accept-Language");
        }
        long before = REQUEST_COMMANDS.get();
        api.get(Users.READER, path);
        assertThat(REQUEST_COMMANDS.get() - before)
                .as("an identified reader is not served from memory")
                .isPositive();
        assertThat(responses.get(new CacheKey(
                        "/api/delivery/entries/event-page/" + slug, Map.of("preview", List.of("true")), "en")))
                .isEmpty();
    }

    @Test
    void aMediaChangeOfAnAssetThePageShowsReachesItsReaders() {
        String path = page("en");
        api.get(Users.ANONYMOUS, path);
        awaitStored(path);

        KafkaProbe.send(assetChanged(asset, 2, 6_500_000));

        await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> api.get(Users.ANONYMOUS, path).body(),
                        body -> body.path("media").path(asset).path("sizeBytes").asLong() == 6_500_000);
    }

    @Test
    void aVersionedResponseIsEvictedByAnEventAboutAnAggregateItListsOnly() {
        String listed = "a-listed-" + asset;
        probes.versions.put("listed", listed + "=1");
        String path = "/api/delivery/probe/listed";
        int first = api.get(Users.ANONYMOUS, path).body().path("call").asInt();
        assertThat(api.get(Users.ANONYMOUS, path).body().path("call").asInt())
                .as("stored at once: versioned, at its floors")
                .isEqualTo(first);
        assertThat(api.get(Users.ANONYMOUS, path).header("Hashi-Versions")).isEqualTo(listed + "=1");

        KafkaProbe.send(assetChanged(listed, 2, 1));

        await().atMost(Duration.ofSeconds(1))
                .until(() -> api.get(Users.ANONYMOUS, path).body().path("call").asInt() > first);
    }

    @Test
    void aResponseShowingAnAggregateBelowItsFloorIsServedButNotStored() {
        String raised = "a-raised-" + asset;
        KafkaProbe.send(assetChanged(raised, 5, 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> responses.floor(raised) == 5);
        probes.versions.put("old", raised + "=4");
        String path = "/api/delivery/probe/old";

        int first = api.get(Users.ANONYMOUS, path).body().path("call").asInt();
        assertThat(api.get(Users.ANONYMOUS, path).body().path("call").asInt())
                .as("read from a version older than the event's: not stored")
                .isEqualTo(first + 1);

        probes.versions.put("old", raised + "=5");
        int current = api.get(Users.ANONYMOUS, path).body().path("call").asInt();
        assertThat(api.get(Users.ANONYMOUS, path).body().path("call").asInt()).isEqualTo(current);
    }

    @Test
    void aPublishOnOneReplicaEvictsTheCacheOfAnother() {
        DeliveryResponses other = new DeliveryResponses(1_000_000, 1000, Duration.ofMillis(300), System::nanoTime);
        DeliveryEvents replica = new DeliveryEvents(
                other, () -> BroadcastConsumer.consumer(SharedInfra.kafka().bootstrapServers()), EventCodec.standard());
        replica.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(replica::isReading);
            CacheKey key = keyOf(page("en"), "en");
            byte[] body = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(other.store(
                            key,
                            new StoredResponse(
                                    200,
                                    List.of(),
                                    body,
                                    Conditional.etag(body),
                                    Dependencies.parse(entryId + "=0", null).orElseThrow()),
                            other.begin()))
                    .isTrue();

            Reply current = api.get(Users.EDITOR, "/api/content/entries/" + entryId);
            etag = current.etag();
            assertThat(act("en", "unpublish").status()).isEqualTo(200);
            long start = System.nanoTime();
            await().atMost(Duration.ofSeconds(1))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> other.get(key).isEmpty());
            System.out.printf(
                    "delivery-cache: unpublish answered → other replica evicted after %d ms%n",
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            replica.stop();
        }
        assertThat(replica.isRunning()).isFalse();
    }

    private void awaitStored(String path) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    long before = REQUEST_COMMANDS.get();
                    Reply reply = api.get(Users.ANONYMOUS, path);
                    return reply.status() == 200 && REQUEST_COMMANDS.get() == before;
                });
    }

    private CacheKey keyOf(String path, String locale) {
        return new CacheKey(path.substring(0, path.indexOf('?')), Map.of(), locale);
    }

    private String page(String locale) {
        return "/api/delivery/entries/event-page/" + slug + (locale == null ? "" : "?locale=" + locale);
    }

    private Reply act(String locale, String action) {
        Reply reply = api.post(
                Users.EDITOR,
                "/api/content/entries/" + entryId + "/locales/" + locale + "/" + action,
                null,
                "If-Match",
                etag);
        if (reply.etag() != null) {
            etag = reply.etag();
        }
        return reply;
    }

    private static EventEnvelope<MediaAssetChanged> assetChanged(String id, long version, long sizeBytes) {
        return EventEnvelope.of(
                new MediaAssetChanged(
                        id,
                        "document",
                        Map.of("en", "Declaration", "ja", "宣言"),
                        sizeBytes,
                        "application/pdf",
                        "available",
                        List.of("en"),
                        Map.of(),
                        null,
                        null,
                        List.of(),
                        List.of()),
                id,
                version,
                null,
                "media",
                Instant.now());
    }

    @TestConfiguration
    static class Probes {

        @Bean
        MongoClientSettingsBuilderCustomizer requestThreadCommands() {
            CommandListener counter = new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (Thread.currentThread().getName().startsWith("http-nio-")) {
                        REQUEST_COMMANDS.incrementAndGet();
                    }
                }
            };
            return builder -> builder.addCommandListener(counter);
        }

        @Bean
        ProbeController probeController() {
            return new ProbeController();
        }
    }

    /** A delivery endpoint that names the versions it shows, as the delivery controllers do, and counts its calls. */
    @RestController
    static class ProbeController {

        final Map<String, String> versions = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        @GetMapping("/api/delivery/probe/{name}")
        ResponseEntity<Map<String, Object>> probe(@PathVariable String name) {
            int call = calls.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
            String listed = versions.get(name);
            if (listed != null) {
                ok.header(Dependencies.VERSIONS, listed);
            }
            return ok.body(Map.of("name", name, "call", call));
        }
    }
}
