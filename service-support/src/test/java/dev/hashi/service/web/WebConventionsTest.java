package dev.hashi.service.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hashi.embedded.SharedInfra;
import dev.hashi.identity.Identity;
import dev.hashi.identity.Role;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared conventions as a client sees them: one problem shape, one paging style, idempotent creates. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = EchoApp.class,
        properties = {
            "cms.service.name=echo",
            "cms.service.api-prefix=/api/echo",
            "cms.security.gateway-secret=" + WebConventionsTest.SECRET
        })
class WebConventionsTest {

    static final String SECRET = "conventions-test-secret-at-least-32-bytes";
    private static final Identity EDITOR = new Identity("eri", Set.of(Role.EDITOR), Set.of());
    private static final Identity READER = new Identity("rita", Set.of(Role.READER), Set.of());

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> SharedInfra.mongo().connectionString());
        registry.add(
                "spring.mongodb.database",
                () -> "conv_" + UUID.randomUUID().toString().substring(0, 8));
        registry.add("spring.kafka.bootstrap-servers", () -> SharedInfra.kafka().bootstrapServers());
    }

    @Value("${local.server.port}")
    int port;

    private ServiceClient api() {
        return new ServiceClient(port, SECRET);
    }

    @Test
    void everyFailureHasTheSameProblemShapeAndNeverShadowsStandardMembers() {
        Reply missing = api().get(EDITOR, "/api/echo/notes/n-1");
        assertProblem(missing, 404, "note.not-found");
        assertThat(missing.body().path("resource").asString()).isEqualTo("note");
        assertThat(missing.body().path("id").asString()).isEqualTo("n-1");
        // RFC 9457: an absent type means about:blank; every problem of the platform leaves it out
        assertThat(missing.body().path("type").isMissingNode()).isTrue();

        Reply invalid = api().post(EDITOR, "/api/echo/validated-notes", Map.of("title", ""));
        assertProblem(invalid, 400, "request.invalid");
        assertThat(invalid.body().path("errors").get(0).path("field").asString())
                .isEqualTo("title");
        assertThat(invalid.body().path("errors").get(0).path("code").asString()).isEqualTo("required");

        assertProblem(api().post(READER, "/api/echo/notes", Map.of("title", "x")), 403, "auth.forbidden");
        assertProblem(
                api().send(Identity.anonymous(), "POST", "/api/echo/notes", Map.of("title", "x")),
                401,
                "auth.required");
        assertProblem(api().get(EDITOR, "/api/echo/items?limit=0"), 400, "request.invalid");
        assertProblem(api().get(EDITOR, "/api/echo/nothing-here"), 404, "route.not-found");
    }

    @Test
    void aListIsWalkedToItsEndByCursorAndEveryItemComesOnce() {
        List<String> seen = new ArrayList<>();
        String path = "/api/echo/items?limit=7";
        int pages = 0;
        while (path != null) {
            Reply page = api().get(EDITOR, path);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().path("total").asLong()).isEqualTo(45);
            page.body().path("items").forEach(item -> seen.add(item.path("id").asString()));
            String next = page.body().path("next").isNull()
                            || page.body().path("next").isMissingNode()
                    ? null
                    : page.body().path("next").asString();
            String link = page.header("Link");
            if (next == null) {
                assertThat(link).isNull();
                path = null;
            } else {
                assertThat(link).isEqualTo("</api/echo/items?limit=7&cursor=" + next + ">; rel=\"next\"");
                path = link.substring(1, link.indexOf('>'));
            }
            pages++;
        }
        assertThat(pages).isEqualTo(7);
        assertThat(seen).hasSize(45).doesNotHaveDuplicates();
        assertThat(seen.get(44)).isEqualTo("item-045");
    }

    @Test
    void outOfRangeAndForgedPagingInputIsRefusedNotClamped() {
        Reply tooMany = api().get(EDITOR, "/api/echo/items?limit=101");
        assertProblem(tooMany, 400, "request.invalid");
        assertThat(tooMany.body().path("errors").get(0).path("field").asString())
                .isEqualTo("limit");
        assertThat(tooMany.body().path("errors").get(0).path("code").asString()).isEqualTo("range");

        Reply forged = api().get(EDITOR, "/api/echo/items?cursor=%24where");
        assertProblem(forged, 400, "request.invalid");
        assertThat(forged.body().path("errors").get(0).path("field").asString()).isEqualTo("cursor");
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstResponseAndADifferentBodyIsAConflict() {
        String key = "create-" + UUID.randomUUID();
        Reply first = api().post(EDITOR, "/api/echo/notes", Map.of("title", "北九州"), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(200);
        int number = first.body().path("number").asInt();

        Reply again = api().post(EDITOR, "/api/echo/notes", Map.of("title", "北九州"), "Idempotency-Key", key);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body().path("number").asInt()).isEqualTo(number);
        assertThat(EchoApp.CREATED.get()).isEqualTo(number);

        Reply different = api().post(EDITOR, "/api/echo/notes", Map.of("title", "Kitakyushu"), "Idempotency-Key", key);
        assertProblem(different, 409, "idempotency.key-reused");

        Reply otherCaller = api().post(
                        new Identity("eda", Set.of(Role.EDITOR), Set.of()),
                        "/api/echo/notes",
                        Map.of("title", "北九州"),
                        "Idempotency-Key",
                        key);
        assertThat(otherCaller.status()).isEqualTo(200);
        assertThat(otherCaller.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aFailedCreateReleasesItsKeySoTheClientCanRetry() {
        String key = "retry-" + UUID.randomUUID();
        assertProblem(
                api().post(READER, "/api/echo/notes", Map.of("title", "x"), "Idempotency-Key", key),
                403,
                "auth.forbidden");
        Reply refused = api().post(EDITOR, "/api/echo/notes", Map.of("title", " "), "Idempotency-Key", key);
        assertProblem(refused, 422, "note.title-required");
        Reply retried = api().post(EDITOR, "/api/echo/notes", Map.of("title", " "), "Idempotency-Key", key);
        assertProblem(retried, 422, "note.title-required");
        assertThat(retried.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void controllersGetTheCallerAndTheRequestIdAsACommandContext() {
        Reply context = api().get(EDITOR, "/api/echo/context");
        assertThat(context.body().path("actor").asString()).isEqualTo("eri");
        assertThat(context.body().path("traceId").asString()).startsWith("t-");
    }

    static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.body().path("status").asInt()).isEqualTo(status);
        assertThat(reply.body().path("requestId").asString()).isNotBlank();
        assertThat(reply.body().path("instance").asString()).startsWith("/api/echo/");
        assertThat(reply.body().path("title").asString()).isNotBlank();
    }
}
