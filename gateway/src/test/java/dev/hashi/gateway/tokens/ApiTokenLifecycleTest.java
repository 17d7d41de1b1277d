package dev.hashi.gateway.tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import dev.hashi.embedded.SharedInfra;
import dev.hashi.gateway.GatewayWithStubServices;
import dev.hashi.gateway.StubService.Seen;
import dev.hashi.gateway.TestEdge;
import dev.hashi.gateway.security.DevJwts;

import tools.jackson.databind.json.JsonMapper;

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

    @Test
    void recordsProducedWithoutTheGatewaysSignatureMintNothing() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(log::caughtUp);
        String forgedSecret = ApiTokens.PREFIX + "forged-" + UUID.randomUUID();
        String signedSecret = ApiTokens.PREFIX + "signed-" + UUID.randomUUID();
        ApiToken forged = record(forgedSecret, "admin");
        ApiToken signed = record(signedSecret, "editor");
        JsonMapper json = JsonMapper.builder().build();
        TokenRecordSigner signer =
                new TokenRecordSigner(TokenRecordSigner.derive(TestEdge.SECRET, TokenConfiguration.DEV_KEY_LABEL));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedInfra.kafka().bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("cms.gateway.tokens", forged.id(), json.writeValueAsBytes(forged)))
                    .get();
            byte[] value = json.writeValueAsBytes(signed);
            ProducerRecord<String, byte[]> genuine = new ProducerRecord<>("cms.gateway.tokens", signed.id(), value);
            genuine.headers().add(TokenRecordSigner.HEADER, signer.sign(signed.id(), value));
            producer.send(genuine).get();
        }

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> client.get()
                        .uri("/api/tokens/none")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + signedSecret)
                        .exchange()
                        .expectStatus()
                        .isForbidden());
        client.get()
                .uri("/api/tokens")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + forgedSecret)
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private static ApiToken record(String secret, String role) {
        Instant now = Instant.now();
        return new ApiToken(
                UUID.randomUUID().toString(),
                "produced directly",
                ApiTokens.sha256(secret),
                List.of(role),
                List.of(),
                now.plus(Duration.ofDays(1)),
                now,
                "nobody",
                null);
    }
}
