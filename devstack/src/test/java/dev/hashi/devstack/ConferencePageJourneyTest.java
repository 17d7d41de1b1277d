package dev.hashi.devstack;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed page's story through the gateway on the dev stack, as its users live it: an editor builds the
 * Kitakyushu page in English with a Japanese-only presentation and publishes English (the Japanese page is then served
 * from English, the Japanese draft unseen), then Japanese; readers see the Japanese title marked as Japanese; a translator finds it in the English queue, translates it, a
 * reviewer approves, and the English value lands in content with its provenance; a later edit of the Japanese
 * source makes the translation outdated. Every role is also tried against every endpoint class.
 */
@SharedStack
class ConferencePageJourneyTest {

    static final String MINAMATA = "住民協働の環境モデル都市づくりを目指して~水俣市~";
    static final String DALIAN = "Pollution Control Programmes and Cooperation with Japan";
    static final JsonMapper JSON = JsonMapper.builder().build();

    static StackApi stack;
    static String admin;
    static String editor;
    static String translator;
    static String reviewer;

    /** A rebuild answers when it is done: the shared stack's gateway waits 60 s for it (not its default 10 s). */
    @BeforeAll
    static void signInTheTeamAndDefineTheSeedTypes(StackApi shared) throws Exception {
        stack = shared;
        Team team = Team.signIn(stack);
        admin = team.admin();
        editor = team.editor();
        translator = team.translator();
        reviewer = team.reviewer();
    }

    @Test
    void japaneseOnlyPresentationIsTranslatedReviewedAndLandsInEnglishThenGoesOutdated() throws Exception {
        Page page = createPage("wpc-2003-journey");
        HttpResponse<String> published = stack.send(
                "POST",
                "/api/content/entries/" + page.id + "/locales/en/publish",
                editor,
                null,
                "If-Match",
                etag(page.id));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

        HttpResponse<String> beforeJapanese = stack.get("/api/delivery/entries/event-page/wpc-2003-journey?locale=ja");
        assertThat(beforeJapanese.statusCode()).as(beforeJapanese.body()).isEqualTo(200);
        assertThat(json(beforeJapanese).path("localePublished").asBoolean())
                .as("Japanese is still a draft: its page is resolved from English")
                .isFalse();
        assertThat(presentations(json(beforeJapanese)).get(0).path("title").isMissingNode())
                .as("a Japanese draft is never delivered")
                .isTrue();
        HttpResponse<String> japanese = stack.send(
                "POST",
                "/api/content/entries/" + page.id + "/locales/ja/publish",
                editor,
                null,
                "If-Match",
                etag(page.id));
        assertThat(japanese.statusCode()).as(japanese.body()).isEqualTo(200);

        HttpResponse<String> english = stack.get("/api/delivery/entries/event-page/wpc-2003-journey?locale=en");
        assertThat(english.statusCode()).as(english.body()).isEqualTo(200);
        assertThat(english.headers().firstValue("Content-Language")).contains("en");
        JsonNode minamataOnEnglishPage = presentations(json(english)).get(0).path("title");
        assertThat(minamataOnEnglishPage.path("value").asString()).isEqualTo(MINAMATA);
        assertThat(minamataOnEnglishPage.path("locale").asString())
                .as("shown as Japanese only")
                .isEqualTo("ja");

        JsonNode unit = awaitQueueItem(
                translator,
                "/api/translations/queue?source=ja&target=en&state=untranslated,outdated&entryId=" + page.id,
                item -> item.path("source").path("text").asString().equals(MINAMATA));
        assertThat(unit.path("source").path("size").asInt()).isEqualTo(23);
        assertThat(unit.path("source").path("sizeUnit").asString()).isEqualTo("characters");
        String unitId = unit.path("unitId").asString();
        String hash = unit.path("source").path("hash").asString();

        assertThat(stack.send("POST", "/api/translations/units/" + unitId + "/take", translator, "{}")
                        .statusCode())
                .isEqualTo(200);
        String translated = "Towards an environmental model city built with residents: Minamata";
        HttpResponse<String> submitted = stack.send(
                "POST",
                "/api/translations/units/" + unitId + "/submit",
                translator,
                "{\"text\":\"" + translated + "\",\"sourceHash\":\"" + hash + "\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        long approvedAt = System.nanoTime();
        HttpResponse<String> approved =
                stack.send("POST", "/api/translations/units/" + unitId + "/approve", reviewer, "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        JsonNode landed = await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> minamataTitle(page.id),
                        title -> title.path("en").path("value").asString().equals(translated));
        long landedMillis = (System.nanoTime() - approvedAt) / 1_000_000;
        assertThat(landed.path("en").path("originLocale").asString()).isEqualTo("ja");
        assertThat(landed.path("en").path("unitId").asString()).isEqualTo(unitId);
        assertThat(landed.path("en").path("sourceHash").asString()).isEqualTo(hash);
        System.out.printf("approved translation visible in content after %d ms%n", landedMillis);
        await().atMost(Duration.ofSeconds(10)).until(() -> unitState(unitId), "approved"::equals);

        String edited = "住民協働の環境モデル都市づくりを目指して ― 水俣市";
        JsonNode ids = json(stack.send("GET", "/api/content/entries/" + page.id, editor, null));
        HttpResponse<String> patched = stack.send(
                "PATCH",
                "/api/content/entries/" + page.id,
                editor,
                JSON.writeValueAsString(Map.of(
                        "locale",
                        "ja",
                        "fields",
                        Map.of(
                                "sessions",
                                List.of(Map.of(
                                        "id",
                                                ids.path("fields")
                                                        .path("sessions")
                                                        .get(0)
                                                        .path("id")
                                                        .asString(),
                                        "presentations",
                                                List.of(
                                                        Map.of("id", page.minamataId, "title", edited),
                                                        Map.of("id", page.dalianId))))))),
                "If-Match",
                etag(page.id));
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        long editedAt = System.nanoTime();
        JsonNode outdated = await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> json(stack.send("GET", "/api/translations/units/" + unitId, reviewer, null)),
                        u -> u.path("state").asString().equals("outdated"));
        System.out.printf("source edit seen as outdated after %d ms%n", (System.nanoTime() - editedAt) / 1_000_000);
        assertThat(outdated.path("outdated").path("oldSourceText").asString()).isEqualTo(MINAMATA);
        assertThat(outdated.path("outdated").path("newSourceText").asString()).isEqualTo(edited);

        JsonNode history = json(stack.send("GET", "/api/content/entries/" + page.id + "/revisions", editor, null));
        assertThat(history.toString()).contains("editor-1");
        HttpResponse<String> restored = stack.send(
                "POST",
                "/api/content/entries/" + page.id + "/revisions/2/restore",
                editor,
                null,
                "If-Match",
                etag(page.id));
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(minamataTitle(page.id).path("ja").path("value").asString())
                .as("revision 2 had the first Japanese title")
                .isEqualTo(MINAMATA);
    }

