package dev.hashi.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.hashi.gateway.StubService;
import dev.hashi.gateway.TestEdge;
import dev.hashi.gateway.security.DevJwts;

import reactor.netty.http.client.HttpClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RateLimitTest {

    static final StubService content = StubService.start("content");

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        TestEdge.register(registry);
        registry.add("cms.gateway.downstream.content", content::uri);
        registry.add("cms.gateway.downstream.translation", StubService::refusingConnections);
        registry.add("cms.gateway.downstream.media", StubService::refusingConnections);
        registry.add("cms.gateway.rate-limit.anonymous.burst", () -> "5");
        registry.add("cms.gateway.rate-limit.anonymous.refill", () -> "1");
        registry.add("cms.gateway.rate-limit.anonymous.period", () -> "60s");
        registry.add("cms.gateway.rate-limit.authenticated.burst", () -> "5");
        registry.add("cms.gateway.rate-limit.authenticated.refill", () -> "1");
        registry.add("cms.gateway.rate-limit.authenticated.period", () -> "60s");
        registry.add("cms.gateway.rate-limit.trusted-proxies", () -> "127\\.0\\.0\\.4");
        registry.add("cms.gateway.health.cache", () -> "30s");
    }

    @Value("${local.server.port}")
    int port;

    @BeforeEach
    void reset() {
        content.reset();
    }

    @Test
    void aBurstFromOneAnonymousClientIsLimitedWhileAnotherClientIsServed() {
        WebTestClient first = from("127.0.0.1");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(first.get()
                    .uri("/api/delivery/entries/x")
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses.subList(5, 8)).containsOnly(429);

        first.get()
                .uri("/api/delivery/entries/x")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("rate.limited");

        from("127.0.0.2")
                .get()
                .uri("/api/delivery/entries/x")
                .exchange()
                .expectStatus()
                .isOk();
        first.get()
                .uri("/api/delivery/entries/x")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + DevJwts.token("ed", "editor"))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void serviceDocumentsAreLimitedLikeTheApi() {
        WebTestClient client = from("127.0.0.3");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(client.get()
                    .uri("/docs/content/v3/api-docs")
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses.get(5)).isEqualTo(429);
    }

    @Test
    void clientsBehindATrustedProxyHaveABucketEachAndSpoofedAddressesFromOthersAreIgnored() {
        WebTestClient proxy = from("127.0.0.4");
        for (int i = 0; i < 5; i++) {
            proxy.get()
                    .uri("/api/delivery/entries/x")
                    .header("X-Forwarded-For", "198.51.100.7, 203.0.113.1")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        proxy.get()
                .uri("/api/delivery/entries/x")
                .header("X-Forwarded-For", "203.0.113.1")
                .exchange()
                .expectStatus()
                .isEqualTo(429);
        proxy.get()
                .uri("/api/delivery/entries/x")
                .header("X-Forwarded-For", "203.0.113.2")
                .exchange()
                .expectStatus()
                .isOk();
        proxy.get()
                .uri("/api/delivery/entries/x")
                .header("Forwarded", "for=203.0.113.3;proto=https")
                .exchange()
                .expectStatus()
                .isOk();

        WebTestClient untrusted = from("127.0.0.5");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(untrusted
                    .get()
                    .uri("/api/delivery/entries/x")
                    .header("X-Forwarded-For", "192.0.2." + i)
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value());
        }
        assertThat(statuses.get(5)).isEqualTo(429);
    }

    @Test
    void theHealthFanOutIsCachedAndLimited() {
        WebTestClient client = from("127.0.0.6");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(client.get()
                    .uri("/api/health")
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value());
        }
        assertThat(statuses.subList(0, 5)).doesNotContain(429);
        assertThat(statuses.get(5)).isEqualTo(429);
        assertThat(content.healthRequests()).isLessThanOrEqualTo(1);
    }

    private WebTestClient from(String localAddress) {
        HttpClient http = HttpClient.newConnection().bindAddress(() -> new InetSocketAddress(localAddress, 0));
        return dev.hashi.gateway.TestClients.of(http, port, Duration.ofSeconds(30));
    }
}
