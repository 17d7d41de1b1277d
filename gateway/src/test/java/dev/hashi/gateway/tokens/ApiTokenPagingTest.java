package dev.hashi.gateway.tokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
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

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /api/tokens} pages like every list: cursor and limit in, items, next, total and a Link out. */
class ApiTokenPagingTest extends GatewayWithStubServices {

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
    void walkingTheListPageByPageFindsEveryTokenOnce() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(create("ci " + batch + " " + i).body().path("id").asString());
        }

        List<JsonNode> all = Lists.all(this::get, "/api/tokens?limit=3");
        List<String> ids =
                all.stream().map(token -> token.path("id").asString()).toList();

        assertThat(ids).doesNotHaveDuplicates().containsAll(created);
        assertThat(ids).hasSize(get("/api/tokens?limit=3").body().path("total").asInt());
        assertThat(all)
                .allSatisfy(token -> assertThat(token.has("token") || token.has("hash"))
                        .as("no secret and no hash in the list")
                        .isFalse());
    }

    @Test
    void aPageWithANextOneLinksToItWithTheSameLimit() {
        create("ci link 1");
        create("ci link 2");

        Reply first = get("/api/tokens?limit=1");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("items")).hasSize(1);
        String next = first.body().path("next").asString();
        assertThat(next).isNotEmpty();
        assertThat(first.header("Link")).isEqualTo("</api/tokens?limit=1&cursor=" + next + ">; rel=\"next\"");
    }

    @Test
    void aLimitOutOfRangeIsRefusedNotClamped() {
        for (String limit : List.of("101", "0", "-1", "many")) {
            Reply refused = get("/api/tokens?limit=" + limit);

            assertThat(refused.status()).as(limit).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("request.invalid");
            JsonNode error = refused.body().path("errors").get(0);
            assertThat(error.path("field").asString()).isEqualTo("limit");
            assertThat(error.path("code").asString()).isEqualTo("range");
            assertThat(error.path("value").asString()).isEqualTo(limit);
        }
        assertThat(get("/api/tokens?limit=100").status()).isEqualTo(200);
    }

    @Test
    void aCursorTheListDidNotIssueIsRefused() {
        String offsetCursor =
                Base64.getUrlEncoder().withoutPadding().encodeToString("o5".getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of("not-a-cursor!", offsetCursor)) {
            Reply refused = get("/api/tokens?cursor=" + cursor);

            assertThat(refused.status()).as(cursor).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("request.invalid");
            assertThat(refused.body().path("errors").get(0).path("field").asString())
                    .isEqualTo("cursor");
        }
    }

    @Test
    void badLimitAndBadCursorAreBothNamed() {
        Reply refused = get("/api/tokens?limit=500&cursor=nonsense");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsString("field")).containsExactly("limit", "cursor");
    }

    private Reply get(String path) {
        return api.get(null, path, "Authorization", admin);
    }

    private Reply create(String name) {
        Reply created = api.post(
                null, "/api/tokens", "{\"name\":\"" + name + "\",\"roles\":[\"editor\"]}", "Authorization", admin);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created;
    }
}
