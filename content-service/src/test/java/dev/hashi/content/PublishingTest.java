package dev.hashi.content;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Publishing per locale and what delivery serves. */
class PublishingTest extends ContentServiceTest {

    ServiceClient api;
    String id;
    String etag;

    @BeforeEach
    void setUp() {
        seedTypes();
        api = api();
        Reply created = api.post(
                Users.EDITOR, "/api/content/entries", Pages.create("event-page", "en", Pages.conferencePage()));
        id = created.body().path("entryId").asString();
        Reply japanese = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + id,
                Pages.patch("ja", Pages.japaneseTitles(created.body())),
                "If-Match",
                created.etag());
        etag = japanese.etag();
    }

    Reply act(String locale, String action) {
        Reply reply = api.post(
                Users.EDITOR,
                "/api/content/entries/" + id + "/locales/" + locale + "/" + action,
                null,
                "If-Match",
                etag);
        if (reply.etag() != null) {
            etag = reply.etag();
        }
        return reply;
    }

    String slug(String locale) {
        return api.get(Users.EDITOR, "/api/content/entries/" + id)
                .body()
                .path("slugs")
                .path(locale)
                .asString();
    }

    @Test
    void publishingEnglishLeavesJapaneseADraft() {
        Reply published = act("en", "publish");
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        assertThat(published.body().path("workflow").path("en").path("state").asString())
                .isEqualTo("published");
        assertThat(published.body().path("workflow").path("ja").path("state").asString())
                .isEqualTo("draft");
        assertThat(published
                        .body()
                        .path("workflow")
                        .path("ja")
                        .path("publishedVersion")
                        .isNull())
                .isTrue();
    }

    @Test
    void deliveryShowsJapaneseOnlyTitlesAsJapaneseFallbacksOnTheEnglishPageOnceJapaneseIsPublished() {
        act("en", "publish");
        String path = "/api/delivery/entries/event-page/" + slug("en") + "?locale=en";
        JsonNode draftOnly = api.get(Users.ANONYMOUS, path)
                .body()
                .path("fields")
                .path("sessions")
                .get(2)
                .path("presentations");
        assertThat(draftOnly.get(0).path("title").isMissingNode())
                .as("a Japanese draft is never delivered")
                .isTrue();

        act("ja", "publish");
        Reply page = api.get(Users.ANONYMOUS, path);

        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        assertThat(page.header("Content-Language")).isEqualTo("en");
        assertThat(page.header("Vary")).contains("Accept-Language");
        JsonNode presentations =
                page.body().path("fields").path("sessions").get(2).path("presentations");
        assertThat(presentations.get(0).path("title").path("value").asString()).isEqualTo("住民協働の環境モデル都市づくりを目指して~水俣市~");
        assertThat(presentations.get(0).path("title").path("locale").asString()).isEqualTo("ja");
        assertThat(presentations.get(0).path("title").path("fallback").asBoolean())
                .isTrue();
        assertThat(presentations.get(1).path("title").path("locale").asString()).isEqualTo("en");
        assertThat(presentations.get(1).path("title").path("fallback").asBoolean())
                .isFalse();
    }

    @Test
    void aCorrectedJapaneseTitleReachesTheEnglishPageWithoutPublishingEnglishAgain() {
        act("en", "publish");
        act("ja", "publish");
        String path = "/api/delivery/entries/event-page/" + slug("en") + "?locale=en";
        long englishVersion =
                api.get(Users.ANONYMOUS, path).body().path("version").asLong();
        Map<String, Object> titles = Pages.japaneseTitles(
                api.get(Users.EDITOR, "/api/content/entries/" + id).body());
        correctFirstLocalGovernmentTitle(titles, "水俣市の環境モデル都市づくり");
        Reply corrected =
                api.patch(Users.EDITOR, "/api/content/entries/" + id, Pages.patch("ja", titles), "If-Match", etag);
        assertThat(corrected.status()).as(corrected.raw()).isEqualTo(200);
        etag = corrected.etag();
        assertThat(title(api.get(Users.ANONYMOUS, path)))
                .as("a Japanese draft does not reach delivery")
                .isEqualTo("住民協働の環境モデル都市づくりを目指して~水俣市~");

        act("ja", "publish");
        Reply page = api.get(Users.ANONYMOUS, path);

        assertThat(title(page)).isEqualTo("水俣市の環境モデル都市づくり");
        assertThat(page.body().path("version").asLong())
                .as("English was not published again")
                .isEqualTo(englishVersion);
        assertThat(page.body().path("localePublished").asBoolean()).isTrue();
    }

    @SuppressWarnings("unchecked")
    static void correctFirstLocalGovernmentTitle(Map<String, Object> titles, String title) {
        List<Map<String, Object>> sessions = (List<Map<String, Object>>) titles.get("sessions");
        List<Map<String, Object>> presentations =
                (List<Map<String, Object>>) sessions.get(2).get("presentations");
        presentations.get(0).put("title", title);
    }

    static String title(Reply page) {
        return page.body()
                .path("fields")
                .path("sessions")
                .get(2)
                .path("presentations")
                .get(0)
                .path("title")
                .path("value")
                .asString();
    }

    @Test
    void laterDraftsDoNotLeakIntoTheDeliveredSnapshotButPreviewShowsThem() {
        act("en", "publish");
        Reply edited = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + id,
                Pages.patch("en", Map.of("venue", "Draft venue")),
                "If-Match",
                etag);
        assertThat(edited.status()).isEqualTo(200);
        String path = "/api/delivery/entries/event-page/" + slug("en") + "?locale=en";

        assertThat(api.get(Users.ANONYMOUS, path)
                        .body()
                        .path("fields")
                        .path("venue")
                        .path("value")
                        .asString())
                .isEqualTo("Kitakyushu International Conference Centre (Kitakyushu, Japan)");
        assertThat(api.get(Users.EDITOR, path + "&preview=true")
                        .body()
                        .path("fields")
                        .path("venue")
                        .path("value")
                        .asString())
                .isEqualTo("Draft venue");
        assertThat(api.get(Users.ANONYMOUS, path + "&preview=true")
                        .body()
                        .path("fields")
                        .path("venue")
                        .path("value")
                        .asString())
                .isNotEqualTo("Draft venue");
    }

    @Test
    void anonymousReadingADraftOnlyLocaleGetsNotFound() {
        Reply reply = api.get(Users.ANONYMOUS, "/api/delivery/entries/event-page/" + slug("en") + "?locale=ja");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(api.get(Users.EDITOR, "/api/delivery/entries/event-page/" + slug("ja") + "?locale=ja&preview=true")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void acceptLanguageChoosesTheLocaleWhenNoLocaleParameterIsGiven() {
        act("en", "publish");
        Reply reply = api.get(
                Users.ANONYMOUS, "/api/delivery/entries/event-page/" + slug("en"), "Accept-Language", "fr-CA,fr;q=0.9");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Language")).isEqualTo("en");
        Reply invalid =
                api.get(Users.ANONYMOUS, "/api/delivery/entries/event-page/" + slug("en") + "?locale=xx-INVALID-");
        BadInputTest.assertInvalid(invalid, "locale", "locale.invalid", "xx-INVALID-");
    }

    @Test
    void publishingListsEveryMissingRequiredFieldAtOnce() {
        Reply created = api.post(
                Users.EDITOR,
                "/api/content/entries",
                Pages.create(
                        "event-page",
                        "ja",
                        Map.of(
                                "title",
                                "北九州会議",
                                "sessions",
                                List.of(Map.of("theme", "環境")),
                                "declaration",
                                "a-declaration")));
        String draftId = created.body().path("entryId").asString();
        Reply reply = api.post(
                Users.EDITOR,
                "/api/content/entries/" + draftId + "/locales/ja/publish",
                null,
                "If-Match",
                created.etag());

        assertThat(reply.status()).as(reply.raw()).isEqualTo(422);
        assertThat(reply.code()).isEqualTo("publish.invalid");
        assertThat(reply.body().path("locale").asString()).isEqualTo("ja");
        assertThat(reply.body().path("errors"))
                .extracting(
                        p -> p.path("code").asString() + " " + p.path("field").asString())
                .containsExactlyInAnyOrder(
                        "publish.required-missing summary",
                        "publish.required-missing date",
                        "publish.required-missing sessions[s-1].title",
                        "publish.asset-missing declaration");
        assertThat(api.get(Users.EDITOR, "/api/content/entries/" + draftId).etag())
                .isEqualTo(created.etag());
    }

    @Test
    void oldSlugOfAPublishedLocaleRedirectsToTheNewOne() {
        act("en", "publish");
        String old = slug("en");
        Reply renamed = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + id,
                Map.of("locale", "en", "slug", "wpc-2003-kitakyushu", "fields", Map.of()),
                "If-Match",
                etag);
        etag = renamed.etag();
        act("en", "publish");

        Reply moved = api.get(Users.ANONYMOUS, "/api/delivery/entries/event-page/" + old + "?locale=en&include=0");
        assertThat(moved.status()).isEqualTo(308);
        assertThat(moved.header("Location"))
                .isEqualTo("/api/delivery/entries/event-page/wpc-2003-kitakyushu?locale=en&include=0");
        assertThat(moved.header("Vary")).contains("Accept-Language");
        assertThat(api.get(Users.ANONYMOUS, "/api/delivery/entries/event-page/wpc-2003-kitakyushu?locale=en")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void unpublishWithdrawsOnlyThatLocale() {
        act("en", "publish");
        String slug = slug("en");
        Reply unpublished = act("en", "unpublish");
        assertThat(unpublished.status()).isEqualTo(200);
        assertThat(api.get(Users.ANONYMOUS, "/api/delivery/entries/event-page/" + slug + "?locale=en")
                        .status())
                .isEqualTo(404);
        Reply again = act("en", "unpublish");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("workflow.invalid-transition");
        assertThat(again.body().path("state").asString()).isEqualTo("draft");
        assertThat(again.body().path("action").asString()).isEqualTo("unpublish");
    }

    @Test
    void kanjiAndKanaTitlesKeepTheirScriptInSlugs() {
        Reply created = api.post(
                Users.EDITOR, "/api/content/entries", Pages.create("organisation", "ja", Map.of("name", "北九州市")));
        String slug = created.body().path("slugs").path("ja").asString();
        assertThat(slug).doesNotContain("bei").startsWith("北九州市");
        Reply kana = api.post(
                Users.EDITOR, "/api/content/entries", Pages.create("organisation", "ja", Map.of("name", "キタキュウシュウ")));
        assertThat(kana.body().path("slugs").path("ja").asString()).startsWith("キタキュウシュウ");
    }
}
