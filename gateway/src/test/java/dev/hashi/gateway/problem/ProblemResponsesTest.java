package dev.hashi.gateway.problem;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import dev.hashi.gateway.GatewayWithStubServices;

class ProblemResponsesTest extends GatewayWithStubServices {

    @Test
    void anUnknownPathAnswersNotFoundProblem() {
        client.get()
                .uri("/api/nothing-here?x=1")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.title")
                .isEqualTo("Not Found")
                .jsonPath("$.code")
                .isEqualTo("route.not-found")
                .jsonPath("$.instance")
                .isEqualTo("/api/nothing-here")
                .jsonPath("$.detail")
                .isEqualTo("Nothing is served at /api/nothing-here.")
                .jsonPath("$.service")
                .doesNotExist();
    }

    @Test
    void aWrongMethodAnswersMethodNotAllowedProblemWithAllow() {
        client.post()
                .uri("/api/health")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("Allow", "GET")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(405)
                .jsonPath("$.code")
                .isEqualTo("request.method-not-allowed");
    }
}
