package dev.hashi.gateway.observability;

import org.junit.jupiter.api.Test;

import dev.hashi.gateway.GatewayWithStubServices;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsEndpointTest extends GatewayWithStubServices {

    @Test
    void theScraperInsideTheNetworkReadsPerRouteMetricsWithoutRawPaths() {
        client.get().uri("/api/content/entries/e-北九州").exchange().expectStatus().isOk();

        String metrics = client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(metrics)
                .contains("hashi_readiness")
                .contains("spring_cloud_gateway_requests_seconds_count")
                .contains("cache_gets_total{application=\"gateway\",cache=\"gateway.delivery\"")
                .doesNotContain("e-北九州", "e-%E5%8C%97");
    }

    @Test
    void aRequestThatCameThroughAProxyIsAnsweredNotFound() {
        client.get()
                .uri("/actuator/prometheus")
                .header("X-Forwarded-For", "203.0.113.7")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("route.not-found");
        client.get()
                .uri("/actuator/prometheus")
                .header("Forwarded", "for=203.0.113.7")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void noOtherActuatorEndpointIsServedAndNoActuatorPathIsRoutedToAService() {
        client.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
        client.get().uri("/actuator/metrics").exchange().expectStatus().isNotFound();
        content.reset();

        client.get().uri("/actuator/loggers").exchange().expectStatus().isNotFound();

        assertThat(content.nextRequestWithin(java.time.Duration.ofMillis(300))).isEmpty();
    }
}
