package dev.hashi.devstack;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same failures, sent through the gateway to content, translation and media on the launched dev stack, answer
 * the same problem shape with the same codes ({@code docs/api-conventions.md}): an unreadable body
 * {@code request.malformed}, invalid values {@code request.invalid} with {@code errors}, an unknown id
 * {@code <resource>.not-found} naming {@code resource} and {@code id}, a stale {@code If-Match}
 * {@code version.conflict} naming {@code currentVersion}, no token {@code auth.required}, a role that may not
 * {@code auth.forbidden}; and every service's list, and the gateway's token list, pages with {@code cursor},
 * {@code limit} and {@code next}.
 */
@SharedStack
class ProblemConformanceTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> SERVICES = List.of("content", "translation", "media");

    static StackApi stack;
    static String admin;
    static String editor;
    static String reader;
    /** Per service, a resource that exists, made on first use so one service's fixture cannot fail another's cases. */
    static final Map<String, String> existing = new HashMap<>();

    @BeforeAll
    static void signIn(StackApi shared) throws Exception {
        stack = shared;
        Team team = Team.signIn(stack);
        admin = team.admin();
        editor = team.editor();
        reader = stack.devToken("{\"subject\":\"reader-1\",\"roles\":[\"reader\"]}");
    }

    static Stream<Arguments> services() {
        return SERVICES.stream().map(Arguments::of);
    }

    /** One request of a case: method, path, token (may be null), JSON body (may be null), extra headers. */
    record Call(String method, String path, String token, String body, String... headers) {

        HttpResponse<String> send() throws Exception {
            return stack.send(method, path, token, body, headers);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void aBodyThatIsNotJsonIsRequestMalformed(String service) throws Exception {
        Call call = write(service, editor, "{\"broken\": ");

        JsonNode problem = problem(call, 400, "request.malformed");

        assertThat(problem.has("errors")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void invalidValuesAreRequestInvalidWithFieldErrors(String service) throws Exception {
        Call call = write(
                service,
                editor,
                switch (service) {
                    case "content" -> "{\"type\": \"organisation\", \"locale\": \"xx-not-a-locale!\", \"fields\": {}}";
                    case "translation" -> "{\"priority\": 1000}";
                    default -> "{\"kind\": \"image\", \"title\": {\"xx-not-a-locale!\": {\"text\": \"Minamata\"}}}";
                });

        JsonNode problem = problem(call, 400, "request.invalid");

        assertThat(problem.path("errors").isArray()).isTrue();
        assertThat(problem.path("errors")).isNotEmpty();
        for (JsonNode error : problem.path("errors")) {
            assertThat(error.path("field").asString()).isNotBlank();
            assertThat(error.path("code").asString()).isNotBlank();
            assertThat(error.path("message").asString()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void anUnknownIdIsResourceNotFoundNamingResourceAndId(String service) throws Exception {
        String resource = resource(service);
        String id = "no-such-" + resource;
        Call call = new Call("GET", itemPath(service, id), editor, null);

        JsonNode problem = problem(call, 404, resource + ".not-found");

        assertThat(problem.path("resource").asString()).isEqualTo(resource);
        assertThat(problem.path("id").asString()).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void aStaleIfMatchIsVersionConflictNamingTheCurrentVersion(String service) throws Exception {
        String id = existing(service);
        Call call = switch (service) {
            case "content" ->
                new Call(
                        "PATCH",
                        itemPath(service, id),
                        editor,
                        "{\"locale\": \"en\", \"fields\": {\"name\": \"Secretariat (stale)\"}}",
                        "If-Match",
                        "\"999\"");
            case "translation" ->
                new Call(
                        "PUT", itemPath(service, id) + "/schedule", editor, "{\"priority\": 5}", "If-Match", "\"999\"");
            default ->
                new Call(
                        "PATCH",
                        itemPath(service, id),
                        editor,
                        "{\"caption\": {\"en\": {\"text\": \"Stale\"}}}",
                        "If-Match",
                        "\"999\"");
        };

        JsonNode problem = problem(call, 412, "version.conflict");

        assertThat(problem.path("resource").asString()).isEqualTo(resource(service));
        assertThat(problem.path("id").asString()).isEqualTo(id);
        assertThat(problem.path("currentVersion").isIntegralNumber()).isTrue();
        assertThat(problem.path("currentVersion").asLong()).isNotEqualTo(999);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void aWriteWithoutATokenIsAuthRequired(String service) throws Exception {
        problem(write(service, null, validBody(service, "no token")), 401, "auth.required");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void aWriteByARoleThatMayNotIsAuthForbidden(String service) throws Exception {
        JsonNode problem = problem(write(service, reader, validBody(service, "reader")), 403, "auth.forbidden");

        assertThat(problem.path("reason").asString()).isEqualTo("role");
        assertThat(problem.path("requiredRoles").isArray()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theListPagesWithCursorLimitAndNext(String service) throws Exception {
        existing(service);
        if (!"translation".equals(service)) {
            create(service, "second");
        }
        String list = listPath(service);
        String separator = list.contains("?") ? "&" : "?";

        HttpResponse<String> first = stack.send("GET", list + separator + "limit=1", editor, null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode page = json(first);
        assertThat(page.path("items").isArray()).isTrue();
        assertThat(page.path("items").size()).isEqualTo(1);
        String next = page.path("next").asString();
        assertThat(next).as("next of a page with more after it").isNotBlank();
        assertThat(first.headers().firstValue("Link").orElse(""))
                .contains("cursor=" + next)
                .contains("rel=\"next\"");

        HttpResponse<String> second = stack.send(
                "GET",
                list + separator + "limit=1&cursor=" + URLEncoder.encode(next, StandardCharsets.UTF_8),
                editor,
                null);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(idOf(service, json(second).path("items").get(0)))
                .isNotBlank()
                .isNotEqualTo(idOf(service, page.path("items").get(0)));

        JsonNode limit = problem(new Call("GET", list + separator + "limit=0", editor, null), 400, "request.invalid");
        assertThat(limit.path("errors").get(0).path("field").asString()).isEqualTo("limit");
        assertThat(limit.path("errors").get(0).path("code").asString()).isEqualTo("range");
        JsonNode cursor = problem(
                new Call("GET", list + separator + "cursor=not-issued-here", editor, null), 400, "request.invalid");
        assertThat(cursor.path("errors").get(0).path("field").asString()).isEqualTo("cursor");
    }

    @Test
    void theGatewaysTokenListIsWalkedToItsEndAndRefusesWhatTheServicesRefuse() throws Exception {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> token = stack.send(
                    "POST",
                    "/api/tokens",
                    admin,
                    "{\"name\":\"walk " + i + "\",\"roles\":[\"editor\"],\"validDays\":1}");
            assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
            created.add(json(token).path("id").asString());
        }

        List<String> listed = new ArrayList<>();
        String next = null;
        long total = -1;
        int pages = 0;
        do {
            String path = "/api/tokens?limit=2"
                    + (next == null ? "" : "&cursor=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            HttpResponse<String> response = stack.send("GET", path, admin, null);
            assertThat(response.statusCode())
                    .as(path + " -> " + response.body())
                    .isEqualTo(200);
            JsonNode page = json(response);
            assertThat(page.path("items").size()).as(path).isBetween(1, 2);
            page.path("items").forEach(token -> listed.add(token.path("id").asString()));
            total = page.path("total").asLong();
            next = page.path("next").isString() ? page.path("next").asString() : null;
            String link = response.headers().firstValue("Link").orElse("");
            if (next == null) {
                assertThat(link).as(path + ": Link on the last page").doesNotContain("rel=\"next\"");
            } else {
                assertThat(link).as(path).contains("cursor=" + next).endsWith("rel=\"next\"");
            }
            assertThat(++pages).as("pages of /api/tokens").isLessThan(100);
        } while (next != null);
        assertThat(listed).doesNotHaveDuplicates().containsAll(created).hasSize((int) total);
        assertThat(pages).isGreaterThanOrEqualTo(3);

        JsonNode limit = problem(new Call("GET", "/api/tokens?limit=101", admin, null), 400, "request.invalid");
        assertThat(limit.path("errors").get(0).path("field").asString()).isEqualTo("limit");
        assertThat(limit.path("errors").get(0).path("code").asString()).isEqualTo("range");
        JsonNode cursor =
                problem(new Call("GET", "/api/tokens?cursor=not-issued-here", admin, null), 400, "request.invalid");
        assertThat(cursor.path("errors").get(0).path("field").asString()).isEqualTo("cursor");
    }

    @Test
    void aRetriedTokenCreateNamesTheTokenInsteadOfShowingItsSecretAgain() throws Exception {
        String body = "{\"name\":\"retried import\",\"roles\":[\"editor\"],\"validDays\":1}";
        HttpResponse<String> first = stack.send("POST", "/api/tokens", admin, body, "Idempotency-Key", "retried-1");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);

        JsonNode retry = problem(
                new Call("POST", "/api/tokens", admin, body, "Idempotency-Key", "retried-1"),
                409,
                "idempotency.secret-not-replayed");
        assertThat(retry.path("id").asString()).isEqualTo(json(first).path("id").asString());
        assertThat(retry.toString()).doesNotContain(json(first).path("token").asString());
        problem(
                new Call(
                        "POST",
                        "/api/tokens",
                        admin,
                        body.replace("editor", "reviewer"),
                        "Idempotency-Key",
                        "retried-1"),
                409,
                "idempotency.key-reused");
    }

    /** Checks the shape every problem has, through the gateway, and returns it. */
    private static JsonNode problem(Call call, int status, String code) throws Exception {
        HttpResponse<String> response = call.send();
        String what = call.method() + " " + call.path() + " -> " + response.statusCode() + " " + response.body();
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(what)
                .startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("code").asString()).as(what).isEqualTo(code);
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(status);
        assertThat(problem.path("title").asString()).as(what).isNotBlank();
        assertThat(problem.path("detail").asString()).as(what).isNotBlank();
        assertThat(problem.path("instance").asString())
                .as(what)
                .isEqualTo(call.path().replaceAll("\\?.*", ""));
        assertThat(problem.path("requestId").asString()).as(what).isNotBlank();
        assertThat(response.headers()
                        .firstValue("X-Request-Id")
                        .orElse(problem.path("requestId").asString()))
                .as(what)
                .isEqualTo(problem.path("requestId").asString());
        assertThat(problem.has("type")).as(what + ": type is left out").isFalse();
        return problem;
    }

    /** The create (content, media) or the versioned write with a JSON body (translation) of each service. */
    private static Call write(String service, String token, String body) throws Exception {
        return switch (service) {
            case "content" -> new Call("POST", "/api/content/entries", token, body);
            case "translation" ->
                new Call("PUT", itemPath(service, existing(service)) + "/schedule", token, body, "If-Match", "\"1\"");
            default -> new Call("POST", "/api/media/assets", token, body);
        };
    }

    private static String validBody(String service, String name) {
        return switch (service) {
            case "content" ->
                "{\"type\": \"organisation\", \"locale\": \"en\", \"fields\": {\"name\": \"Secretariat " + name
                        + "\"}}";
            case "translation" -> "{\"priority\": 1}";
            default -> "{\"kind\": \"document\", \"title\": {\"en\": {\"text\": \"Declaration " + name + "\"}}}";
        };
    }

    private static String resource(String service) {
        return switch (service) {
            case "content" -> "entry";
            case "translation" -> "unit";
            default -> "asset";
        };
    }

    private static String itemPath(String service, String id) {
        return switch (service) {
            case "content" -> "/api/content/entries/" + id;
            case "translation" -> "/api/translations/units/" + id;
            default -> "/api/media/assets/" + id;
        };
    }

    private static String listPath(String service) {
        return switch (service) {
            case "content" -> "/api/content/entries?type=organisation";
            case "translation" -> "/api/translations/queue?source=en&target=ja&entryId=" + existing.get("content-page");
            default -> "/api/media/assets";
        };
    }

    /** An existing resource of {@code service}; translation units come from a content page's English values. */
    private static synchronized String existing(String service) throws Exception {
        if (!existing.containsKey(service)) {
            existing.put(service, "translation".equals(service) ? unitOfANewPage() : create(service, "first"));
        }
        return existing.get(service);
    }

    private static String create(String service, String name) throws Exception {
        HttpResponse<String> created =
                write(service, editor, validBody(service, name)).send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return createdId(created);
    }

    /** The id a create names in its {@code Location}. */
    private static String createdId(HttpResponse<String> created) {
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** An item's id by its resource's name for it ({@code entryId}, {@code unitId}, {@code assetId}). */
    private static String idOf(String service, JsonNode item) {
        return item.path(resource(service) + "Id").asString();
    }

    private static String unitOfANewPage() throws Exception {
        String page = JSON.writeValueAsString(Map.of(
                "type",
                "event-page",
                "locale",
                "en",
                "slug",
                "conformance-page",
                "fields",
                Map.of(
                        "title", "World Partnership Conference on Sustainable Development",
                        "summary", "A declaration was adopted at the Conference.",
                        "date", "2003-10-28")));
        HttpResponse<String> created = stack.send("POST", "/api/content/entries", editor, page);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String entryId = createdId(created);
        existing.put("content-page", entryId);
        String queue = "/api/translations/queue?source=en&target=ja&entryId=" + entryId;
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            JsonNode items =
                                    json(stack.send("GET", queue, editor, null)).path("items");
                            return items.size() >= 2 ? idOf("translation", items.get(0)) : null;
                        },
                        id -> id != null);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