    @Test
    void englishOnlyTitlesWaitInTheJapaneseQueueAndTranslatorsStayInsideTheirPairs() throws Exception {
        Page page = createPage("wpc-2003-pairs");
        JsonNode dalian = awaitQueueItem(
                editor,
                "/api/translations/queue?source=en&target=ja&state=untranslated&entryId=" + page.id,
                item -> item.path("source").path("text").asString().equals(DALIAN));
        assertThat(dalian.path("source").path("sizeUnit").asString()).isEqualTo("words");

        HttpResponse<String> outsidePair = stack.send(
                "POST", "/api/translations/units/" + dalian.path("unitId").asString() + "/take", translator, "{}");
        assertThat(outsidePair.statusCode()).as("translator holds ja:en only").isEqualTo(403);
        HttpResponse<String> translatorPublishes = stack.send(
                "POST",
                "/api/content/entries/" + page.id + "/locales/en/publish",
                translator,
                null,
                "If-Match",
                etag(page.id));
        assertThat(translatorPublishes.statusCode()).isEqualTo(403);
        assertThat(stack.get("/api/content/entries/" + page.id).statusCode())
                .as("drafts do not leak")
                .isEqualTo(404);
    }

    /**
     * An admin rebuilds the units from content-service's real snapshot and then from the content topic: every unit
     * keeps its state and texts (a translator's submitted work included), and entries written while a rebuild runs
     * keep their units.
     */
    @Test
    void rebuildingUnitsFromContentsSnapshotOrTheTopicChangesNothingAndKeepsWhatIsWrittenMeanwhile() throws Exception {
        Page page = createPage("wpc-2003-rebuild");
        JsonNode unit = awaitQueueItem(
                translator,
                "/api/translations/queue?source=ja&target=en&entryId=" + page.id,
                item -> item.path("source").path("text").asString().equals(MINAMATA));
        String unitId = unit.path("unitId").asString();
        assertThat(stack.send("POST", "/api/translations/units/" + unitId + "/take", translator, "{}")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> submitted = stack.send(
                "POST",
                "/api/translations/units/" + unitId + "/submit",
                translator,
                "{\"text\":\"Minamata: a model city with its residents\",\"sourceHash\":\""
                        + unit.path("source").path("hash").asString() + "\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        String summary = "The Conference adopted a declaration in English and Japanese (ｗｗｗ１２３, ｶﾀｶﾅ).";
        HttpResponse<String> edited = stack.send(
                "PATCH",
                "/api/content/entries/" + page.id,
                editor,
                JSON.writeValueAsString(Map.of("locale", "en", "fields", Map.of("summary", summary))),
                "If-Match",
                etag(page.id));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        Map<String, String> before = await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> units(page.id), units -> units.values().stream().anyMatch(u -> u.contains(summary)));
        assertThat(before.get(unitId)).as("the submitted translation").contains("Minamata: a model city");

        for (String from : List.of("snapshot", "topic")) {
            java.util.concurrent.CompletableFuture<HttpResponse<String>> rebuild =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            return stack.send("POST", "/api/translations/admin/rebuild?from=" + from, admin, "{}");
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            List<String> writtenMeanwhile = new java.util.ArrayList<>();
            do {
                writtenMeanwhile.add(createPage("wpc-2003-during-" + from + "-" + writtenMeanwhile.size()).id);
            } while (!rebuild.isDone() && writtenMeanwhile.size() < 5);
            long began = System.nanoTime();
            HttpResponse<String> report = rebuild.get(90, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
            System.out.printf(
                    "rebuild from %s answered %d ms after the last write meanwhile: %s (%d entries written meanwhile)%n",
                    from, (System.nanoTime() - began) / 1_000_000, report.body(), writtenMeanwhile.size());
            assertThat(units(page.id))
                    .as("units after the rebuild from %s", from)
                    .isEqualTo(before);
            for (String entryId : writtenMeanwhile) {
                assertThat(await().atMost(Duration.ofSeconds(15))
                                .pollInterval(Duration.ofMillis(200))
                                .until(() -> units(entryId), units -> units.size() >= 2))
                        .as("units of %s, written while the rebuild from %s ran", entryId, from)
                        .isNotEmpty();
            }
        }
    }

    /** The entry's live units: id to state, source, target and draft texts. */
    private static Map<String, String> units(String entryId) throws Exception {
        Map<String, String> units = new java.util.TreeMap<>();
        JsonNode page = json(stack.send("GET", "/api/translations/queue?limit=100&entryId=" + entryId, editor, null));
        for (JsonNode item : page.path("items")) {
            units.put(
                    item.path("unitId").asString(),
                    String.join(
                            " | ",
                            item.path("state").asString(),
                            item.path("source").path("text").asString(),
                            item.path("target").path("text").asString(),
                            item.path("draft").path("text").asString()));
        }
        return units;
    }

    @Test
    void everyRoleAgainstEveryEndpointClassGetsWhatTheMatrixSays() throws Exception {
        String reader = stack.devToken("{\"subject\":\"reader-1\",\"roles\":[\"reader\"]}");
        Page published = createPage("wpc-2003-matrix");
        assertThat(stack.send(
                                "POST",
                                "/api/content/entries/" + published.id + "/locales/en/publish",
                                editor,
                                null,
                                "If-Match",
                                etag(published.id))
                        .statusCode())
                .isEqualTo(200);
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        tokens.put("anonymous", null);
        tokens.put("reader", reader);
        tokens.put("translator", translator);
        tokens.put("reviewer", reviewer);
        tokens.put("editor", editor);
        tokens.put("admin", admin);
        // expected status per role, in the order above (docs/security.md)
        Map<String, int[]> matrix = new java.util.LinkedHashMap<>();
        matrix.put("read published delivery", new int[] {200, 200, 200, 200, 200, 200});
        matrix.put("read a draft entry", new int[] {404, 404, 200, 200, 200, 200});
        matrix.put("create an entry", new int[] {401, 403, 403, 403, 201, 201});
        matrix.put("publish a locale", new int[] {401, 403, 403, 403, 200, 200});
        matrix.put("define a content type", new int[] {401, 403, 403, 403, 403, 200});
        matrix.put("read the translation queue", new int[] {401, 403, 200, 200, 200, 200});
        matrix.put("approve a translation", new int[] {401, 403, 403, 404, 403, 404});
        matrix.put("manage API tokens", new int[] {401, 403, 403, 403, 403, 200});
        matrix.put("read published media", new int[] {200, 200, 200, 200, 200, 200});

        List<String> mismatches = new java.util.ArrayList<>();
        int column = 0;
        for (Map.Entry<String, String> role : tokens.entrySet()) {
            for (Map.Entry<String, int[]> row : matrix.entrySet()) {
                int actual = attempt(row.getKey(), role.getKey(), role.getValue(), published);
                int expected = row.getValue()[column];
                if (actual != expected) {
                    mismatches.add(role.getKey() + " / " + row.getKey() + ": expected " + expected + ", got " + actual);
                }
            }
            column++;
        }
        assertThat(mismatches).isEmpty();
    }

    private int attempt(String endpointClass, String role, String token, Page published) throws Exception {
        return switch (endpointClass) {
            case "read published delivery" ->
                stack.send("GET", "/api/delivery/entries/event-page/wpc-2003-matrix?locale=en", token, null)
                        .statusCode();
            case "read a draft entry" ->
                stack.send("GET", "/api/content/entries/" + published.id, token, null)
                        .statusCode();
            case "create an entry" ->
                stack.send(
                                "POST",
                                "/api/content/entries",
                                token,
                                JSON.writeValueAsString(Map.of(
                                        "type",
                                        "organisation",
                                        "locale",
                                        "en",
                                        "fields",
                                        Map.of("name", "Secretariat for " + role))))
                        .statusCode();
            case "publish a locale" -> {
                Page fresh = createPage("wpc-2003-publish-by-" + role);
                yield stack.send(
                                "POST",
                                "/api/content/entries/" + fresh.id + "/locales/en/publish",
                                token,
                                null,
                                "If-Match",
                                etag(fresh.id))
                        .statusCode();
            }
            case "define a content type" ->
                stack.send(
                                "PUT",
                                "/api/content/types/note-by-" + role,
                                token,
                                "{\"name\":\"Note\",\"component\":false,\"titleField\":\"title\",\"fields\":"
                                        + "[{\"key\":\"title\",\"kind\":\"text\",\"localized\":true}]}")
                        .statusCode();
            case "read the translation queue" ->
                stack.send("GET", "/api/translations/queue?target=en", token, null)
                        .statusCode();
            case "approve a translation" ->
                stack.send("POST", "/api/translations/units/no-such-unit/approve", token, "{}")
                        .statusCode();
            case "manage API tokens" ->
                stack.send("GET", "/api/tokens", token, null).statusCode();
            case "read published media" ->
                stack.send("GET", "/api/media/info", token, null).statusCode();
            default -> throw new IllegalArgumentException(endpointClass);
        };
    }

    /** A list written as an array replaces its items, so every item is named by id, in order. */
    record Page(String id, String minamataId, String dalianId) {}

    private Page createPage(String slug) throws Exception {
        Map<String, Object> fields = Map.of(
                "title",
                "World Partnership Conference on Sustainable Development (" + slug + ")",
                "summary",
                "A declaration (English, Japanese) was adopted at the Conference (to be made available).",
                "date",
                "2003-10-28",
                "sessions",
                List.of(Map.of(
                        "title",
                        "Local Governments",
                        "theme",
                        "Internatioanl cooperation in environmental activities and experiences",
                        "presentations",
                        List.of(
                                Map.of("presenter", "Minamata City, Japan"),
                                Map.of("title", DALIAN, "presenter", "Dalian City, China")))));
        HttpResponse<String> created = stack.send(
                "POST",
                "/api/content/entries",
                editor,
                JSON.writeValueAsString(Map.of("type", "event-page", "locale", "en", "slug", slug, "fields", fields)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode entry = json(created);
        String id = entry.path("entryId").asString();
        JsonNode session = entry.path("fields").path("sessions").get(0);
        String minamataId = session.path("presentations").get(0).path("id").asString();
        String dalianId = session.path("presentations").get(1).path("id").asString();
        HttpResponse<String> japanese = stack.send(
                "PATCH",
                "/api/content/entries/" + id,
                editor,
                JSON.writeValueAsString(Map.of(
                        "locale",
                        "ja",
                        "fields",
                        Map.of(
                                "sessions",
                                List.of(Map.of(
                                        "id", session.path("id").asString(),
                                        "presentations",
                                                List.of(
                                                        Map.of("id", minamataId, "title", MINAMATA),
                                                        Map.of("id", dalianId))))))),
                "If-Match",
                created.headers().firstValue("ETag").orElseThrow());
        assertThat(japanese.statusCode()).as(japanese.body()).isEqualTo(200);
        return new Page(id, minamataId, dalianId);
    }

    private JsonNode awaitQueueItem(String token, String query, Predicate<JsonNode> wanted) {
        return await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            for (JsonNode item :
                                    json(stack.send("GET", query, token, null)).path("items")) {
                                if (wanted.test(item)) {
                                    return item;
                                }
                            }
                            return null;
                        },
                        item -> item != null);
    }

    private static String etag(String id) throws Exception {
        return stack.send("GET", "/api/content/entries/" + id, editor, null)
                .headers()
                .firstValue("ETag")
                .orElseThrow();
    }

    private static JsonNode minamataTitle(String id) throws Exception {
        JsonNode entry = json(stack.send("GET", "/api/content/entries/" + id, editor, null));
        return entry.path("fields")
                .path("sessions")
                .get(0)
                .path("presentations")
                .get(0)
                .path("title");
    }

    private static String unitState(String unitId) throws Exception {
        return json(stack.send("GET", "/api/translations/units/" + unitId, reviewer, null))
                .path("state")
                .asString();
    }

    private static JsonNode presentations(JsonNode delivered) {
        return delivered.path("fields").path("sessions").get(0).path("presentations");
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
