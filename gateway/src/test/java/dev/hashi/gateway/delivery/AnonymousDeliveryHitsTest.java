package dev.hashi.gateway.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.hashi.gateway.StubService;
import dev.hashi.gateway.TestClients;
import dev.hashi.gateway.TestEdge;
import dev.hashi.gateway.security.DevJwts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Anonymous cache hits are answered before the security filter chain ({@link AnonymousDeliveryHits}); every
 * protection a hit had before still applies to it. Each test is its own client address (the gateway trusts the test
 * client as a proxy and reads {@code X-Forwarded-For}), so the small anonymous rate limit is per test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnonymousDeliveryHitsTest {

    static final ContentUpstream content = new ContentUpstream();
    static final StubService translation = StubService.start("translation");
    static final StubService media = StubService.start("media");
    static final String ORIGIN = "https://www.kitakyushu.example";

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
        registry.add("cms.gateway.rate-limit.anonymous.burst", () -> "6");
        registry.add("cms.gateway.rate-limit.anonymous.refill", () -> "1");
        registry.add("cms.gateway.rate-limit.anonymous.period", () -> "60s");
        registry.add("cms.gateway.rate-limit.trusted-proxies", () -> "127\\.0\\.0\\.1");
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
    void aHitCarriesTheSecurityAndCorsHeadersOfAMiss() {
        String path = "/api/delivery/entries/page/security-headers";
        content.answer(path, ContentUpstream.published("{}", "h-1=1", null));

        HttpHeaders miss = get(path, "198.51.100.1", ORIGIN).getResponseHeaders();
        HttpHeaders hit = get(path, "198.51.100.1", ORIGIN).getResponseHeaders();

        assertThat(miss.getFirst("Hashi-Cache")).isEqualTo("miss");
        assertThat(hit.getFirst("Hashi-Cache")).isEqualTo("hit");
        for (String header : List.of(
                "X-Content-Type-Options",
                "X-Frame-Options",
                "Content-Security-Policy",
                "Referrer-Policy",
                HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN,
                HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)) {
            assertThat(hit.get(header)).as(header).isNotEmpty().isEqualTo(miss.get(header));
        }
        assertThat(hit.getFirst(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo(ORIGIN);
        assertThat(String.join(",", hit.getOrEmpty(HttpHeaders.VARY)))
                .contains("Origin")
                .contains("Accept-Language");
        assertThat(hit.containsHeader(HttpHeaders.PRAGMA)).isFalse();
    }

    @Test
    void aHitForAnOriginCorsDoesNotAllowIsRefusedAsAMissIs() {
        String path = "/api/delivery/entries/page/foreign-origin";
        content.answer(path, ContentUpstream.published("{}", "h-2=1", null));
        get(path, "198.51.100.2", null);
        assertThat(get(path, "198.51.100.2", null).getResponseHeaders().getFirst("Hashi-Cache"))
                .isEqualTo("hit");

        EntityExchangeResult<byte[]> foreign = get(path, "198.51.100.2", "https://elsewhere.example");

        assertThat(foreign.getStatus().value()).isEqualTo(403);
        assertThat(foreign.getResponseHeaders().containsHeader("Hashi-Cache")).isFalse();
    }

    @Test
    void aRequestWithATokenIsNeverAnsweredFromTheCache() {
        String path = "/api/delivery/entries/page/private-to-a-token";
        content.answer(path, ContentUpstream.published("{\"anonymous\":true}", "h-3=1", null));
        get(path, "198.51.100.3", null);
        assertThat(get(path, "198.51.100.3", null).getResponseHeaders().getFirst("Hashi-Cache"))
                .isEqualTo("hit");
        assertThat(content.requests(path)).isEqualTo(1);

        client.get()
                .uri(path)
                .header("X-Forwarded-For", "198.51.100.3")
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .doesNotExist("Hashi-Cache");
        assertThat(content.requests(path)).isEqualTo(1);

        client.get()
                .uri(path)
                .header("X-Forwarded-For", "198.51.100.3")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + DevJwts.token("ed", "editor"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Hashi-Cache", "bypass");
        assertThat(content.requests(path)).isEqualTo(2);
    }

    @Test
    void anonymousHitsAreRateLimited() {
        String path = "/api/delivery/entries/page/limited";
        content.answer(path, ContentUpstream.published("{}", "h-4=1", null));

        List<Integer> statuses = new ArrayList<>();
        List<String> cache = new ArrayList<>();
        List<String> remaining = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            EntityExchangeResult<byte[]> result = get(path, "198.51.100.4", null);
            statuses.add(result.getStatus().value());
            cache.add(result.getResponseHeaders().getFirst("Hashi-Cache"));
            remaining.add(result.getResponseHeaders().getFirst("X-RateLimit-Remaining"));
        }

        assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 200, 429, 429);
        assertThat(cache.subList(1, 6)).containsOnly("hit");
        assertThat(remaining.subList(0, 6)).containsExactly("5", "4", "3", "2", "1", "0");
        client.get()
                .uri(path)
                .header("X-Forwarded-For", "198.51.100.4")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectHeader()
                .exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("rate.limited");
        assertThat(get(path, "198.51.100.5", null).getStatus().value()).isEqualTo(200);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aHitEchoesTheRequestIdAndWritesItsAccessLogLine(CapturedOutput output) {
        String path = "/api/delivery/entries/page/logged";
        content.answer(path, ContentUpstream.published("{}", "h-5=1", null));
        get(path, "198.51.100.6", null);

        client.get()
                .uri(path)
                .header("X-Forwarded-For", "198.51.100.6")
                .header("X-Request-Id", "hit-log-check-7")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Hashi-Cache", "hit")
                .expectHeader()
                .valueEquals("X-Request-Id", "hit-log-check-7");

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(output.getOut().lines())
                        .anySatisfy(line ->
                                assertThat(line).contains("hit-log-check-7").contains("GET " + path + " -> 200")));
    }

    private EntityExchangeResult<byte[]> get(String uri, String clientAddress, String origin) {
        WebTestClient.RequestHeadersSpec<?> request = client.get().uri(uri).header("X-Forwarded-For", clientAddress);
        if (origin != null) {
            request = request.header(HttpHeaders.ORIGIN, origin);
        }
        return request.exchange().expectBody().returnResult();
    }
}
