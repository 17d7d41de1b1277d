package dev.hashi.gateway.tokens;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.hashi.gateway.GatewayWithStubServices;
import dev.hashi.gateway.TestEdge;
import dev.hashi.gateway.security.DevJwts;
import dev.hashi.testsupport.Lists;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/tokens} honours {@code Idempotency-Key}: a retry creates nothing more and, since the secret is
 * shown only once, answers which token the key created instead of the secret.
 */
class ApiTokenIdempotencyTest extends GatewayWithStubServices {

    @Autowired
    TokenLog log;

    ServiceClient api;
    String admin;

    @BeforeEach
    void adminClient() {
        await().atMost(Duration.ofSeconds(30)).until(log::caughtUp);
        api = new ServiceClient(port, TestEdge.SECRET);
        admin = "Bearer " + DevJwts.token("root", "admin");
    }

    @Test
    void aRetryWithTheSameKeyAndBodyCreatesOneTokenAndNamesItWithoutTheSecret() {
        String name = unique("nightly import");
        String key = UUID.randomUUID().toString();

        Reply first = create(admin, name, "editor", key);
        Reply retry = create(admin, name, "editor", key);

        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        String id = first.body().path("id").asString();
        String secret = first.body().path("token").asString();
        assertThat(retry.status()).as(retry.raw()).isEqualTo(409);
        assertThat(retry.code()).isEqualTo("idempotency.secret-not-replayed");
        assertThat(retry.body().path("id").asString()).isEqualTo(id);
        assertThat(retry.body().path("resource").asString()).isEqualTo("token");
        assertThat(retry.body().path("key").asString()).isEqualTo(key);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.raw()).doesNotContain(secret);
        assertThat(named(name)).containsExactly(id);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        String name = unique("ci export");

        Reply first = create(admin, name, "editor", key);
        Reply other = create(admin, name, "translator", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(other.status()).as(other.raw()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("idempotency.key-reused");
        assertThat(other.body().path("key").asString()).isEqualTo(key);
        assertThat(named(name)).hasSize(1);
    }

    @Test
    void withoutAKeyEveryPostCreatesAToken() {
        String name = unique("サイト移行");

        Reply first = create(admin, name, "editor", null);
        Reply second = create(admin, name, "editor", null);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(named(name))
                .containsExactlyInAnyOrder(
                        first.body().path("id").asString(),
                        second.body().path("id").asString());
    }

    @Test
    void keysBelongToTheAdminWhoSentThem() {
        String key = UUID.randomUUID().toString();
        String name = unique("shared key");

        Reply byRoot = create(admin, name, "editor", key);
        Reply byAnother = create("Bearer " + DevJwts.token("ops", "admin"), name, "editor", key);

        assertThat(byRoot.status()).isEqualTo(201);
        assertThat(byAnother.status()).as(byAnother.raw()).isEqualTo(201);
        assertThat(named(name)).hasSize(2);
    }

    @Test
    void aMalformedKeyIsRefusedAndCreatesNothing() {
        String name = unique("bad key");

        Reply refused = create(admin, name, "editor", "has spaces");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("request.invalid");
        assertThat(refused.body().path("errors").get(0).path("field").asString())
                .isEqualTo("Idempotency-Key");
        assertThat(named(name)).isEmpty();
    }

    private Reply create(String bearer, String name, String role, String key) {
        String body = "{\"name\":\"" + name + "\",\"roles\":[\"" + role + "\"],\"validDays\":30}";
        return key == null
                ? api.post(null, "/api/tokens", body, "Authorization", bearer)
                : api.post(null, "/api/tokens", body, "Authorization", bearer, "Idempotency-Key", key);
    }

    /** The ids of the listed tokens with this name. */
    private List<String> named(String name) {
        return Lists.all(page -> api.get(null, page, "Authorization", admin), "/api/tokens?limit=100").stream()
                .filter(token -> token.path("name").asString().equals(name))
                .map(token -> token.path("id").asString())
                .toList();
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
