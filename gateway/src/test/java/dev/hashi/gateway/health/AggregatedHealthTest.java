package dev.hashi.gateway.health;

import org.junit.jupiter.api.Test;
import org.springframework.http.CacheControl;

import dev.hashi.gateway.GatewayWithStubServices;

class AggregatedHealthTest extends GatewayWithStubServices {

    @Test
    void allServicesUpMeansUpWithTheirComponentsButNoDetails() {
        client.get()
                .uri("/api/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .cacheControl(CacheControl.noStore())
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.gateway.status")
                .isEqualTo("UP")
                .jsonPath("$.services.content.status")
                .isEqualTo("UP")
                .jsonPath("$.services.content.components.mongo.status")
                .isEqualTo("UP")
                .jsonPath("$.services.content.components.kafka.status")
                .isEqualTo("UP")
                .jsonPath("$.services.content.components.mongo.details")
                .doesNotExist()
                .jsonPath("$.services.translation.status")
                .isEqualTo("UP")
                .jsonPath("$.services.media.status")
                .isEqualTo("UP");
    }

    @Test
    void theGatewaysOwnActuatorHealthStaysItsOwn() {
        client.get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.services")
                .doesNotExist();
    }
}
