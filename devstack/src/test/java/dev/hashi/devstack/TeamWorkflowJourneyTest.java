package dev.hashi.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * A team working on the conference page through the gateway on the dev stack: an editor's by-path edit made against
 * an old version survives a translation landing meanwhile; a reviewer decides a Japanese-only title needs no English,
 * corrects a translator's typo while approving, and answers a translator's question; the glossary warns about a
 * missing term; and the type's publish policy decides whether an approved translation reaches readers by itself.
 */
@SharedStack
class TeamWorkflowJourneyTest {

    static final String MINAMATA = "住民協働の環境モデル都市づくりを目指して~水俣市~";
    static final String KITAKYUSHU = "北九州市の環境国際協力";
    static final String FUKUOKA = "アジア太平洋都市サミットと福岡市の国際協力";
    static final String DALIAN = "Pollution Control Programmes and Cooperation with Japan";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WAIT = Duration.ofSeconds(20);

    static StackApi stack;
    static String admin;
    static String editor;
    static String translator;
    static String reviewer;

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
    void anEditorsStaleByPathEditOfOneJapaneseTitleAndATranslationLandingOnAnotherBothSurvive() throws Exception {
        Page page = createPage(
                "team-both-survive",
                List.of(
                        new Presentation("Minamata City, Japan", null, MINAMATA),
                        new Presentation("Kitakyushu City, Japan", null, KITAKYUSHU)));
        String readBeforeTheLanding = etag(page.id);

        String translated = "Towards an environmental model city built with residents ~Minamata City~";
        String unitId = translateAndApprove(page, MINAMATA, translated);
        JsonNode landed = await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> title(page, 0),
                        title -> title.path("en").path("value").asString().equals(translated));
        assertThat(landed.path("en").path("unitId").asString()).isEqualTo(unitId);
        assertThat(etag(page.id)).as("the landing made a new version").isNotEqualTo(readBeforeTheLanding);

        String edited = "北九州市の環境国際協力 ― 公害克服の経験";
        String pointer =
                "/fields/sessions/" + page.sessionId + "/presentations/" + page.presentationIds.get(1) + "/title/ja";
        HttpResponse<String> patched = jsonPatch(
                page.id,
                readBeforeTheLanding,
                JSON.writeValueAsString(List.of(Map.of("op", "replace", "path", pointer, "value", edited))));
        assertThat(patched.statusCode())
                .as("a stale If-Match touching another field is merged: %s", patched.body())
                .isEqualTo(200);

        String version = patched.headers().firstValue("ETag").orElseThrow().replaceAll("\\D", "");
        JsonNode revision =
                json(stack.send("GET", "/api/content/entries/" + page.id + "/revisions/" + version, editor, null));
        assertThat(revision.path("basedOn").asLong())
                .as("merged onto the landing: %s", revision)
                .isEqualTo(Long.parseLong(readBeforeTheLanding.replaceAll("\\D", "")));

