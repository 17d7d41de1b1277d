package dev.hashi.console.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GatewayApiTest {

    private final GatewayApi api =
            new GatewayApi(new GatewayProperties(URI.create("http://127.0.0.1:1"), Duration.ofSeconds(1)));

    @Test
    void versionConflictBecomesAProblemWithItsClashingFields() {
        GatewayProblem problem = catchThrowableOfType(GatewayProblem.class, () -> api.answer(412, null, bytes("""
                {"title":"Precondition Failed","status":412,"code":"version.conflict","detail":"changed",
                 "requestId":"r-1","resource":"entry","id":"e-1","currentVersion":7,"baseVersion":5,
                 "conflicts":[{"path":"title","locale":"ja"},{"path":"sessions[s-1].title","locale":null}]}
                """)));

        assertThat(problem.status()).isEqualTo(412);
        assertThat(problem.code()).isEqualTo("version.conflict");
        assertThat(problem.currentVersion()).contains(7L);
        assertThat(problem.requestId()).contains("r-1");
        assertThat(problem.conflicts())
                .containsExactly(
                        new GatewayProblem.Conflict("title", "ja"),
                        new GatewayProblem.Conflict("sessions[s-1].title", null));
    }

    @Test
    void fieldErrorsOfAnInvalidRequestAreKept() {
        GatewayProblem problem = catchThrowableOfType(GatewayProblem.class, () -> api.answer(422, null, bytes("""
                {"status":422,"code":"publish.invalid","locale":"ja",
                 "errors":[{"field":"title","code":"publish.required-missing","message":"title is required"}]}
                """)));

        assertThat(problem.code()).isEqualTo("publish.invalid");
        assertThat(problem.errors())
                .containsExactly(
                        new GatewayProblem.FieldError("title", "publish.required-missing", "title is required"));
    }

    @Test
    void anErrorThatIsNotAProblemBodyIsStillAProblem() {
        GatewayProblem problem =
                catchThrowableOfType(GatewayProblem.class, () -> api.answer(502, null, bytes("<html>bad</html>")));

        assertThat(problem.status()).isEqualTo(502);
        assertThat(problem.code()).isEqualTo(GatewayProblem.UNEXPECTED);
        assertThat(problem.conflicts()).isEmpty();
    }

    @Test
    void anUnreachableGatewayIsAProblemNotAnException() {
        assertThatThrownBy(() -> api.get(null, "/api/health")).isInstanceOfSatisfying(GatewayProblem.class, problem -> {
            assertThat(problem.status()).isEqualTo(503);
            assertThat(problem.code()).isEqualTo(GatewayProblem.UNREACHABLE);
        });
    }

    @Test
    void successCarriesTheVersionFromTheEtag() {
        GatewayResponse response = api.answer(200, "\"12\"", bytes("{\"entryId\":\"e-1\"}"));

        assertThat(response.version()).contains(12L);
        assertThat(response.body().path("entryId").asString()).isEqualTo("e-1");
    }

    @Test
    void onlyPublicApiPathsAreCalled() {
        assertThatThrownBy(() -> api.get(null, "/actuator/health")).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
