package dev.hashi.gateway.tokens;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import dev.hashi.gateway.GatewayWithStubServices;
import dev.hashi.gateway.StubService.Seen;
import dev.hashi.gateway.security.DevJwts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An admin creates, uses, lists and revokes an API token through the gateway; its records live in Kafka. */
class ApiTokenLifecycleTest extends GatewayWithStubServices {

    @Autowired
    TokenLog log;

    @Test
    void adminCreatesATokenThatWorksUntilItIsRevoked() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(log::caughtUp);
        String admin = "Bearer " + DevJwts.token("root", "admin");
        Map<String, Object> created = client.post()
                .uri("/api/tokens")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"ci import\",\"roles\":[\"editor\"],\"validDays\":7}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        String secret = (String) created.get("token");
        String id = (String) created.get("id");
        assertThat(secret).startsWith(ApiTokens.PREFIX).hasSizeGreaterThan(40);

        client.post()
                .uri("/api/content/entries")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isOk();
        Seen seen = content.nextRequest();
        assertThat(seen.header("X-Hashi-Subject")).isEqualTo("token:" + id);
        assertThat(seen.header("X-Hashi-Roles")).isEqualTo("editor");

        String listed = client.get()
                .uri("/api/tokens")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(listed)
                .contains(id)
                .contains("ci import")
                .doesNotContain(secret)
                .doesNotContain("hash");

        client.delete()
                .uri("/api/tokens/" + id)
                .header(HttpHeaders.AUTHORIZATION, admin)
                .exchange()
                .expectStatus()
                .isNoContent();
        client.post()
                .uri("/api/content/entries")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + secret)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("auth.invalid-token");
    }

    @Test
    void onlyAdminsManageTokens() {
        client.get()
                .uri("/api/tokens")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + DevJwts.token("ed", "editor"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("auth.forbidden");
        client.post()
                .uri("/api/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"x\",\"roles\":[\"admin\"]}")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        client.get().uri("/api/tokens").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void tokensWithUnknownRolesOrBadPairsAreRefused() {
        String admin = "Bearer " + DevJwts.token("root", "admin");
        client.post()
                .uri("/api/tokens")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"x\",\"roles\":[\"overlord\"]}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post()
                .uri("/api/tokens")
                .header(HttpHeaders.AUTHORIZATION, admin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"x\",\"roles\":[\"translator\"],\"localePairs\":[\"ja-en\"]}")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }
}