        assertThat(title(page, 1).path("ja").path("value").asString())
                .as("the editor's edit")
                .isEqualTo(edited);
        JsonNode minamata = title(page, 0);
        assertThat(minamata.path("en").path("value").asString())
                .as("the landed translation")
                .isEqualTo(translated);
        assertThat(minamata.path("en").path("unitId").asString()).isEqualTo(unitId);
        assertThat(minamata.path("ja").path("value").asString()).isEqualTo(MINAMATA);
    }

    @Test
    void aReviewerDecidesTheFukuokaTitleSourceOnlySoItLeavesTheEnglishQueueAndCountsAsDone() throws Exception {
        Page page = createPage(
                "team-source-only",
                List.of(
                        new Presentation("Fukuoka City, Japan", null, FUKUOKA),
                        new Presentation("Dalian City, China", DALIAN, null)));
        String queue = "/api/translations/queue?source=ja&target=en&entryId=" + page.id;
        JsonNode unit = awaitQueueItem(translator, queue, sourceIs(FUKUOKA));
        String unitId = unit.path("unitId").asString();

        String reason = "Japanese only: the talk was given in Japanese";
        HttpResponse<String> decided = stack.send(
                "PUT",
                "/api/translations/units/" + unitId + "/decision",
                reviewer,
                JSON.writeValueAsString(Map.of("reason", reason)));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        JsonNode view = json(decided);
        assertThat(view.path("state").asString()).isEqualTo("source_only");
        assertThat(view.path("decision").path("reason").asString()).isEqualTo(reason);
        assertThat(view.path("decision").path("decidedBy").asString()).isEqualTo("reviewer-1");

        assertThat(unitIds(translator, queue)).as("the English queue").doesNotContain(unitId);
        assertThat(unitIds(translator, queue + "&state=untranslated,outdated")).doesNotContain(unitId);
        assertThat(unitIds(editor, queue + "&state=source_only")).containsExactly(unitId);

        HttpResponse<String> progress =
                stack.send("GET", "/api/translations/progress/entries/" + page.id, reviewer, null);
        assertThat(progress.statusCode()).as(progress.body()).isEqualTo(200);
        JsonNode japaneseToEnglish = null;
        for (JsonNode pair : json(progress).path("items")) {
            if (pair.path("sourceLocale").asString().equals("ja")
                    && pair.path("targetLocale").asString().equals("en")) {
                japaneseToEnglish = pair;
            }
        }
        assertThat(japaneseToEnglish).as(progress.body()).isNotNull();
        assertThat(japaneseToEnglish.path("units").asLong()).isEqualTo(1);
        assertThat(japaneseToEnglish.path("unitsByState").path("source_only").asLong())
                .isEqualTo(1);
        assertThat(japaneseToEnglish.path("approvedPercent").asDouble())
                .as("a source-only unit counts as done")
                .isEqualTo(100.0);
    }

    @Test
    void aReviewerFixesASubmittedTranslationsTypoAndApprovesInOneStep() throws Exception {
        Page page = createPage("team-typo", List.of(new Presentation("Minamata City, Japan", null, MINAMATA)));
        JsonNode unit = awaitQueueItem(
                translator, "/api/translations/queue?source=ja&target=en&entryId=" + page.id, sourceIs(MINAMATA));
        String unitId = unit.path("unitId").asString();
        String withTypo = "Toward an Enviromental Model City Built with Residents ~Minamata City~";
        String corrected = "Toward an Environmental Model City Built with Residents ~Minamata City~";
        take(unitId);
        submit(unitId, unit, withTypo);

        HttpResponse<String> approved = stack.send(
                "POST",
                "/api/translations/units/" + unitId + "/approve",
                reviewer,
                JSON.writeValueAsString(Map.of("text", corrected, "comment", "typo fixed")));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json(approved).path("state").asString()).isEqualTo("approved");

        HttpResponse<String> history =
                stack.send("GET", "/api/translations/units/" + unitId + "/history?limit=100", reviewer, null);
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        JsonNode line = null;
        for (JsonNode item : json(history).path("items")) {
            if (item.path("action").asString().equals("approved-with-edit")) {
                line = item;
            }
        }
        assertThat(line).as(history.body()).isNotNull();
        assertThat(line.path("actor").asString()).isEqualTo("reviewer-1");
        assertThat(line.path("oldText").asString()).isEqualTo(withTypo);
        assertThat(line.path("newText").asString()).isEqualTo(corrected);
        List<String> runs = new ArrayList<>();
        line.path("diff")
                .forEach(run -> runs.add(
                        run.path("op").asString() + ":" + run.path("text").asString()));
        assertThat(runs).contains("delete:Enviromental", "insert:Environmental");

        JsonNode landed = await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> title(page, 0),
                        title -> title.path("en").path("value").asString().equals(corrected));
        assertThat(landed.path("en").path("unitId").asString()).isEqualTo(unitId);
    }

    @Test
    void underAutoTheApprovedTitleReachesTheEnglishPageByItselfAndUnderManualItWaitsForAnEditor() throws Exception {
        // manual, the default
        Page manual =
                createPage("team-policy-manual", List.of(new Presentation("Minamata City, Japan", null, MINAMATA)));
        publishEnglishAndJapanese(manual);
        String manualText = "Towards an environmental model city with its residents (manual)";
        String manualUnit = translateAndApprove(manual, MINAMATA, manualText);
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() ->
                        title(manual, 0).path("en").path("value").asString().equals(manualText));
        JsonNode manualEntry = entry(manual.id);
        assertThat(manualEntry.path("workflow").path("en").path("state").asString())
                .as("under manual the landing leaves English a draft")
                .isEqualTo("draft");
        JsonNode stillJapanese = deliveredTitle("team-policy-manual");
        assertThat(stillJapanese.path("value").asString()).isEqualTo(MINAMATA);
        assertThat(stillJapanese.path("locale").asString()).isEqualTo("ja");

        HttpResponse<String> ready =
                stack.send("GET", "/api/content/ready-to-publish?locale=en&limit=100", editor, null);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonNode item = null;
        for (JsonNode candidate : json(ready).path("items")) {
            if (candidate.path("entryId").asString().equals(manual.id)) {
                item = candidate;
            }
        }
        assertThat(item).as(ready.body()).isNotNull();
        assertThat(item.path("changes")).hasSize(1);
        JsonNode change = item.path("changes").get(0);
        assertThat(change.path("path").asString()).isEqualTo(titlePath(manual, 0));
        assertThat(change.path("draft").asString()).isEqualTo(manualText);
        assertThat(change.path("unitId").asString()).isEqualTo(manualUnit);

        // auto
        policy(Map.of("en", "auto"));
        try {
            Page auto =
                    createPage("team-policy-auto", List.of(new Presentation("Minamata City, Japan", null, MINAMATA)));
            publishEnglishAndJapanese(auto);
            assertThat(deliveredTitle("team-policy-auto").path("locale").asString())
                    .isEqualTo("ja");
            String autoText = "Towards an environmental model city with its residents (auto)";
            translateAndApprove(auto, MINAMATA, autoText);
            JsonNode delivered = await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> deliveredTitle("team-policy-auto"),
                            title -> title.path("value").asString().equals(autoText));
            assertThat(delivered.path("locale").asString()).isEqualTo("en");
            assertThat(entry(auto.id).path("workflow").path("en").path("state").asString())
                    .isEqualTo("published");
            assertThat(json(stack.send("GET", "/api/content/ready-to-publish?locale=en&limit=100", editor, null))
                            .path("items")
                            .findValuesAsString("entryId"))
                    .doesNotContain(auto.id);
        } finally {
            policy(Map.of());
        }
    }

    @Test
    void aTranslatorsQuestionOnAUnitIsAnsweredByAReviewer() throws Exception {
        Page page = createPage("team-question", List.of(new Presentation("Minamata City, Japan", null, MINAMATA)));
        String queue = "/api/translations/queue?source=ja&target=en&entryId=" + page.id;
        String unitId = awaitQueueItem(translator, queue, sourceIs(MINAMATA))
                .path("unitId")
                .asString();
        String comments = "/api/translations/units/" + unitId + "/comments";

        HttpResponse<String> asked = stack.send(
                "POST",
                comments,
                translator,
                JSON.writeValueAsString(
                        Map.of("kind", "question", "text", "Is 水俣市 the city (Minamata City) or its people here?")));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        assertThat(asked.headers().firstValue("Location")).isPresent();
        String questionId = json(asked).path("commentId").asString();
        assertThat(json(asked).path("state").asString()).isEqualTo("open");
        assertThat(unit(unitId).path("openQuestion").asBoolean()).isTrue();
        assertThat(unitIds(reviewer, queue + "&question=open")).containsExactly(unitId);

        String answerText = "The city: use \"Minamata City\" as in the glossary.";
        HttpResponse<String> answered = stack.send(
                "POST",
                comments,
                reviewer,
                JSON.writeValueAsString(Map.of("kind", "answer", "text", answerText, "replyTo", questionId)));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
        assertThat(json(answered).path("replyTo").asString()).isEqualTo(questionId);
        assertThat(json(answered).path("createdBy").asString()).isEqualTo("reviewer-1");

        HttpResponse<String> resolved = stack.send("POST", comments + "/" + questionId + "/resolve", translator, "{}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);

        JsonNode thread = json(stack.send("GET", comments, translator, null));
        assertThat(thread.path("total").asLong()).isEqualTo(2);
        JsonNode question = thread.path("items").get(0);
        assertThat(question.path("commentId").asString()).isEqualTo(questionId);
        assertThat(question.path("createdBy").asString()).isEqualTo("translator-1");
        assertThat(question.path("state").asString()).isEqualTo("resolved");
        assertThat(question.path("resolvedBy").asString()).isEqualTo("translator-1");
        JsonNode answer = thread.path("items").get(1);
        assertThat(answer.path("kind").asString()).isEqualTo("answer");
        assertThat(answer.path("text").asString()).isEqualTo(answerText);
        assertThat(answer.path("replyTo").asString()).isEqualTo(questionId);
        assertThat(unit(unitId).path("openQuestion").asBoolean()).isFalse();
        assertThat(unitIds(reviewer, queue + "&question=open")).isEmpty();
    }

    @Test
    void aGlossaryTermMissingFromASubmissionProducesAWarning() throws Exception {
        HttpResponse<String> term = stack.send(
                "POST",
                "/api/translations/glossary",
                reviewer,
                JSON.writeValueAsString(Map.of(
                        "sourceLocale",
                        "ja",
                        "targetLocale",
                        "en",
                        "term",
                        Map.of("term", "水俣市", "translation", "Minamata City", "note", "the city, not the bay"))));
        assertThat(term.statusCode()).as(term.body()).isEqualTo(201);
        Page page = createPage("team-glossary", List.of(new Presentation("Minamata City, Japan", null, MINAMATA)));
        JsonNode unit = awaitQueueItem(
                translator, "/api/translations/queue?source=ja&target=en&entryId=" + page.id, sourceIs(MINAMATA));
        String unitId = unit.path("unitId").asString();
        JsonNode found = json(stack.send("GET", "/api/translations/units/" + unitId + "/glossary", translator, null));
        assertThat(found.path("items").findValuesAsString("term")).containsExactly("水俣市");

        take(unitId);
        JsonNode withoutTerm =
                submit(unitId, unit, "Towards an environmental model city built with residents: Minamata");
        assertThat(withoutTerm.path("state").asString()).isEqualTo("translated");
        assertThat(withoutTerm.path("warnings")).hasSize(1);
        JsonNode warning = withoutTerm.path("warnings").get(0);
        assertThat(warning.path("code").asString()).isEqualTo("glossary.missing-term");
        assertThat(warning.path("term").asString()).isEqualTo("水俣市");
        assertThat(warning.path("expected").asString()).isEqualTo("Minamata City");

        JsonNode withTerm =
                submit(unitId, unit, "Towards an environmental model city built with residents ~Minamata City~");
        assertThat(withTerm.path("warnings")).as("the term is used now").isEmpty();
    }

    /** A presentation with an English and/or Japanese title (null: none in that locale). */
    record Presentation(String presenter, String english, String japanese) {}

    /** An event page with one session, its presentations in the given order. */
    record Page(String id, String sessionId, List<String> presentationIds) {}

    private static Page createPage(String slug, List<Presentation> presentations) throws Exception {
        List<Map<String, Object>> english = new ArrayList<>();
        for (Presentation presentation : presentations) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("presenter", presentation.presenter());
            if (presentation.english() != null) {
                item.put("title", presentation.english());
            }
            english.add(item);
        }
        Map<String, Object> fields = Map.of(
                "title",
                "World Partnership Conference on Sustainable Development (" + slug + ")",
                "summary",
                "A declaration (English, Japanese) was adopted at the Conference (to be made available).",
                "date",
                "2003-10-28",
                "sessions",
                List.of(Map.of("title", "Local Governments", "presentations", english)));
        HttpResponse<String> created = stack.send(
                "POST",
                "/api/content/entries",
                editor,
                JSON.writeValueAsString(Map.of("type", "event-page", "locale", "en", "slug", slug, "fields", fields)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode session = json(created).path("fields").path("sessions").get(0);
        String id = json(created).path("entryId").asString();
        List<String> ids = new ArrayList<>();
        List<Map<String, Object>> japanese = new ArrayList<>();
        for (int i = 0; i < presentations.size(); i++) {
            String itemId = session.path("presentations").get(i).path("id").asString();
            ids.add(itemId);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", itemId);
            if (presentations.get(i).japanese() != null) {
                item.put("title", presentations.get(i).japanese());
            }
            japanese.add(item);
        }
        HttpResponse<String> titled = stack.send(
                "PATCH",
                "/api/content/entries/" + id,
                editor,
                JSON.writeValueAsString(Map.of(
                        "locale",
                        "ja",
                        "fields",
                        Map.of(
                                "sessions",
                                List.of(Map.of("id", session.path("id").asString(), "presentations", japanese))))),
                "If-Match",
                created.headers().firstValue("ETag").orElseThrow());
        assertThat(titled.statusCode()).as(titled.body()).isEqualTo(200);
        return new Page(id, session.path("id").asString(), ids);
    }

    /** A translator takes and submits the unit of {@code source}, a reviewer approves it; the unit id. */
    private String translateAndApprove(Page page, String source, String text) throws Exception {
        JsonNode unit = awaitQueueItem(
                translator, "/api/translations/queue?source=ja&target=en&entryId=" + page.id, sourceIs(source));
        String unitId = unit.path("unitId").asString();
        take(unitId);
        submit(unitId, unit, text);
        HttpResponse<String> approved =
                stack.send("POST", "/api/translations/units/" + unitId + "/approve", reviewer, "{}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        return unitId;
    }

    private static void take(String unitId) throws Exception {
        HttpResponse<String> taken =
                stack.send("POST", "/api/translations/units/" + unitId + "/take", translator, "{}");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
    }

    private static JsonNode submit(String unitId, JsonNode unit, String text) throws Exception {
        HttpResponse<String> submitted = stack.send(
                "POST",
                "/api/translations/units/" + unitId + "/submit",
                translator,
                JSON.writeValueAsString(Map.of(
                        "text",
                        text,
                        "sourceHash",
                        unit.path("source").path("hash").asString())));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        return json(submitted);
    }

    /** Publishes English, then Japanese (a Japanese draft is never shown on the English page). */
    private static void publishEnglishAndJapanese(Page page) throws Exception {
        for (String locale : List.of("en", "ja")) {
            HttpResponse<String> published = stack.send(
                    "POST",
                    "/api/content/entries/" + page.id + "/locales/" + locale + "/publish",
                    editor,
                    null,
                    "If-Match",
                    etag(page.id));
            assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        }
    }

    /** Sets the event-page type's publish policy, as an admin. */
    private static void policy(Map<String, String> policy) throws Exception {
        HttpResponse<String> type = stack.send("GET", "/api/content/types/event-page", admin, null);
        assertThat(type.statusCode()).as(type.body()).isEqualTo(200);
        JsonNode current = json(type);
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("name", current.path("name").asString());
        definition.put("component", false);
        definition.put("titleField", current.path("titleField").asString());
        definition.put("fields", current.path("fields"));
        definition.put("publishPolicy", policy);
        HttpResponse<String> defined = stack.send(
                "PUT",
                "/api/content/types/event-page",
                admin,
                JSON.writeValueAsString(definition),
                "If-Match",
                type.headers().firstValue("ETag").orElseThrow());
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(200);
        assertThat(json(defined).path("publishPolicy").path("en").asString(null))
                .isEqualTo(policy.get("en"));
    }

    /** A JSON Patch ({@code application/json-patch+json}) of an entry through the gateway. */
    private static HttpResponse<String> jsonPatch(String entryId, String ifMatch, String patch) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/content/entries/" + entryId))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + editor)
                .header("Content-Type", "application/json-patch+json")
                .header("If-Match", ifMatch)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(patch, StandardCharsets.UTF_8))
                .build();
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode awaitQueueItem(String token, String query, Predicate<JsonNode> wanted) {
        return await().atMost(WAIT)
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

    private static Predicate<JsonNode> sourceIs(String text) {
        return item -> item.path("source").path("text").asString().equals(text);
    }

    private static List<String> unitIds(String token, String query) throws Exception {
        HttpResponse<String> page = stack.send("GET", query + "&limit=100", token, null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return json(page).path("items").findValuesAsString("unitId");
    }

    private static JsonNode unit(String unitId) throws Exception {
        return json(stack.send("GET", "/api/translations/units/" + unitId, reviewer, null));
    }

    private static String etag(String id) throws Exception {
        return stack.send("GET", "/api/content/entries/" + id, editor, null)
                .headers()
                .firstValue("ETag")
                .orElseThrow();
    }

    private static JsonNode entry(String id) throws Exception {
        return json(stack.send("GET", "/api/content/entries/" + id, editor, null));
    }

    /** The title of the page's {@code index}th presentation in the editor's view: values by locale. */
    private static JsonNode title(Page page, int index) throws Exception {
        return entry(page.id)
                .path("fields")
                .path("sessions")
                .get(0)
                .path("presentations")
                .get(index)
                .path("title");
    }

    private static String titlePath(Page page, int index) {
        return "sessions[" + page.sessionId + "].presentations[" + page.presentationIds.get(index) + "].title";
    }

    /** The first presentation's title on the English page readers get, anonymously. */
    private static JsonNode deliveredTitle(String slug) throws Exception {
        HttpResponse<String> page = stack.get("/api/delivery/entries/event-page/" + slug + "?locale=en");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return json(page)
                .path("fields")
                .path("sessions")
                .get(0)
                .path("presentations")
                .get(0)
                .path("title");
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
