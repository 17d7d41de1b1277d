package dev.hashi.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

import io.netty.channel.ConnectTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayProblemTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void aConnectionBrokenOffByTheServiceIsABadGateway() {
        GatewayProblem problem = GatewayProblem.of(
                new IOException("Connection prematurely closed BEFORE response"),
                "media",
                TIMEOUT,
                "/api/media/assets/a1");

        assertThat(problem.status().value()).isEqualTo(502);
        assertThat(problem.code()).isEqualTo("downstream.failed");
        assertThat(problem.service()).isEqualTo("media");
    }

    @Test
    void aConnectTimeoutIsAnUnavailableServiceNotATimeout() {
        GatewayProblem problem = GatewayProblem.of(
                new ConnectTimeoutException("connection timed out"), "content", TIMEOUT, "/api/content/entries");

        assertThat(problem.status().value()).isEqualTo(503);
        assertThat(problem.code()).isEqualTo("downstream.unavailable");
    }

    @Test
    void aGatewayBugIsAnInternalErrorThatRevealsNothing() {
        GatewayProblem problem =
                GatewayProblem.of(new IllegalStateException("secret internals"), null, TIMEOUT, "/api/content/entries");

        assertThat(problem.status().value()).isEqualTo(500);
        assertThat(problem.code()).isEqualTo("internal.error");
        assertThat(problem.detail()).doesNotContain("secret");
        assertThat(problem.unexpected()).isTrue();
    }

    @Test
    void aConnectionFailureOutsideAnyRouteIsNotBlamedOnADownstream() {
        GatewayProblem problem = GatewayProblem.of(new ConnectException("refused"), null, TIMEOUT, "/api/health");

        assertThat(problem.code()).isEqualTo("internal.error");
        assertThat(problem.service()).isNull();
    }

    @Test
    void otherHttpErrorsKeepTheirStatusWithAStableCode() {
        GatewayProblem problem = GatewayProblem.of(
                new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "too big"),
                null,
                TIMEOUT,
                "/api/media/assets");

        assertThat(problem.status().value()).isEqualTo(413);
        assertThat(problem.code()).isEqualTo("request.too-large");
        assertThat(problem.detail()).isEqualTo("too big");
    }

    @Test
    void theGatewaysOwnBadRequestsUseTheCatalogueCodes() {
        GatewayProblem unreadable = GatewayProblem.of(
                new ServerWebInputException(
                        "bad body", null, new org.springframework.core.codec.DecodingException("JSON decoding error")),
                null,
                TIMEOUT,
                "/api/tokens");
        assertThat(unreadable.status().value()).isEqualTo(400);
        assertThat(unreadable.code()).isEqualTo("request.malformed");

        GatewayProblem invalid = GatewayProblem.of(
                new ResponseStatusException(HttpStatus.BAD_REQUEST, "name must not be blank"),
                null,
                TIMEOUT,
                "/api/tokens");
        assertThat(invalid.code()).isEqualTo("request.invalid");

        GatewayProblem conflict =
                GatewayProblem.of(new ResponseStatusException(HttpStatus.CONFLICT), null, TIMEOUT, "/api/tokens");
        assertThat(conflict.code()).doesNotStartWith("request.4").doesNotStartWith("gateway.");
    }
}
