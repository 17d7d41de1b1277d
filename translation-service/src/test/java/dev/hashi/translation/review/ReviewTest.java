package dev.hashi.translation.review;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.hashi.identity.Identity;
import dev.hashi.testsupport.Reply;
import dev.hashi.translation.support.ConferencePages;
import dev.hashi.translation.support.ServiceTest;
import dev.hashi.translation.unit.Unit;
import dev.hashi.translation.unit.UnitIds;
import dev.hashi.translation.unit.Units;

import static dev.hashi.translation.support.ContentEvents.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReviewTest extends ServiceTest {

    private static final String PATH = "sessions[s-local].intro";
    private static final Identity TRANSLATOR = translator("tr-kim", "en:ja", "en:ko");
    private static final Identity REVIEWER = reviewer("rv-lee");

    @Autowired
    Units units;

    @Test
    void submittingAgainstAStaleSourceIsRefusedNamingTheCurrentSourceHash() {
        String unit = unitFor("{count, plural, one {# presentation} other {# presentations}} by Kitakyushu City", "ja");
        String hash = hash(unit);
        content().changed(entryOf, 2, "editor-1", Map.of(), source(PATH, "en", "Presentations by Kitakyushu City"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !hash(unit).equals(hash));

        Reply refused = submit(unit, "北九州市の発表", hash);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("unit.source-changed");
        assertThat(refused.body().path("currentSourceHash").asString()).isEqualTo(hash(unit));
        assertThat(refused.body().path("unitId").asString()).isEqualTo(unit);
        assertThat(units.find(unit).orElseThrow().work().draft()).isNull();
    }

    @Test
    void placeholdersLinksTagsAndPluralCategoriesMustSurviveTranslation() {
        String unit = unitFor(
                "{count, plural, one {# talk} other {# talks}} in <b>[Kitakyushu](https://example.org/k)</b>", "ko");
        Reply broken = submit(unit, "{n, plural, other {# 발표}} 북큐슈", hash(unit));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.code()).isEqualTo("translation.checks-failed");
        assertThat(broken.body().path("errors").toString())
                .contains("\"field\":\"text\"", "check.placeholders", "check.links", "check.markup");

        Reply fine = submit(unit, "<b>[기타큐슈](https://example.org/k)</b>에서 {count, plural, other {# 발표}}", hash(unit));
        assertThat(fine.status()).isEqualTo(200);
        assertThat(fine.body().path("state").asString()).isEqualTo("translated");
    }

    @Test
    void aCheckBeforeSubmittingNamesWhatWouldFailAndWritesNothing() {
        String unit = unitFor(
                "{count, plural, one {# talk} other {# talks}} in <b>[Kitakyushu](https://example.org/k)</b>", "ko");
        Unit before = units.find(unit).orElseThrow();
        String check = "/api/translations/units/" + unit + "/check";

        Reply broken = client().post(TRANSLATOR, check, Map.of("text", "{n, plural, other {# 발표}} 북큐슈"));
        assertThat(broken.status()).isEqualTo(200);
        assertThat(broken.body().path("passes").asBoolean()).isFalse();
        assertThat(broken.body().path("failures").findValuesAsString("code"))
                .contains("check.placeholders", "check.links", "check.markup");

        Reply fine = client().post(
                        TRANSLATOR,
                        check,
                        Map.of("text", "<b>[기타큐슈](https://example.org/k)</b>에서 {count, plural, other {# 발표}}"));
        assertThat(fine.status()).isEqualTo(200);
        assertThat(fine.body().path("passes").asBoolean()).isTrue();
        assertThat(fine.body().path("failures").size()).isZero();

        Unit after = units.find(unit).orElseThrow();
        assertThat(after.rev()).as("nothing written").isEqualTo(before.rev());
        assertThat(after.work().draft()).isNull();
        assertThat(client().post(translator("tr-x", "ja:en"), check, Map.of("text", "x"))
                        .status())
                .as("translators of another pair")
                .isEqualTo(403);
        assertThat(client().post(TRANSLATOR, check, Map.of("text", "")).code()).isEqualTo("request.invalid");
    }

    @Test
    void englishPluralNeedsOneAndOther() {
        String entry = ConferencePages.newEntryId();
        content().changed(entry, 1, "editor-1", Map.of(), source(PATH, "ja", "{count, plural, other {#件の発表}}"));
        String unit = UnitIds.of(entry, PATH, "en");
        await().atMost(Duration.ofSeconds(10)).until(() -> units.find(unit).isPresent());
        Identity japaneseToEnglish = translator("tr-ito", "ja:en");
        Reply response = client().post(
                        japaneseToEnglish,
                        "/api/translations/units/" + unit + "/submit",
                        Map.of("text", "{count, plural, other {# presentations}}", "sourceHash", hash(unit)));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().path("errors").toString()).contains("check.plural-categories", "one");
    }

    @Test
    void rolesAndLocalePairsDecideWhoMayDoWhat() {
        String unit = unitFor("Pollution Control Programmes and Cooperation with Japan", "ja");
        String take = "/api/translations/units/" + unit + "/take";
        Reply anonymous = client().post(null, take, "");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("auth.required");
        Reply reader = client().post(reader("rd-1"), take, "");
        assertThat(reader.status()).isEqualTo(403);
        assertThat(reader.code()).isEqualTo("auth.forbidden");
        assertThat(reader.body().path("reason").asString()).isEqualTo("role");
        Reply wrongPair = client().post(translator("tr-x", "ja:en"), take, "");
        assertThat(wrongPair.status()).isEqualTo(403);
        assertThat(wrongPair.code()).isEqualTo("auth.forbidden");
        assertThat(wrongPair.body().path("reason").asString()).isEqualTo("locale-pair");
        assertThat(wrongPair.body().path("sourceLocale").asString()).isEqualTo("en");
        assertThat(wrongPair.body().path("targetLocale").asString()).isEqualTo("ja");

        assertThat(submit(unit, "日本との公害防止計画と協力", hash(unit)).status()).isEqualTo(200);
        String approve = "/api/translations/units/" + unit + "/approve";
        assertThat(client().post(TRANSLATOR, approve, "{}").status()).isEqualTo(403);
        Reply own = client().post(reviewer("tr-kim"), approve, "{}");
        assertThat(own.status()).isEqualTo(422);
        assertThat(own.code()).isEqualTo("review.own-translation");
        Reply rejected = client().post(
                        REVIEWER,
                        "/api/translations/units/" + unit + "/reject",
                        Map.of("comment", "Use 汚染防止 for pollution control"));
        assertThat(rejected.body().path("state").asString()).isEqualTo("rejected");
        assertThat(rejected.body().path("draft").path("comment").asString()).contains("汚染防止");
        Reply again = client().post(REVIEWER, approve, "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("unit.invalid-transition");
        assertThat(again.body().path("state").asString()).isEqualTo("rejected");
        assertThat(again.body().path("action").asString()).isEqualTo("approved");
        assertThat(submit(unit, "日本との汚染防止計画と協力", hash(unit))
                        .body()
                        .path("state")
                        .asString())
                .isEqualTo("translated");
        assertThat(client().post(REVIEWER, approve, "{}").body().path("state").asString())
                .isEqualTo("approved");
        assertThat(client().post(TRANSLATOR, take, "").code()).isEqualTo("unit.invalid-transition");
    }

    @Test
    void badRequestsGetSpecificProblemsAndChangeNothing() {
        String unit = unitFor("Partnerships on Sustainable Development in Surabaya", "ja");
        String submit = "/api/translations/units/" + unit + "/submit";
        Reply malformed = client().post(TRANSLATOR, submit, "{\"text\": \"スラバヤ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("request.malformed");
        Reply invalid = client().post(TRANSLATOR, submit, Map.of("text", "", "sourceHash", "abc"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("request.invalid");
        assertThat(invalid.body().path("errors").toString()).contains("text", "sourceHash");
        Reply unknown = client().post(
                        TRANSLATOR,
                        "/api/translations/units/u-nothing/submit",
                        Map.of("text", "x", "sourceHash", "0".repeat(64)));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("unit.not-found");
        assertThat(unknown.body().path("resource").asString()).isEqualTo("unit");
        assertThat(unknown.body().path("id").asString()).isEqualTo("u-nothing");
        String huge = "{\"text\":\"" + "あ".repeat(3_000_000) + "\",\"sourceHash\":\"" + hash(unit) + "\"}";
        assertThat(client().post(TRANSLATOR, submit, huge).status()).isEqualTo(413);
        assertThat(units.find(unit).orElseThrow().rev()).isEqualTo(1);
        assertThat(units.history(unit, dev.hashi.service.paging.PageRequest.first(100))
                        .items())
                .hasSize(1);
    }

    @Test
    void aSubmissionRepeatedWithTheSameIdempotencyKeyIsReplayedAndADifferentOneUnderItRefused() {
        String unit = unitFor("Environmental Management and International Cooperation in Kitakyushu", "ja");
        String submit = "/api/translations/units/" + unit + "/submit";
        Map<String, String> body = Map.of("text", "北九州における環境管理と国際協力", "sourceHash", hash(unit));
        Reply first = client().post(TRANSLATOR, submit, body, "Idempotency-Key", "submit-" + unit);
        assertThat(first.status()).isEqualTo(200);
        Reply again = client().post(TRANSLATOR, submit, body, "Idempotency-Key", "submit-" + unit);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(units.history(unit, dev.hashi.service.paging.PageRequest.first(100))
                        .items())
                .extracting(line -> line.action())
                .containsOnlyOnce("submitted");
        Reply reused = client().post(
                        TRANSLATOR,
                        submit,
                        Map.of("text", "北九州の環境管理", "sourceHash", hash(unit)),
                        "Idempotency-Key",
                        "submit-" + unit);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("idempotency.key-reused");
    }

    @Test
    void aWriteNamingAStaleVersionInIfMatchIsRefusedAndTheCurrentOneIsAccepted() {
        String unit = unitFor("The Kitakyushu Initiative for a Clean Environment", "ja");
        String submit = "/api/translations/units/" + unit + "/submit";
        Map<String, String> body = Map.of("text", "クリーンな環境のための北九州イニシアティブ", "sourceHash", hash(unit));
        long version = units.find(unit).orElseThrow().rev();

        Reply stale = client().post(TRANSLATOR, submit, body, "If-Match", "\"" + (version + 5) + "\"");
        assertThat(stale.status()).as(stale.raw()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("version.conflict");
        assertThat(stale.body().path("currentVersion").asLong()).isEqualTo(version);
        assertThat(units.find(unit).orElseThrow().work().draft()).isNull();

        Reply current = client().post(TRANSLATOR, submit, body, "If-Match", "\"" + version + "\"");
        assertThat(current.status()).as(current.raw()).isEqualTo(200);
        assertThat(current.etag()).isEqualTo("\"" + (version + 1) + "\"");
    }

    private String entryOf;

    private String unitFor(String englishSource, String target) {
        entryOf = ConferencePages.newEntryId();
        content().changed(entryOf, 1, "editor-1", Map.of(), source(PATH, "en", englishSource));
        String unit = UnitIds.of(entryOf, PATH, target);
        await().atMost(Duration.ofSeconds(10)).until(() -> units.find(unit).isPresent());
        return unit;
    }

    private String hash(String unit) {
        return units.find(unit).orElseThrow().source().hash();
    }

    private Reply submit(String unit, String text, String hash) {
        return client().post(
                        TRANSLATOR,
                        "/api/translations/units/" + unit + "/submit",
                        Map.of("text", text, "sourceHash", hash));
    }
}
