package dev.hashi.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.hashi.gateway.GatewayWithStubServices;
import dev.hashi.gateway.StubService;
import dev.hashi.gateway.TestEdge;
import dev.hashi.gateway.security.DevJwts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Content-service runs as two replicas, media-service as one replica that answers and one that was stopped
 * (connections refused), translation-service as a single URI; configured as the dev stack and compose set them:
 * comma-separated base URIs.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = GatewayWithStubServices.LOG_ROUTES)
class ReplicaRoutingTest {

    static final StubService contentA = StubService.start("content-a");
    static final StubService contentB = StubService.start("content-b");
    static final StubService translation = StubService.start("translation");
    static final StubService mediaUp = StubService.start("media-up");
    static final URI mediaStopped = StubService.refusingConnections();

    @Value("${local.server.port}")
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        TestEdge.register(registry);
        registry.add("cms.gateway.downstream.content", () -> contentA.uri() + ", " + contentB.uri());
        registry.add(
                "cms.gateway.downstream.translation", () -> translation.uri().toString());
        registry.add("cms.gateway.downstream.media", () -> mediaStopped + "," + mediaUp.uri());
    }

    @BeforeEach
    void connect() {
        client = dev.hashi.gateway.TestClients.of(port, Duration.ofSeconds(10));
        for (StubService stub : List.of(contentA, contentB, translation, mediaUp)) {
            stub.reset();
        }
    }

    @AfterAll
    static void stopStubs() {
        for (StubService stub : List.of(contentA, contentB, translation, mediaUp)) {
            stub.close();
        }
    }

    @Test
    void requestsAlternateBetweenTheReplicasOfAService() throws Exception {
        List<String> servedBy = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            servedBy.add(serviceAnswering(client.get()
                    .uri("/api/content/entries/北九州-" + i + "?locale=ja")
                    .exchange()));
        }

        assertThat(servedBy).containsOnly("content-a", "content-b");
        for (int i = 1; i < servedBy.size(); i++) {
            assertThat(servedBy.get(i)).as("request %d", i).isNotEqualTo(servedBy.get(i - 1));
        }
        StubService.Seen seen = contentA.nextRequest();
        assertThat(seen.target()).startsWith("/api/content/entries/%E5%8C%97%E4%B9%9D%E5%B7%9E-");
        assertThat(seen.header("X-Hashi-Identity-Signature")).isNotBlank();
    }

    @Test
    void aSingleUriKeepsServingAsBefore() {
        for (int i = 0; i < 3; i++) {
            assertThat(serviceAnswering(
                            client.get().uri("/api/translations/units").exchange()))
                    .isEqualTo("translation");
        }
    }

    @Test
    void readsAreAnsweredByTheOtherReplicaWhileOneIsStopped() {
        for (int i = 0; i < 6; i++) {
            assertThat(serviceAnswering(
                            client.get().uri("/api/media/assets/a-" + i).exchange()))
                    .as("read %d", i)
                    .isEqualTo("media-up");
        }
    }

    @Test
    void writesMeetAStoppedReplicaAtMostOnceWhileItRests() {
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            int status = client.post()
                    .uri("/api/media/assets")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"title\":\"小倉城\"}")
                    .header("Authorization", "Bearer " + DevJwts.token("editor-1", "editor"))
                    .exchange()
                    .returnResult(Void.class)
                    .getStatus()
                    .value();
            assertThat(status).as("write %d", i).isIn(200, 503);
            refused += status == 503 ? 1 : 0;
        }
        assertThat(refused).isLessThanOrEqualTo(1);
    }

    @Test
    void aServiceIsUpWhileOneOfItsReplicasIsAndHealthCountsThem() {
        client.get()
                .uri("/api/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.services.media.status")
                .isEqualTo("UP")
                .jsonPath("$.services.media.components.mongo.status")
                .isEqualTo("UP")
                .jsonPath("$.services.media.replicas.up")
                .isEqualTo(1)
                .jsonPath("$.services.media.replicas.total")
                .isEqualTo(2)
                .jsonPath("$.services.content.replicas.up")
                .isEqualTo(2)
                .jsonPath("$.services.translation.status")
                .isEqualTo("UP")
                .jsonPath("$.services.translation.replicas")
                .doesNotExist();
    }

    private static String serviceAnswering(WebTestClient.ResponseSpec response) {
        byte[] body = response.expectStatus().isOk().expectBody().returnResult().getResponseBody();
        String json = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return json.replaceAll("^\\{\"service\":\"([^\"]+)\".*$", "$1");
    }
}
