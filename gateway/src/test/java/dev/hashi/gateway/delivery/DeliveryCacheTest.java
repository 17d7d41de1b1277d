package dev.hashi.gateway.delivery;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.hashi.gateway.GatewayWithStubServices;
import dev.hashi.gateway.StubService;
import dev.hashi.gateway.TestClients;
import dev.hashi.gateway.TestEdge;
import dev.hashi.gateway.security.DevJwts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The gateway's delivery cache in front of a content-service stand-in, evicted from the shared Kafka broker. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {GatewayWithStubServices.LOG_ROUTES, "cms.gateway.delivery-cache.list-ttl=1s"})
class DeliveryCacheTest {

    static final ContentUpstream content = new ContentUpstream();
    static final StubService translation = StubService.start("translation");
    static final StubService media = StubService.start("media");

    @Value("${local.server.port}")
    int port;

    @Autowired
    DeliveryEvictions evictions;

    WebTestClient client;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        TestEdge.register(registry);
        registry.add("cms.gateway.downstream.content", content::uri);
        registry.add("cms.gateway.downstream.translation", translation::uri);
        registry.add("cms.gateway.downstream.media", media::uri);
    }

    @BeforeAll
    static void topics() throws Exception {
        DeliveryEvents.createTopics();
    }

    @AfterAll
    static void stop() {
        content.close();
        translation.close();
        media.close();
    }

    @BeforeEach
    void connect() {
        client = TestClients.of(port, Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(30)).until(evictions::reading);
    }

    @Test
    void queryLocaleAndAcceptLanguageThatNegotiateTheSameLocaleShareOneEntry() {
        String path = "/api/delivery/entries/page/kitakyushu";
        content.answer(path, ContentUpstream.published("{\"title\":\"北九州\"}", "e-1=3", null));

        assertThat(get(path + "?locale=ja", null).getResponseHeaders().getFirst("Hashi-Cache"))
                .isEqualTo("miss");
        EntityExchangeResult<byte[]> japanese = get(path, "ja-JP,ja;q=0.9");
        assertThat(japanese.getResponseHeaders().getFirst("Hashi-Cache")).isEqualTo("hit");
        assertThat(new String(japanese.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"title\":\"北九州\"}");
        assertThat(content.requests(path)).isEqualTo(1);

        assertThat(get(path, "en-US").getResponseHeaders().getFirst("Hashi-Cache"))
                .isEqualTo("miss");
        assertThat(content.requests(path)).isEqualTo(2);
        assertThat(get(path, "!!not a language;q=7").getResponseHeaders().getFirst("Hashi-Cache"))
                .isEqualTo("hit");
        assertThat(get(path + "?locale=en", null).getResponseHeaders().getFirst("Hashi-Cache"))
                .isEqualTo("hit");
        assertThat(get(path, null).getResponseHeaders().getFirst("Hashi-Cache")).isEqualTo("hit");
        assertThat(content.requests(path)).isEqualTo(2);
    }

    @Test
    void aHitIsServedFromMemoryWithItsHeadersAndAge() {
        String path = "/api/delivery/entries/page/hit-headers";
        content.answer(path, ContentUpstream.published("{\"n\":1}", "e-2=1", null));
        EntityExchangeResult<byte[]> miss = get(path, "en");

        EntityExchangeResult<byte[]> hit = get(path, "en");

        assertThat(content.requests(path)).isEqualTo(1);
        HttpHeaders headers = hit.getResponseHeaders();
        assertThat(headers.getFirst("Hashi-Cache")).isEqualTo("hit");
        assertThat(headers.getETag())
                .isEqualTo(miss.getResponseHeaders().getETag())
                .isNotNull();
        assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL))
                .isEqualTo("public, max-age=60, stale-while-revalidate=300");
        assertThat(headers.getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("en");
        assertThat(headers.getFirst(HttpHeaders.AGE)).matches("[0-9]+");
        assertThat(headers.getFirst("X-Request-Id")).isNotBlank();
        assertThat(headers.getContentLength()).isEqualTo(7);
        assertThat(hit.getResponseBody()).isEqualTo(miss.getResponseBody());
    }

    @Test
    void ifNoneMatchOfTheStoredEtagIsAnsweredNotModifiedFromTheCache() {
        String path = "/api/delivery/entries/page/etag";
        content.answer(path, ContentUpstream.published("{\"n\":2}", "e-3=1", null));
        String etag = get(path, null).getResponseHeaders().getETag();

        client.get()
                .uri(path)
                .header(HttpHeaders.IF_NONE_MATCH, "\"other\", " + etag)
                .exchange()
                .expectStatus()
                .isNotModified()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, etag)
                .expectHeader()
                .valueEquals("Hashi-Cache", "hit")
                .expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=60, stale-while-revalidate=300")
                .expectHeader()
                .values(
                        HttpHeaders.VARY,
                        vary -> assertThat(String.join(",", vary)).contains("Accept-Language"))
                .expectBody()
                .isEmpty();
        assertThat(content.requests(path)).isEqualTo(1);
    }

    @Test
    void everyDeliveryResponseVariesOnAcceptLanguage() {
        String cached = "/api/delivery/entries/page/vary";
        content.answer(cached, ContentUpstream.published("{}", "e-4=1", null));
        String withoutVary = "/api/delivery/entries/page/no-vary-sent";
        content.answer(withoutVary, new ContentUpstream.Answer(200, Map.of("Content-Type", "application/json"), "{}"));

        assertThat(varyOf(get(cached, null))).contains("Accept-Language");
        assertThat(varyOf(get(cached, null))).contains("Accept-Language");
        assertThat(varyOf(get("/api/delivery/entries/page/missing", null))).contains("Accept-Language");
        assertThat(varyOf(get(withoutVary, null))).contains("Accept-Language");
    }

    @Test
    void internalHeadersNeverReachClientsOnAnyRoute() {
        String delivery = "/api/delivery/entries/page/internal";
        content.answer(delivery, ContentUpstream.published("{}", "e-5=1", "page"));
        String other = "/api/content/entries/internal";
        content.answer(other, ContentUpstream.published("{}", "e-5=1", "page"));

        for (EntityExchangeResult<byte[]> result :
                java.util.List.of(get(delivery, null), get(delivery, null), get(other, null))) {
            assertThat(result.getResponseHeaders().containsHeader("Hashi-Versions"))
                    .isFalse();
            assertThat(result.getResponseHeaders().containsHeader("Hashi-Types"))
                    .isFalse();
        }
    }

    @Test
    void deliveryKeepsContentServicesCacheControlWhileOtherRoutesStayNoStore() {
        String delivery = "/api/delivery/entries/page/cache-control";
        content.answer(delivery, ContentUpstream.published("{}", "e-6=1", null));
        String deliveryWithout = "/api/delivery/entries/page/cache-control-none";
        content.answer(
                deliveryWithout, new ContentUpstream.Answer(200, Map.of("Content-Type", "application/json"), "{}"));
        String other = "/api/content/entries/cache-control";
        content.answer(other, new ContentUpstream.Answer(200, Map.of("Content-Type", "application/json"), "{}"));

        HttpHeaders published = get(delivery, null).getResponseHeaders();
        assertThat(published.get(HttpHeaders.CACHE_CONTROL))
                .containsExactly("public, max-age=60, stale-while-revalidate=300");
        assertThat(published.containsHeader(HttpHeaders.PRAGMA)).isFalse();
        assertThat(published.containsHeader(HttpHeaders.EXPIRES)).isFalse();
        assertThat(get(deliveryWithout, null).getResponseHeaders().containsHeader(HttpHeaders.CACHE_CONTROL))
                .isFalse();
        assertThat(get(other, null).getResponseHeaders().getFirst(HttpHeaders.CACHE_CONTROL))
                .contains("no-store");
    }

    @Test
    void aPublishedEventForAListedEntryEvictsWithinASecond() throws Exception {
        String path = "/api/delivery/entries/page/evicted";
        content.answer(path, ContentUpstream.published("{\"v\":3}", "e-7=3, asset-1=2", null));
        get(path, null);
        assertThat(get(path, null).getResponseHeaders().getFirst("Hashi-Cache")).isEqualTo("hit");
        content.answer(path, ContentUpstream.published("{\"v\":4}", "e-7=4, asset-1=2", null));

        DeliveryEvents.published("e-7", "page", 4);

        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> body(get(path, null)).equals("{\"v\":4}"));
    }

    @Test
    void aResponseShowingAVersionBelowItsFloorIsServedButNotStored() throws Exception {
        String path = "/api/delivery/entries/page/lagging";
        content.answer(path, ContentUpstream.published("{\"v\":5}", "e-8=5", null));
        get(path, null);
        DeliveryEvents.published("e-8", "page", 6);
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> "miss".equals(get(path, null).getResponseHeaders().getFirst("Hashi-Cache")));

        int before = content.requests(path);
        assertThat(get(path, null).getResponseHeaders().getFirst("Hashi-Cache")).isEqualTo("miss");
        assertThat(body(get(path, null))).isEqualTo("{\"v\":5}");
        assertThat(content.requests(path)).isEqualTo(before + 2);

        content.answer(path, ContentUpstream.published("{\"v\":6}", "e-8=6", null));
        get(path, null);
        assertThat(get(path, null).getResponseHeaders().getFirst("Hashi-Cache")).isEqualTo("hit");
    }

    @Test
    void listResponsesExpireAfterTheListTtl() {
        String path = "/api/delivery/entries/page";
        content.answer(path, ContentUpstream.published("{\"items\":[]}", "e-9=1", "page"));
        assertThat(get(path + "?size=10", null).getResponseHeaders().getFirst("Hashi-Cache"))
                .isEqualTo("miss");
        assertThat(get(path + "?size=10", null).getResponseHeaders().getFirst("Hashi-Cache"))
                .isEqualTo("hit");

        await().atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> "miss"
                        .equals(get(path + "?size=10", null)
                                .getResponseHeaders()
                                .getFirst("Hashi-Cache")));
    }

    @Test
    void responsesThatAreNotPublicOrVaryOnMoreThanTheLocaleAreNotStored() {
        String varying = "/api/delivery/entries/page/varies-on-accept";
        ContentUpstream.Answer published = ContentUpstream.published("{}", "e-12=1", null);
        Map<String, String> headers = new java.util.LinkedHashMap<>(published.headers());
        headers.put("Vary", "Accept-Language, Accept");
        content.answer(varying, new ContentUpstream.Answer(200, headers, "{}"));
        String privately = "/api/delivery/entries/page/private";
        Map<String, String> noStore = new java.util.LinkedHashMap<>(published.headers());
        noStore.put("Cache-Control", "private, no-store");
        content.answer(privately, new ContentUpstream.Answer(200, noStore, "{}"));

        for (int i = 0; i < 2; i++) {
            assertThat(get(varying, null).getResponseHeaders().getFirst("Hashi-Cache"))
                    .isEqualTo("miss");
            assertThat(get(privately, null).getResponseHeaders().getFirst("Hashi-Cache"))
                    .isEqualTo("miss");
        }
        assertThat(content.requests(varying)).isEqualTo(2);
        assertThat(content.requests(privately)).isEqualTo(2);
    }

    @Test
    void previewsAuthenticatedReadsAndTheChangeFeedGoUpstreamEveryTime() {
        String path = "/api/delivery/entries/page/preview";
        content.answer(path, ContentUpstream.published("{}", "e-11=1", null));
        String changes = "/api/delivery/changes";
        content.answer(changes, ContentUpstream.published("{}", null, null));
        String editor = "Bearer " + DevJwts.token("ed", "editor");

        for (int i = 0; i < 2; i++) {
            assertThat(get(path + "?preview=true", null).getResponseHeaders().getFirst("Hashi-Cache"))
                    .isEqualTo("bypass");
            client.get()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, editor)
                    .exchange()
                    .expectHeader()
                    .valueEquals("Hashi-Cache", "bypass");
            assertThat(get(changes, null).getResponseHeaders().getFirst("Hashi-Cache"))
                    .isEqualTo("bypass");
        }
        assertThat(content.requests(path)).isEqualTo(4);
        assertThat(content.requests(changes)).isEqualTo(2);
    }

    private EntityExchangeResult<byte[]> get(String uri, String acceptLanguage) {
        WebTestClient.RequestHeadersSpec<?> request = client.get().uri(uri);
        if (acceptLanguage != null) {
            request = request.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        return request.exchange().expectBody().returnResult();
    }

    private static String body(EntityExchangeResult<byte[]> result) {
        return result.getResponseBody() == null
                ? ""
                : new String(result.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static java.util.List<String> varyOf(EntityExchangeResult<byte[]> result) {
        return result.getResponseHeaders().getOrEmpty(HttpHeaders.VARY).stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::trim)
                .toList();
    }
}
