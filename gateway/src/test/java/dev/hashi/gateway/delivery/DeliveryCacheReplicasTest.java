package dev.hashi.gateway.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.hashi.embedded.SharedInfra;
import dev.hashi.gateway.GatewayApplication;
import dev.hashi.gateway.StubService;
import dev.hashi.gateway.TestClients;
import dev.hashi.gateway.TestEdge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway replicas (two application contexts at once) in front of one content-service stand-in: each caches on
 * its own and both evict on one event. A third gateway with the cache disabled sends every read upstream.
 */
class DeliveryCacheReplicasTest {

    static final ContentUpstream content = new ContentUpstream();
    static final StubService translation = StubService.start("translation");
    static final StubService media = StubService.start("media");
    static final List<ConfigurableApplicationContext> gateways = new ArrayList<>();

    @BeforeAll
    static void topics() throws Exception {
        DeliveryEvents.createTopics();
    }

    @AfterAll
    static void stop() {
        gateways.forEach(ConfigurableApplicationContext::close);
        content.close();
        translation.close();
        media.close();
    }

    static ConfigurableApplicationContext gateway(boolean cacheEnabled) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
                .run(
                        "--server.port=0",
                        "--cms.gateway.security.profile=dev",
                        "--cms.gateway.security.gateway-secret=" + TestEdge.SECRET,
                        "--cms.gateway.tokens.bootstrap-servers="
                                + SharedInfra.kafka().bootstrapServers(),
                        "--cms.gateway.delivery-cache.bootstrap-servers="
                                + SharedInfra.kafka().bootstrapServers(),
                        "--cms.gateway.delivery-cache.enabled=" + cacheEnabled,
                        // lists live long here: only an eviction can explain a changed list
                        "--cms.gateway.delivery-cache.list-ttl=60s",
                        "--cms.gateway.rate-limit.anonymous.burst=100000",
                        "--cms.gateway.rate-limit.anonymous.refill=100000",
                        "--cms.gateway.downstream.content=" + content.uri(),
                        "--cms.gateway.downstream.translation=" + translation.uri(),
                        "--cms.gateway.downstream.media=" + media.uri());
        gateways.add(context);
        return context;
    }

    static WebTestClient clientOf(ConfigurableApplicationContext gateway) {
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        return TestClients.of(port, Duration.ofSeconds(10));
    }

    @Test
    void anEventEvictsTheEntryFromBothReplicasWithinASecond() throws Exception {
        String path = "/api/delivery/entries/presentation/declaration";
        content.answer(path, ContentUpstream.published("{\"v\":1}", "e-21=1", null));
        String list = "/api/delivery/entries/presentation";
        content.answer(list, ContentUpstream.published("{\"items\":1}", "e-20=1", "presentation"));
        List<WebTestClient> replicas = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ConfigurableApplicationContext gateway = gateway(true);
            await().atMost(Duration.ofSeconds(30)).until(gateway.getBean(DeliveryEvictions.class)::reading);
            replicas.add(clientOf(gateway));
        }
        for (WebTestClient replica : replicas) {
            assertThat(cacheOf(replica, path)).isEqualTo("miss");
            assertThat(cacheOf(replica, path)).isEqualTo("hit");
            assertThat(cacheOf(replica, list)).isEqualTo("miss");
            assertThat(cacheOf(replica, list)).isEqualTo("hit");
        }
        assertThat(content.requests(path)).isEqualTo(2);
        content.answer(path, ContentUpstream.published("{\"v\":2}", "e-21=2", null));
        content.answer(list, ContentUpstream.published("{\"items\":2}", "e-20=1, e-21=2", "presentation"));

        DeliveryEvents.published("e-21", "presentation", 2);

        for (WebTestClient replica : replicas) {
            await().atMost(Duration.ofSeconds(1))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> bodyOf(replica, path).equals("{\"v\":2}"));
            await().atMost(Duration.ofSeconds(1))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> bodyOf(replica, list).equals("{\"items\":2}"));
        }
    }

    @Test
    void withTheCacheDisabledEveryReadReachesContentService() {
        String path = "/api/delivery/entries/presentation/uncached";
        content.answer(path, ContentUpstream.published("{}", "e-22=1", null));
        WebTestClient disabled = clientOf(gateway(false));

        for (int i = 0; i < 3; i++) {
            disabled.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .doesNotExist("Hashi-Cache")
                    .expectHeader()
                    .doesNotExist("Hashi-Versions");
        }
        assertThat(content.requests(path)).isEqualTo(3);
    }

    private static String cacheOf(WebTestClient client, String path) {
        return client.get()
                .uri(path)
                .exchange()
                .expectBody()
                .returnResult()
                .getResponseHeaders()
                .getFirst("Hashi-Cache");
    }

    private static String bodyOf(WebTestClient client, String path) {
        byte[] body =
                client.get().uri(path).exchange().expectBody().returnResult().getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
