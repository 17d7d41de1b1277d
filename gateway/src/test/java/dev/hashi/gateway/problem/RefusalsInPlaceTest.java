package dev.hashi.gateway.problem;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.WebFilter;

import dev.hashi.gateway.GatewayWithStubServices;

import reactor.core.publisher.SignalType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's own refusals are written where they are decided, not raised as errors that travel back through every
 * filter of the chain (see {@link ProblemResponses#refuse}): the outermost filter sees the request complete, with the
 * same problem document the error handler writes. A refusal that went back to being an error fails here, while the
 * answer-level tests elsewhere (which only see the response) would still pass.
 */
class RefusalsInPlaceTest extends GatewayWithStubServices {

    static final List<SignalType> outcomes = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class OutermostFilter {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        WebFilter recordOutcome() {
            return (exchange, chain) -> chain.filter(exchange).doFinally(outcomes::add);
        }
    }

    @BeforeEach
    void forget() {
        outcomes.clear();
    }

    /** The outcome the outermost filter saw; it may arrive just after the client has read the whole response. */
    private static List<SignalType> outcome() {
        await().atMost(Duration.ofSeconds(5)).until(() -> !outcomes.isEmpty());
        return outcomes;
    }

    @Test
    void aPathNothingServesIsAnsweredNotFoundWithoutAnError() {
        client.get()
                .uri("/api/nothing-here")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("route.not-found")
                .jsonPath("$.detail")
                .isEqualTo("Nothing is served at /api/nothing-here.")
                .jsonPath("$.requestId")
                .isNotEmpty();
        assertThat(outcome()).containsExactly(SignalType.ON_COMPLETE);
    }

    @Test
    void aWriteWithoutCredentialsIsAnsweredUnauthorizedWithoutAnError() {
        client.delete()
                .uri("/api/content/entries/e-1")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("WWW-Authenticate", "Bearer")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("auth.required")
                .jsonPath("$.requestId")
                .isNotEmpty();
        assertThat(outcome()).containsExactly(SignalType.ON_COMPLETE);
        assertThat(content.nextRequestWithin(Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void anInvalidTokenIsAnsweredUnauthorizedWithoutAnError() {
        client.get()
                .uri("/api/content/entries/e-1")
                .header("Authorization", "Bearer not-a-token")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("auth.invalid-token");
        assertThat(outcome()).containsExactly(SignalType.ON_COMPLETE);
    }

    @Test
    void aWrongMethodStillTravelsAsAnErrorToTheSameProblem() {
        client.post()
                .uri("/api/health")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("request.method-not-allowed");
        assertThat(outcome()).containsExactly(SignalType.ON_ERROR);
    }
}
