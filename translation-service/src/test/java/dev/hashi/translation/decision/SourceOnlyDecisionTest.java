package dev.hashi.translation.decision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.hashi.identity.Identity;
import dev.hashi.testsupport.Lists;
import dev.hashi.testsupport.Reply;
import dev.hashi.translation.support.ConferencePages;
import dev.hashi.translation.support.ServiceTest;
import dev.hashi.translation.unit.UnitIds;

import tools.jackson.databind.JsonNode;

import static dev.hashi.translation.support.ContentEvents.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SourceOnlyDecisionTest extends ServiceTest {

    private static final String REASON = "Japanese only: the talk was given in Japanese";
    private static final Identity REVIEWER = reviewer("rv-mori", "ja:en");
    private static final Identity EDITOR = editor("ed-ueda");

    @Test
    void aReviewerMarksTheFukuokaTitleSourceOnlyAndItLeavesTheEnglishQueueAndCountsAsDone() {
        String entry = publishedPage();
        String unit = UnitIds.of(entry, ConferencePages.titlePath("p-fukuoka"), "en");

        Reply decided =
                client().put(REVIEWER, "/api/translations/units/" + unit + "/decision", Map.of("reason", REASON));
        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.body().path("state").asString()).isEqualTo("source_only");
        JsonNode decision = decided.body().path("decision");
        assertThat(decision.path("reason").asString()).isEqualTo(REASON);
        assertThat(decision.path("decidedBy").asString()).isEqualTo("rv-mori");
        assertThat(decision.path("decidedAt").asString()).isNotBlank();
        assertThat(decision.path("sourceChangedSinceDecision").asBoolean()).isFalse();
        assertThat(decided.etag())
                .isEqualTo("\"" + decided.body().path("version").asLong() + "\"");

        String queue = "/api/translations/queue?target=en&limit=100&entryId=" + entry;
        assertThat(client().get(EDITOR, queue).raw()).doesNotContain(unit);
        assertThat(client().get(EDITOR, queue + "&state=source_only")
                        .body()
                        .path("items")
                        .get(0)
                        .path("unitId")
                        .asString())
                .isEqualTo(unit);

        JsonNode jaEn = pair(entry, "ja", "en");
        assertThat(jaEn.path("unitsByState").path("source_only").asInt()).isEqualTo(1);
        assertThat(jaEn.path("unitsByState").path("untranslated").asInt())
                .isEqualTo(ConferencePages.JAPANESE_ONLY.size() - 1);
        int size = decided.body().path("source").path("size").asInt();
        assertThat(jaEn.path("approvedPercent").asDouble())
                .isEqualTo(Math.round(size * 1000.0 / jaEn.path("size").asInt()) / 10.0)
                .isPositive();
        assertThat(jaEn.path("remainingSize").asInt())
                .as("a source-only unit is done: its size no longer remains")
                .isEqualTo(jaEn.path("size").asInt() - size);

        JsonNode history = client().get(EDITOR, "/api/translations/units/" + unit + "/history")
                .body();
        JsonNode last = history.path("items").get(history.path("items").size() - 1);
        assertThat(last.path("action").asString()).isEqualTo("source-only-decided");
        assertThat(last.path("actor").asString()).isEqualTo("rv-mori");
        assertThat(last.path("to").asString()).isEqualTo("source_only");
        assertThat(last.path("comment").asString()).isEqualTo(REASON);
    }

    @Test
    void onlyEditorsAndReviewersOfThePairMayDecide() {
        String entry = publishedPage();
        String unit = UnitIds.of(entry, ConferencePages.titlePath("p-sendai"), "en");
        String path = "/api/translations/units/" + unit + "/decision";
        Reply otherPair = client().put(reviewer("rv-kang", "en:ko"), path, Map.of("reason", REASON));
        assertThat(otherPair.status()).isEqualTo(403);
        assertThat(otherPair.body().path("reason").asString()).isEqualTo("locale-pair");
        Reply translator = client().put(translator("tr-abe", "ja:en"), path, Map.of("reason", REASON));
        assertThat(translator.status()).isEqualTo(403);
        assertThat(translator.body().path("reason").asString()).isEqualTo("role");
        Reply blank = client().put(EDITOR, path, Map.of("reason", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.code()).isEqualTo("request.invalid");
        assertThat(client().get(EDITOR, "/api/translations/units/" + unit)
                        .body()
                        .path("state")
                        .asString())
                .isEqualTo("untranslated");
        assertThat(client().put(EDITOR, path, Map.of("reason", REASON)).status())
                .isEqualTo(200);
    }

    @Test
    void aSourceEditShowsTheDecisionAsChangedUntilItIsConfirmedOrUndone() {
        String entry = publishedPage();
        String titlePath = ConferencePages.titlePath("p-minamata");
        String unit = UnitIds.of(entry, titlePath, "en");
        String path = "/api/translations/units/" + unit + "/decision";
        client().put(EDITOR, path, Map.of("reason", REASON));

        content().changed(entry, 2, "editor-1", Map.of(), source(titlePath, "ja", "住民協働による環境モデル都市づくり～水俣市～"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> view(unit)
                        .path("decision")
                        .path("sourceChangedSinceDecision")
                        .asBoolean());
        JsonNode changed = view(unit);
        assertThat(changed.path("state").asString()).as("not silently revived").isEqualTo("source_only");
        assertThat(client().get(EDITOR, "/api/translations/queue?target=en&entryId=" + entry)
                        .raw())
                .doesNotContain(unit);

        Reply confirmed = client().put(EDITOR, path, Map.of("reason", REASON));
        assertThat(confirmed
                        .body()
                        .path("decision")
                        .path("sourceChangedSinceDecision")
                        .asBoolean())
                .isFalse();
        assertThat(lastAction(unit)).isEqualTo("source-only-confirmed");

        Reply undone = client().delete(REVIEWER, path);
        assertThat(undone.status()).isEqualTo(200);
        assertThat(undone.body().path("state").asString()).isEqualTo("untranslated");
        assertThat(undone.body().path("decision").isNull()).isTrue();
        assertThat(lastAction(unit)).isEqualTo("source-only-undone");
        assertThat(client().get(EDITOR, "/api/translations/queue?target=en&entryId=" + entry)
                        .raw())
                .contains(unit);
        Reply again = client().delete(REVIEWER, path);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("unit.invalid-transition");
    }

    @Test
    void rulesWalkedToTheirEndByCursorAreEachServedOnce() {
        String field = "walk" + UUID.randomUUID().toString().substring(0, 8);
        List<String> made = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Reply created = client().post(
                            EDITOR,
                            "/api/translations/source-only-rules",
                            Map.of(
                                    "type",
                                    "event-page",
                                    "path",
                                    field + i + "[n-1].text",
                                    "targetLocale",
                                    "en",
                                    "reason",
                                    REASON));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            made.add(created.body().path("ruleId").asString());
        }

        assertThat(Lists.all(client(), EDITOR, "/api/translations/source-only-rules?limit=2", "ruleId"))
                .doesNotHaveDuplicates()
                .containsAll(made);
    }

    @Test
    void aRuleForAFieldPathAcrossTheTypeDecidesItsUnitsNowAndUnitsCreatedLater() {
        String field = "notes" + UUID.randomUUID().toString().substring(0, 8);
        String first = ConferencePages.newEntryId();
        content()
                .changed(
                        first,
                        1,
                        "editor-1",
                        Map.of(),
                        source(field + "[n-1].text", "ja", "日本語のみ"),
                        source(field + "[n-2].text", "ja", "日本語だけ"));
        String firstUnit = UnitIds.of(first, field + "[n-1].text", "en");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client().get(EDITOR, "/api/translations/units/" + firstUnit)
                                .status()
                        == 200);

        Reply created = client().post(
                        EDITOR,
                        "/api/translations/source-only-rules",
                        Map.of(
                                "type",
                                "event-page",
                                "path",
                                field + "[n-1].text",
                                "targetLocale",
                                "en",
                                "reason",
                                REASON));
        assertThat(created.status()).isEqualTo(201);
        String ruleId = created.body().path("ruleId").asString();
        assertThat(created.header("Location")).endsWith("/api/translations/source-only-rules/" + ruleId);
        assertThat(created.body().path("scope").asString()).isEqualTo("path");
        assertThat(created.body().path("fieldPath").asString()).isEqualTo(field + "[].text");
        assertThat(created.body().path("decided").asInt()).isEqualTo(2);
        assertThat(view(firstUnit).path("decision").path("ruleId").asString()).isEqualTo(ruleId);
        assertThat(view(UnitIds.of(first, field + "[n-1].text", "ko"))
                        .path("state")
                        .asString())
                .as("another target locale is not covered")
                .isEqualTo("untranslated");

        String later = ConferencePages.newEntryId();
        content().changed(later, 1, "editor-1", Map.of(), source(field + "[n-9].text", "ja", "ｶﾀｶﾅのみ"));
        String laterUnit = UnitIds.of(later, field + "[n-9].text", "en");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client().get(EDITOR, "/api/translations/units/" + laterUnit)
                                .status()
                        == 200);
        JsonNode laterView = view(laterUnit);
        assertThat(laterView.path("state").asString()).isEqualTo("source_only");
        assertThat(laterView.path("decision").path("reason").asString()).isEqualTo(REASON);

        Reply duplicate = client().post(
                        EDITOR,
                        "/api/translations/source-only-rules",
                        Map.of(
                                "type",
                                "event-page",
                                "path",
                                field + "[n-5].text",
                                "targetLocale",
                                "en",
                                "reason",
                                "x"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("source-only-rule.exists");
        assertThat(client().get(EDITOR, "/api/translations/source-only-rules?limit=100")
                        .raw())
                .contains(ruleId);

        Reply removed = client().delete(EDITOR, "/api/translations/source-only-rules/" + ruleId);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().path("undone").asInt()).isEqualTo(3);
        assertThat(view(laterUnit).path("state").asString()).isEqualTo("untranslated");
        assertThat(client().get(EDITOR, "/api/translations/source-only-rules/" + ruleId)
                        .code())
                .isEqualTo("source-only-rule.not-found");
    }

    @Test
    void aRuleForAnEntryDecidesEveryFieldOfItIntoOneLocale() {
        String entry = publishedPage();
        Reply created = client().post(
                        EDITOR,
                        "/api/translations/source-only-rules",
                        Map.of("entryId", entry, "targetLocale", "en", "reason", "Japanese-only seminar page"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("decided").asInt()).isEqualTo(ConferencePages.JAPANESE_ONLY.size());
        assertThat(client().get(EDITOR, "/api/translations/queue?target=en&entryId=" + entry)
                        .body()
                        .path("items")
                        .size())
                .isZero();
        content().changed(entry, 2, "editor-1", Map.of(), source("venue", "ja", "北九州国際会議場"));
        String venue = UnitIds.of(entry, "venue", "en");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        client().get(EDITOR, "/api/translations/units/" + venue).status() == 200);
        assertThat(view(venue).path("state").asString()).isEqualTo("source_only");
        Reply both = client().post(
                        EDITOR,
                        "/api/translations/source-only-rules",
                        Map.of(
                                "entryId",
                                entry,
                                "type",
                                "event-page",
                                "path",
                                "venue",
                                "targetLocale",
                                "en",
                                "reason",
                                "x"));
        assertThat(both.status()).isEqualTo(400);
    }

    private JsonNode view(String unit) {
        return client().get(EDITOR, "/api/translations/units/" + unit).body();
    }

    private String lastAction(String unit) {
        JsonNode items = client().get(EDITOR, "/api/translations/units/" + unit + "/history?limit=100")
                .body()
                .path("items");
        return items.get(items.size() - 1).path("action").asString();
    }

    private JsonNode pair(String entry, String source, String target) {
        for (JsonNode pair : client().get(EDITOR, "/api/translations/progress/entries/" + entry)
                .body()
                .path("items")) {
            if (pair.path("sourceLocale").asString().equals(source)
                    && pair.path("targetLocale").asString().equals(target)) {
                return pair;
            }
        }
        throw new AssertionError("no pair " + source + ":" + target);
    }

    private String publishedPage() {
        String entry = ConferencePages.newEntryId();
        ConferencePages.publish(content(), entry);
        String query = "/api/translations/queue?entryId=" + entry + "&limit=100";
        int all = 2 * (1 + ConferencePages.JAPANESE_ONLY.size() + ConferencePages.ENGLISH_ONLY.size());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client().get(EDITOR, query).body().path("items").size() == all);
        return entry;
    }
}
