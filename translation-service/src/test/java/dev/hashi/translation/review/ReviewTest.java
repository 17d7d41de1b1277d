package dev.hashi.translation.review;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.hashi.identity.Identity;
import dev.hashi.translation.support.Api;
import dev.hashi.translation.support.ConferencePages;
import dev.hashi.translation.support.ServiceTest;
import dev.hashi.translation.unit.UnitIds;
import dev.hashi.translation.unit.Units;

import static dev.hashi.translation.support.ContentEvents.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReviewTest extends ServiceTest {

    private static final String PATH = "sessions[s-local].intro";
    private static final Identity TRANSLATOR = Api.translator("tr-kim", "en:ja", "en:ko");
    private static final Identity REVIEWER = Api.reviewer("rv-lee");

    @Autowired
    Units units;

    @Test
    void submittingAgainstAStaleSourceIsRefusedNamingTheCurrentSourceHash() {
        String unit = unitFor("{count, plural, one {# presentation} other {# presentations}} by Kitakyushu City", "ja");
        String hash = hash(unit);
        content().changed(entryOf, 2, "editor-1", Map.of(), source(PATH, "en", "Presentations by Kitakyushu City"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !hash(unit).equals(hash));

        Api.Response refused = submit(unit, "北九州市の発表", hash);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("unit.source-changed");
        assertThat(refused.json().path("currentSourceHash").asString()).isEqualTo(hash(unit));
        assertThat(units.find(unit).orElseThrow().work().draft()).isNull();
    }

    @Test
    void placeholdersLinksTagsAndPluralCategoriesMustSurviveTranslation() {
        String unit = unitFor(
                "{count, plural, one {# talk} other {# talks}} in <b>[Kitakyushu](https://example.org/k)</b>", "ko");
        Api.Response broken = submit(unit, "{n, plural, other {# 발표}} 북큐슈", hash(unit));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.code()).isEqualTo("translation.checks-failed");
        assertThat(broken.json().path("failures").toString())
                .contains("check.placeholders", "check.links", "check.markup");

        Api.Response fine =
                submit(unit, "<b>[기타큐슈](https://example.org/k)</b>에서 {count, plural, other {# 발표}}", hash(unit));
        assertThat(fine.status()).isEqualTo(200);
        assertThat(fine.json().path("state").asString()).isEqualTo("translated");
    }

    @Test
    void englishPluralNeedsOneAndOther() {
        String entry = ConferencePages.newEntryId();
        content().changed(entry, 1, "editor-1", Map.of(), source(PATH, "ja", "{count, plural, other {#件の発表}}"));
        String unit = UnitIds.of(entry, PATH, "en");
        await().atMost(Duration.ofSeconds(10)).until(() -> units.find(unit).isPresent());
        Identity japaneseToEnglish = Api.translator("tr-ito", "ja:en");
        Api.Response response = api().as(japaneseToEnglish)
                .post(
                        "/api/translations/units/" + unit + "/submit",
                        "{\"text\":\"{count, plural, other {# presentations}}\",\"sourceHash\":\"" + hash(unit)
                                + "\"}");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("failures").toString()).contains("check.plural-categories", "one");
    }

    @Test
    void rolesAndLocalePairsDecideWhoMayDoWhat() {
        String unit = unitFor("Pollution Control Programmes and Cooperation with Japan", "ja");
        String take = "/api/translations/units/" + unit + "/take";
        assertThat(api().post(take, "").status()).isEqualTo(401);
        assertThat(api().as(Api.reader("rd-1")).post(take, "").status()).isEqualTo(403);
        Api.Response wrongPair = api().as(Api.translator("tr-x", "ja:en")).post(take, "");
        assertThat(wrongPair.status()).isEqualTo(403);
        assertThat(wrongPair.code()).isEqualTo("access.locale-pair");

        assertThat(submit(unit, "日本との公害防止計画と協力", hash(unit)).status()).isEqualTo(200);
        String approve = "/api/translations/units/" + unit + "/approve";
        assertThat(api().as(TRANSLATOR).post(approve, "{}").status()).isEqualTo(403);
        assertThat(api().as(Api.reviewer("tr-kim")).post(approve, "{}").code()).isEqualTo("review.own-translation");
        Api.Response rejected = api().as(REVIEWER)
                .post(
                        "/api/translations/units/" + unit + "/reject",
                        "{\"comment\":\"Use 汚染防止 for pollution control\"}");
        assertThat(rejected.json().path("state").asString()).isEqualTo("rejected");
        assertThat(rejected.json().path("draft").path("comment").asString()).contains("汚染防止");
        Api.Response again = api().as(REVIEWER).post(approve, "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("unit.invalid-transition");
        assertThat(submit(unit, "日本との汚染防止計画と協力", hash(unit))
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("translated");
        assertThat(api().as(REVIEWER).post(approve, "{}").json().path("state").asString())
                .isEqualTo("approved");
        assertThat(api().as(TRANSLATOR).post(take, "").code()).isEqualTo("unit.invalid-transition");
    }

    @Test
    void badRequestsGetSpecificProblemsAndChangeNothing() {
        String unit = unitFor("Partnerships on Sustainable Development in Surabaya", "ja");
        String submit = "/api/translations/units/" + unit + "/submit";
        Api.Response malformed = api().as(TRANSLATOR).post(submit, "{\"text\": \"スラバヤ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("request.malformed");
        Api.Response invalid = api().as(TRANSLATOR).post(submit, "{\"text\":\"\",\"sourceHash\":\"abc\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("request.invalid");
        assertThat(invalid.json().path("errors").toString()).contains("text", "sourceHash");
        assertThat(api().as(TRANSLATOR)
                        .post(
                                "/api/translations/units/u-nothing/submit",
                                "{\"text\":\"x\",\"sourceHash\":\"" + "0".repeat(64) + "\"}")
                        .code())
                .isEqualTo("unit.unknown");
        String huge = "{\"text\":\"" + "あ".repeat(3_000_000) + "\",\"sourceHash\":\"" + hash(unit) + "\"}";
        assertThat(api().as(TRANSLATOR).post(submit, huge).status()).isEqualTo(413);
        assertThat(units.find(unit).orElseThrow().rev()).isEqualTo(1);
        assertThat(units.history(unit)).hasSize(1);
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

    private Api.Response submit(String unit, String text, String hash) {
        return api().as(TRANSLATOR)
                .post(
                        "/api/translations/units/" + unit + "/submit",
                        "{\"text\":\"" + text.replace("\"", "\\\"") + "\",\"sourceHash\":\"" + hash + "\"}");
    }
}
