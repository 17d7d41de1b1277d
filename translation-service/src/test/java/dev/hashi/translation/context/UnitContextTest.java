package dev.hashi.translation.context;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.hashi.testsupport.Reply;
import dev.hashi.translation.support.ConferencePages;
import dev.hashi.translation.support.ContentStub;
import dev.hashi.translation.support.ServiceTest;
import dev.hashi.translation.unit.UnitIds;
import dev.hashi.translation.unit.Units;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UnitContextTest extends ServiceTest {

    private static final ContentStub STUB = ContentStub.INSTANCE;
    private static final String SENDAI = ConferencePages.JAPANESE_ONLY.get("p-sendai");
    private static final String PAGE_TITLE_JA = "持続可能な開発に関する世界パートナーシップ会議(国内セミナー)";

    @Autowired
    Units units;

    private String entry;
    private String sendaiToEnglish;
    private String dalianToJapanese;

    @BeforeEach
    void conferencePageInContent() {
        entry = ConferencePages.newEntryId();
        ConferencePages.publish(content(), entry);
        sendaiToEnglish = UnitIds.of(entry, ConferencePages.titlePath("p-sendai"), "en");
        dalianToJapanese = UnitIds.of(entry, ConferencePages.titlePath("p-dalian"), "ja");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> units.find(sendaiToEnglish).isPresent()
                        && units.find(dalianToJapanese).isPresent());
        STUB.put("/api/content/types/event-page", """
                {"type":"event-page","titleField":"title","version":4,"fields":[
                  {"key":"title","kind":"text","localized":true,"maxLength":300,
                   "labels":{"en":"Title","ja":"題名"}},
                  {"key":"sessions","kind":"components","componentType":"session",
                   "labels":{"en":"Sessions","ja":"セッション"}}]}
                """);
        STUB.put("/api/content/types/session", """
                {"type":"session","titleField":"title","version":2,"fields":[
                  {"key":"title","kind":"text","localized":true,"maxLength":200,"labels":{"en":"Title","ja":"題名"}},
                  {"key":"presentations","kind":"components","componentType":"presentation"}]}
                """);
        STUB.put("/api/content/types/presentation", """
                {"type":"presentation","titleField":"title","version":3,"fields":[
                  {"key":"title","kind":"text","localized":true,"maxLength":300,"labels":{"en":"Title","ja":"題名"}},
                  {"key":"presenter","kind":"text","localized":true,"maxLength":200,
                   "labels":{"en":"Presenter","ja":"発表者"}},
                  {"key":"city","kind":"text","localized":true,"maxLength":200,"labels":{"en":"City","ja":"都市"}},
                  {"key":"country","kind":"text","localized":true,"maxLength":100,"labels":{"en":"Country"}},
                  {"key":"organisation","kind":"reference","referenceTypes":["organisation"],
                   "labels":{"en":"Organisation","ja":"組織"}},
                  {"key":"attachments","kind":"media-list"}]}
                """);
        STUB.put("/api/content/entries/" + entry, """
                {"entryId":"%s","type":"event-page","version":3,"slugs":{"en":"wpc-2003"},
                 "fields":{
                  "title":{"en":{"value":"%s","originLocale":"en"},"ja":{"value":"%s","originLocale":"en"}},
                  "sessions":[{"id":"s-local","title":{"en":{"value":"Local governments"}},"presentations":[
                    {"id":"p-dalian","title":{"en":{"value":"Pollution Control Programmes and Cooperation with Japan"}},
                     "presenter":{"en":{"value":"Wang Wei"}}},
                    {"id":"p-sendai","title":{"ja":{"value":"%s"}},
                     "presenter":{"ja":{"value":"仙台市環境局 ｶﾝｷｮｳ課"},"en":{"value":"Sendai City Environment Bureau"}},
                     "city":{"ja":{"value":"仙台市"},"en":{"value":"Sendai"}},
                     "country":{"ja":{"value":"日本"},"en":{"value":"Japan"}},
                     "organisation":{"value":"e-org-sendai"}}]}]}}
                """.formatted(
                        entry, ConferencePages.PAGE_TITLE, PAGE_TITLE_JA, SENDAI));
    }

    @AfterEach
    void contentUp() {
        STUB.down(false);
    }

    private Reply context(String unitId, String query) {
        return client().get(
                        translator("tr-ctx", "ja:en", "en:ja"),
                        "/api/translations/units/" + unitId + "/context" + query);
    }

    @Test
    void theLabelIsInTheTargetLocaleUnlessAnotherIsAskedFor() {
        Reply english = context(sendaiToEnglish, "");
        assertThat(english.status()).as(english.raw()).isEqualTo(200);
        assertThat(english.body().path("fieldLabel").path("value").asString()).isEqualTo("Title");
        assertThat(english.body().path("fieldLabel").path("locale").asString()).isEqualTo("en");

        JsonNode japanese = context(sendaiToEnglish, "?locale=ja").body();
        assertThat(japanese.path("fieldLabel").path("value").asString()).isEqualTo("題名");
        assertThat(japanese.path("fieldLabel").path("locale").asString()).isEqualTo("ja");

        assertThat(context(dalianToJapanese, "")
                        .body()
                        .path("fieldLabel")
                        .path("value")
                        .asString())
                .isEqualTo("題名");
        assertThat(context(sendaiToEnglish, "?locale=xx-nowhere").status()).isEqualTo(400);
    }

    @Test
    void neighboursOfAPresentationTitleAreItsOtherTextFieldsInBothLocales() {
        JsonNode context = context(sendaiToEnglish, "?locale=ja").body();

        JsonNode neighbours = context.path("neighbours");
        assertThat(neighbours.findValuesAsString("path"))
                .containsExactly(
                        "sessions[s-local].presentations[p-sendai].presenter",
                        "sessions[s-local].presentations[p-sendai].city",
                        "sessions[s-local].presentations[p-sendai].country");
        assertThat(neighbours.get(0).path("fieldLabel").path("value").asString())
                .isEqualTo("発表者");
        assertThat(neighbours.get(0).path("values").path("ja").asString()).isEqualTo("仙台市環境局 ｶﾝｷｮｳ課");
        assertThat(neighbours.get(0).path("values").path("en").asString()).isEqualTo("Sendai City Environment Bureau");
        assertThat(neighbours.get(1).path("values").path("ja").asString()).isEqualTo("仙台市");
        assertThat(neighbours.get(1).path("values").path("en").asString()).isEqualTo("Sendai");
        assertThat(neighbours.get(2).path("fieldLabel").path("value").asString())
                .as("a label missing in the asked locale falls back to the other")
                .isEqualTo("Country");
        assertThat(neighbours.get(2).path("fieldLabel").path("locale").asString())
                .isEqualTo("en");
    }

    @Test
    void limitsTitlesAndPreviewComeFromTheTypeAndTheDraft() {
        JsonNode context = context(sendaiToEnglish, "").body();

        assertThat(context.path("path").asString()).isEqualTo(ConferencePages.titlePath("p-sendai"));
        assertThat(context.path("limits").path("maxLength").asInt()).isEqualTo(300);
        assertThat(context.path("limits").path("unit").asString()).isEqualTo("characters");
        assertThat(context.path("limits").path("sizeUnit").asString()).isEqualTo("characters");
        assertThat(context.path("entry").path("entryId").asString()).isEqualTo(entry);
        assertThat(context.path("entry").path("type").asString()).isEqualTo("event-page");
        assertThat(context.path("entry").path("titles").path("en").asString()).isEqualTo(ConferencePages.PAGE_TITLE);
        assertThat(context.path("entry").path("titles").path("ja").asString()).isEqualTo(PAGE_TITLE_JA);
        assertThat(context.path("previewUrl").asString())
                .isEqualTo("/api/delivery/entries/event-page/wpc-2003?locale=en&preview=true");
        assertThat(context(dalianToJapanese, "").body().path("previewUrl").asString())
                .as("without a slug in the target locale, the source's")
                .isEqualTo("/api/delivery/entries/event-page/wpc-2003?locale=ja&preview=true");
        assertThat(STUB.seen("/api/content/entries/" + entry))
                .as("content-service is asked on the caller's behalf")
                .allSatisfy(seen -> assertThat(seen.subject()).isEqualTo("tr-ctx"));
    }

    @Test
    void contentServiceDownIsUnavailableWithRetryAfter() {
        STUB.down(true);

        Reply down = context(sendaiToEnglish, "");

        assertThat(down.status()).as(down.raw()).isEqualTo(503);
        assertThat(down.code()).isEqualTo("context.content-unavailable");
        assertThat(down.body().path("retryAfter").asInt()).isPositive();
        assertThat(down.body().path("service").asString()).isEqualTo("content");
    }

    @Test
    void anUnknownUnitOrAnEntryContentNoLongerHasIsNotFound() {
        Reply unknown = context("u-nowhere", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("unit.not-found");

        String gone = ConferencePages.newEntryId();
        ConferencePages.publish(content(), gone);
        String unit = UnitIds.of(gone, ConferencePages.titlePath("p-sendai"), "en");
        await().atMost(Duration.ofSeconds(10)).until(() -> units.find(unit).isPresent());
        Reply entryGone = context(unit, "");
        assertThat(entryGone.status()).as(entryGone.raw()).isEqualTo(404);
        assertThat(entryGone.code()).isEqualTo("entry.not-found");
    }

    @Test
    void aTranslatorOutsideTheUnitsPairIsForbiddenAndContentIsNotAsked() {
        int before = STUB.seen("/api/content/entries/" + entry).size();

        Reply refused =
                client().get(translator("tr-enja", "en:ja"), "/api/translations/units/" + sendaiToEnglish + "/context");

        assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
        assertThat(refused.body().path("reason").asString()).isEqualTo("locale-pair");
        assertThat(STUB.seen("/api/content/entries/" + entry)).hasSize(before);
        assertThat(client().get(reader("rd-1"), "/api/translations/units/" + sendaiToEnglish + "/context")
                        .status())
                .isIn(401, 403);
    }
}
