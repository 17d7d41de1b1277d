package dev.hashi.gateway;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Translation-service is stopped; content-service and media-service run, media sometimes slowly. Every timeout
 * is 500 ms.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cms.gateway.downstream.connect-timeout=500ms",
            "cms.gateway.downstream.response-timeout=500ms",
            "cms.gateway.health.timeout=500ms",
            GatewayWithStubServices.LOG_ROUTES
        })
class DownstreamOutageTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final Duration HANG_LIMIT = TIMEOUT.multipliedBy(5);

    static final StubService content = StubService.start("content");
    static final URI stoppedTranslation = StubService.refusingConnections();
    static final StubService media = StubService.start("media");

    @Value("${local.server.port}")
    int port;

    WebTestClient client;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        TestEdge.register(registry);
        registry.add("cms.gateway.downstream.content", content::uri);
        registry.add("cms.gateway.downstream.translation", () -> stoppedTranslation);
        registry.add("cms.gateway.downstream.media", media::uri);
    }

    @BeforeEach
    void connectAndReset() {
        client = dev.hashi.gateway.TestClients.of(port, Duration.ofSeconds(10));
        content.reset();
        media.reset();
        client.get().uri("/api/content/warm-up").exchange().expectStatus().isOk();
        content.reset();
    }

    @AfterAll
    static void stopStubs() {
        content.close();
        media.close();
    }

    @Test
    void aStoppedServiceAnswersUnavailableProblemPromptlyBeforeAndAfterItsCircuitOpens() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            long start = System.nanoTime();
            WebTestClient.BodyContentSpec body = client.get()
                    .uri("/api/translations/units?state=untranslated")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(503)
                    .jsonPath("$.title")
                    .isEqualTo("Service Unavailable")
                    .jsonPath("$.code")
                    .isEqualTo("downstream.unavailable")
                    .jsonPath("$.service")
                    .isEqualTo("translation")
                    .jsonPath("$.instance")
                    .isEqualTo("/api/translations/units")
                    .jsonPath("$.requestId")
                    .isNotEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANG_LIMIT);
            if (attempt == 12) {
                body.jsonPath("$.detail")
                        .value(detail -> assertThat((String) detail).contains("retry"));
            }
        }
    }

    @Test
    void otherServicesKeepWorkingWhileOneIsStopped() {
        client.get().uri("/api/translations/units").exchange().expectStatus().isEqualTo(503);

        client.get()
                .uri("/api/content/entries")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.service")
                .isEqualTo("content");
        client.get().uri("/api/media/assets").exchange().expectStatus().isOk();
    }

    @Test
    void aServiceSlowerThanTheResponseTimeoutAnswersGatewayTimeoutProblemWithoutHanging() {
        media.answerAfter(Duration.ofSeconds(3));

        long start = System.nanoTime();
        client.get()
                .uri("/api/media/assets/declaration")
                .exchange()
                .expectStatus()
                .isEqualTo(504)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(504)
                .jsonPath("$.title")
                .isEqualTo("Gateway Timeout")
                .jsonPath("$.code")
                .isEqualTo("downstream.timeout")
                .jsonPath("$.service")
                .isEqualTo("media")
                .jsonPath("$.detail")
                .isEqualTo("The media service did not answer within 500 ms.");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(elapsed).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(50)).isLessThan(HANG_LIMIT);
        media.answerAfter(Duration.ZERO);
        client.get().uri("/api/media/assets").exchange().expectStatus().isOk();
    }

    @Test
    void aMediaTransferMayTakeLongerThanTheResponseTimeoutAndTheBreakersTimeLimit() {
        media.answerAfter(Duration.ofSeconds(2));

        client.get()
                .uri("/api/media/assets/a-slides/content")
                .exchange()
                .expectStatus()
                .isOk();
        client.put()
                .uri("/api/media/assets/a-slides/variants/ja")
                .header("Authorization", "Bearer " + dev.hashi.gateway.security.DevJwts.token("ed", "editor"))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[2048])
                .exchange()
                .expectStatus()
                .isOk();
        media.answerAfter(Duration.ZERO);
    }

    @Test
    void aBodyThatStartedInTimeKeepsStreamingPastTheResponseTimeout() {
        client.get()
                .uri("/api/media/assets/declaration/slow-body")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo(StubService.SLOW_BODY);
    }

    @Test
    void aggregatedHealthShowsEachServiceAsItIsAndTheWholeAsDegraded() {
        media.health(503, """
                {"status":"DOWN","components":{"mongo":{"status":"UP"},"kafka":{"status":"DOWN","details":{"error":"timeout"}}}}""");

        client.get()
                .uri("/api/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DEGRADED")
                .jsonPath("$.services.content.status")
                .isEqualTo("UP")
                .jsonPath("$.services.content.components.mongo.status")
                .isEqualTo("UP")
                .jsonPath("$.services.translation.status")
                .isEqualTo("DOWN")
                .jsonPath("$.services.translation.error")
                .isEqualTo("connection refused")
                .jsonPath("$.services.media.status")
                .isEqualTo("DOWN")
                .jsonPath("$.services.media.components.mongo.status")
                .isEqualTo("UP")
                .jsonPath("$.services.media.components.kafka.status")
                .isEqualTo("DOWN")
                .jsonPath("$.services.media.components.kafka.details")
                .doesNotExist();
    }

    @Test
    void aggregatedHealthDoesNotWaitLongerThanItsTimeoutForASlowService() {
        media.healthAnswerAfter(Duration.ofSeconds(3));

        long start = System.nanoTime();
        client.get()
                .uri("/api/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DEGRADED")
                .jsonPath("$.services.content.status")
                .isEqualTo("UP")
                .jsonPath("$.services.media.status")
                .isEqualTo("DOWN")
                .jsonPath("$.services.media.error")
                .isEqualTo("no answer within 500 ms");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANG_LIMIT);
    }
}
