package dev.hashi.translation.review;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.Topics;
import dev.hashi.events.translation.TranslationApproved;
import dev.hashi.identity.Identity;
import dev.hashi.identity.LocalePair;
import dev.hashi.identity.Role;
import dev.hashi.testsupport.KafkaProbe;
import dev.hashi.testsupport.Reply;
import dev.hashi.translation.support.ConferencePages;
import dev.hashi.translation.support.ServiceTest;
import dev.hashi.translation.unit.UnitIds;

import tools.jackson.databind.JsonNode;

import static dev.hashi.translation.support.ContentEvents.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReviewerCorrectionTest extends ServiceTest {

    private static final Identity TRANSLATOR = translator("tr-hayashi", "ja:en", "en:ja");
    private static final Identity REVIEWER = reviewer("rv-sato", "ja:en");
    private static final String TYPO = "Toward an Enviromental Model City Built with Residents (Minamata City)";
    private static final String FIXED = "Toward an Environmental Model City Built with Residents (Minamata City)";

    @Test
    void aReviewerFixesATypoInASubmittedTranslationAndApprovesItInOneStep() {
        String unit = submitted("住民協働の環境モデル都市づくりを目指して~水俣市~", "ja", "en", TYPO);

        Reply approved = client().post(
                        REVIEWER,
                        "/api/translations/units/" + unit + "/approve",
                        Map.of("text", FIXED, "comment", "spelling"));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.body().path("state").asString()).isEqualTo("approved");
        assertThat(approved.body().path("draft").path("text").asString()).isEqualTo(FIXED);
        assertThat(approved.body().path("draft").path("translator").asString()).isEqualTo("tr-hayashi");
        assertThat(approved.body().path("draft").path("reviewer").asString()).isEqualTo("rv-sato");

        JsonNode line = lastHistoryLine(unit);
        assertThat(line.path("action").asString()).isEqualTo("approved-with-edit");
        assertThat(line.path("actor").asString()).isEqualTo("rv-sato");
        assertThat(line.path("oldText").asString()).isEqualTo(TYPO);
        assertThat(line.path("newText").asString()).isEqualTo(FIXED);
        assertThat(line.path("comment").asString()).isEqualTo("spelling");
        assertThat(line.path("diff").toString())
                .contains(
                        "{\"op\":\"equal\",\"text\":\"Toward an \"}",
                        "{\"op\":\"delete\",\"text\":\"Enviromental\"}",
                        "{\"op\":\"insert\",\"text\":\"Environmental\"}");

        List<EventEnvelope<?>> events = KafkaProbe.await(
                Topics.TRANSLATION,
                unit,
                event -> event.payload() instanceof TranslationApproved,
                Duration.ofSeconds(10));
        TranslationApproved published = events.stream()
                .map(EventEnvelope::payload)
                .filter(TranslationApproved.class::isInstance)
                .map(TranslationApproved.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(published.text()).isEqualTo(FIXED);
        assertThat(published.reviewer()).isEqualTo("rv-sato");
        assertThat(published.translator()).isEqualTo("tr-hayashi");
    }

    @Test
    void aJapaneseCorrectionIsDiffedCharacterByCharacter() {
        String unit = submitted("Presentations by Kitakyushu City", "en", "ja", "北九州市の発表");
        Reply approved = client().post(
                        reviewer("rv-ito", "en:ja"),
                        "/api/translations/units/" + unit + "/approve",
                        Map.of("text", "北九州市による発表"));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(lastHistoryLine(unit).path("diff").toString())
                .isEqualTo("[{\"op\":\"equal\",\"text\":\"北九州市\"},{\"op\":\"delete\",\"text\":\"の\"},"
                        + "{\"op\":\"insert\",\"text\":\"による\"},{\"op\":\"equal\",\"text\":\"発表\"}]");
    }

    @Test
    void reviewersActOnlyInTheirLocalePairsOnEveryReviewAction() {
        String unit = submitted("福岡市における環境国際協力の取組み", "ja", "en", "Fukuoka City's international cooperation");
        Identity otherPair = reviewer("rv-kang", "en:ko");
        Identity noPairs = new Identity("rv-none", Set.of(Role.REVIEWER), Set.of());
        for (String action : new String[] {"approve", "reject"}) {
            for (Identity reviewer : new Identity[] {otherPair, noPairs}) {
                Reply refused = client().post(
                                reviewer, "/api/translations/units/" + unit + "/" + action, Map.of("comment", "x"));
                assertThat(refused.status()).as(action).isEqualTo(403);
                assertThat(refused.code()).isEqualTo("auth.forbidden");
                assertThat(refused.body().path("reason").asString()).isEqualTo("locale-pair");
                assertThat(refused.body().path("sourceLocale").asString()).isEqualTo("ja");
                assertThat(refused.body().path("targetLocale").asString()).isEqualTo("en");
            }
        }
        assertThat(client().get(REVIEWER, "/api/translations/units/" + unit)
                        .body()
                        .path("state")
                        .asString())
                .isEqualTo("translated");
        assertThat(client().post(admin("ad-1"), "/api/translations/units/" + unit + "/approve", "{}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aReviewerMayNotApproveTheirOwnTranslationEvenWithACorrection() {
        Identity both =
                new Identity("tr-rv-yamada", Set.of(Role.TRANSLATOR, Role.REVIEWER), Set.of(LocalePair.parse("ja:en")));
        String unit = unitFor("仙台市地球温暖化対策推進協議会について", "ja", "en");
        Reply submitted = client().post(
                        both,
                        "/api/translations/units/" + unit + "/submit",
                        Map.of("text", "On the Sendai council", "sourceHash", hash(unit)));
        assertThat(submitted.status()).isEqualTo(200);
        Reply own = client().post(
                        both,
                        "/api/translations/units/" + unit + "/approve",
                        Map.of("text", "On the Sendai Council for Global Warming Measures"));
        assertThat(own.status()).isEqualTo(422);
        assertThat(own.code()).isEqualTo("review.own-translation");
        assertThat(client().get(both, "/api/translations/units/" + unit)
                        .body()
                        .path("state")
                        .asString())
                .isEqualTo("translated");
    }

    @Test
    void aCorrectionThatBreaksTheChecksIsRefusedAndChangesNothing() {
        String unit = submitted(
                "See [the programme](https://example.org/p)", "en", "ja", "[プログラム](https://example.org/p)を参照");
        Reply broken = client().post(
                        reviewer("rv-ito", "en:ja"),
                        "/api/translations/units/" + unit + "/approve",
                        Map.of("text", "プログラムを参照"));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.code()).isEqualTo("translation.checks-failed");
        JsonNode view =
                client().get(REVIEWER, "/api/translations/units/" + unit).body();
        assertThat(view.path("state").asString()).isEqualTo("translated");
        assertThat(view.path("draft").path("text").asString()).isEqualTo("[プログラム](https://example.org/p)を参照");
    }

    private String submitted(String sourceText, String source, String target, String translation) {
        String unit = unitFor(sourceText, source, target);
        Reply reply = client().post(
                        TRANSLATOR,
                        "/api/translations/units/" + unit + "/submit",
                        Map.of("text", translation, "sourceHash", hash(unit)));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return unit;
    }

    private String unitFor(String sourceText, String source, String target) {
        String entry = ConferencePages.newEntryId();
        content().changed(entry, 1, "editor-1", Map.of(), source("summary", source, sourceText));
        String unit = UnitIds.of(entry, "summary", target);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client().get(REVIEWER, "/api/translations/units/" + unit)
                                .status()
                        == 200);
        return unit;
    }

    private String hash(String unit) {
        return client().get(REVIEWER, "/api/translations/units/" + unit)
                .body()
                .path("source")
                .path("hash")
                .asString();
    }

    private JsonNode lastHistoryLine(String unit) {
        JsonNode items = client().get(REVIEWER, "/api/translations/units/" + unit + "/history?limit=100")
                .body()
                .path("items");
        return items.get(items.size() - 1);
    }
}
