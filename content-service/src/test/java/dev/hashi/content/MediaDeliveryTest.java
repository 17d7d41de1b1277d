package dev.hashi.content;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.hashi.content.media.MediaSummaries;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery shows what media-service announced about each referenced asset: kind, size formatted for the locale,
 * availability with the contact text or expected date, variant locales and the download path; a deleted or unknown
 * asset is {@code missing}, never an error.
 */
class MediaDeliveryTest extends ContentServiceTest {

    @Autowired
    MediaSummaries summaries;

    private ServiceClient api;
    private String secretariat;
    private String minamata;
    private String fukuoka;
    private String toyama;
    private String declaration;
    private String entryId;
    private String slug;

    @BeforeEach
    void publishedPageWithTheSeedsAttachments() {
        seedTypes();
        api = api();
        secretariat = api.post(
                        Users.EDITOR, "/api/content/entries", Pages.create("organisation", "en", Pages.secretariat()))
                .body()
                .path("entryId")
                .asString();
        minamata = Assets.id("minamata");
        fukuoka = Assets.id("fukuoka");
        toyama = Assets.id("toyama");
        declaration = Assets.id("declaration");
        Assets.send(
                Assets.available(minamata, 1, 6_500_000, "ja"),
                Assets.onRequest(fukuoka, 1, Map.of("en", Assets.CONTACT_EN, "ja", Assets.CONTACT_JA), secretariat),
                Assets.onRequest(toyama, 1, Map.of("ja", Assets.CONTACT_JA), secretariat),
                Assets.pending(declaration, 1, "2003-12-01"));

        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", "Media " + minamata);
        page.put("summary", "A declaration (English, Japanese) was adopted at the Conference (to be made available).");
        page.put("date", "2003-10-28");
        page.put("declaration", declaration);
        page.put(
                "sessions",
                List.of(Map.of(
                        "title",
                        "Local Governments",
                        "presentations",
                        List.of(
                                Map.of("title", "Minamata", "attachments", List.of(minamata)),
                                Map.of("title", "Fukuoka", "attachments", List.of(fukuoka)),
                                Map.of("title", "Toyama", "attachments", List.of(toyama))))));
        Reply created = api.post(Users.EDITOR, "/api/content/entries", Pages.create("event-page", "en", page));
        entryId = created.body().path("entryId").asString();
        Reply english = await().atMost(Duration.ofSeconds(20))
                .until(() -> act("en", "publish", created.etag()), r -> r.status() == 200);
        Reply japanese = act("ja", "publish", english.etag());
        assertThat(japanese.status()).as(japanese.raw()).isEqualTo(200);
        slug = japanese.body().path("slugs").path("en").asString();
    }

    @Test
    void sizesAreFormattedForEachLocaleWithTheDownloadPath() {
        for (String locale : List.of("en", "ja")) {
            JsonNode media = attachment(deliver(locale), 0);
            assertThat(media.path("assetId").asString()).isEqualTo(minamata);
            assertThat(media.path("availability").asString()).isEqualTo("available");
            assertThat(media.path("kind").asString()).isEqualTo("presentation");
            assertThat(media.path("sizeBytes").asLong()).isEqualTo(6_500_000);
            assertThat(media.path("size").asString()).as(locale).isEqualTo("6.5 MB");
            assertThat(media.path("variantLocales").get(0).asString()).isEqualTo("ja");
            assertThat(media.path("variants").get(0).path("size").asString()).isEqualTo("6.5 MB");
            assertThat(media.path("variants").get(0).path("contentType").asString())
                    .isEqualTo(Assets.POWERPOINT);
            assertThat(media.path("downloadPath").asString()).isEqualTo("/api/media/assets/" + minamata + "/content");
        }
        assertThat(deliver("en").path("media").path(minamata).path("size").asString())
                .isEqualTo("6.5 MB");
    }

    @Test
    void onRequestShowsTheContactTextInTheServedLocaleWithFallbackAndTheContactEntry() {
        JsonNode japanese = attachment(deliver("ja"), 1);
        assertThat(japanese.path("availability").asString()).isEqualTo("on_request");
        assertThat(japanese.path("contact").path("text").asString()).isEqualTo(Assets.CONTACT_JA);
        assertThat(japanese.path("contact").path("locale").asString()).isEqualTo("ja");
        assertThat(japanese.path("contact").path("fallback").asBoolean()).isFalse();
        assertThat(japanese.path("contact").path("entryId").asString()).isEqualTo(secretariat);
        assertThat(japanese.has("downloadPath")).as("nothing to download").isFalse();

        JsonNode english = attachment(deliver("en"), 1);
        assertThat(english.path("contact").path("text").asString()).isEqualTo(Assets.CONTACT_EN);
        assertThat(english.path("contact").path("locale").asString()).isEqualTo("en");

        JsonNode japaneseOnly = attachment(deliver("en"), 2);
        assertThat(japaneseOnly.path("contact").path("text").asString()).isEqualTo(Assets.CONTACT_JA);
        assertThat(japaneseOnly.path("contact").path("locale").asString()).isEqualTo("ja");
        assertThat(japaneseOnly.path("contact").path("fallback").asBoolean()).isTrue();
    }

    @Test
    void pendingShowsTheExpectedDateWrittenForTheLocale() {
        JsonNode english = deliver("en").path("fields").path("declaration");
        assertThat(english.path("value").asString()).isEqualTo(declaration);
        assertThat(english.path("media").get(0).path("availability").asString()).isEqualTo("pending");
        assertThat(english.path("media").get(0).path("expectedDate").asString()).isEqualTo("2003-12-01");
        assertThat(english.path("media").get(0).path("expectedDateText").asString())
                .isEqualTo("December 1, 2003");
        assertThat(deliver("ja")
                        .path("fields")
                        .path("declaration")
                        .path("media")
                        .get(0)
                        .path("expectedDateText")
                        .asString())
                .isEqualTo("2003年12月1日");
    }

    @Test
    void newerAnnouncementsWinAndADeletionLeavesTheReferenceMissingEvenAfterOlderNews() {
        Assets.send(
                Assets.pending(minamata, 2, "2004-01-15"),
                Assets.available(minamata, 1, 1, "en"),
                Assets.available(minamata, 2, 5, "en"));
        awaitHandled(minamata);
        JsonNode pending = attachment(deliver("en"), 0);
        assertThat(pending.path("availability").asString()).isEqualTo("pending");
        assertThat(pending.path("expectedDate").asString()).isEqualTo("2004-01-15");

        Assets.send(
                Assets.deleted(minamata, 3),
                Assets.available(minamata, 2, 6_500_000, "ja"),
                Assets.available(minamata, 3, 6_500_000, "ja"));
        awaitHandled(minamata);

        Reply reply = api.get(Users.ANONYMOUS, "/api/delivery/entries/event-page/" + slug + "?locale=ja");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode missing = attachment(reply.body(), 0);
        assertThat(missing.path("availability").asString()).isEqualTo("missing");
        assertThat(missing.path("assetId").asString()).isEqualTo(minamata);
        assertThat(missing.has("size")).isFalse();
        assertThat(missing.has("downloadPath")).isFalse();
        assertThat(summaries.summaries(List.of(minamata)).get(minamata).deleted())
                .as("the tombstone is kept")
                .isTrue();
    }

    @Test
    void anAssetNeverAnnouncedIsMissingInPreviewAndCannotBePublished() {
        String unknown = Assets.id("never-announced");
        Reply current = api.get(Users.EDITOR, "/api/content/entries/" + entryId);
        Reply edited = api.patch(
                Users.EDITOR,
                "/api/content/entries/" + entryId,
                Pages.patch("en", Map.of("declaration", unknown)),
                "If-Match",
                current.etag());
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);

        Reply preview = api.get(Users.EDITOR, "/api/delivery/entries/event-page/" + slug + "?locale=en&preview=true");
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(preview.body()
                        .path("media")
                        .path(unknown)
                        .path("availability")
                        .asString())
                .isEqualTo("missing");

        Reply refused = act("en", "publish", edited.etag());
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.body().path("errors").get(0).path("code").asString()).isEqualTo("publish.asset-missing");
        assertThat(refused.body().path("errors").get(0).path("value").asString())
                .isEqualTo(unknown);
    }

    @Test
    void anAssetDeletedByMediaCannotBePublishedAgain() {
        Assets.send(Assets.deleted(declaration, 2));
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> deliver("en")
                                .path("fields")
                                .path("declaration")
                                .path("media")
                                .get(0)
                                .path("availability")
                                .asString(),
                        "missing"::equals);
        Reply current = api.get(Users.EDITOR, "/api/content/entries/" + entryId);

        Reply refused = act("en", "publish", current.etag());
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.body().path("errors").get(0).path("code").asString()).isEqualTo("publish.asset-deleted");
        assertThat(refused.body().path("errors").get(0).path("field").asString())
                .isEqualTo("declaration");
    }

    /** Waits until every media event for {@code assetId} sent so far was handled. */
    private void awaitHandled(String assetId) {
        String sentinel = Assets.onSamePartition(assetId);
        Assets.send(Assets.available(sentinel, 1, 1, "en"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> summaries.summaries(List.of(sentinel)).containsKey(sentinel));
    }

    private JsonNode deliver(String locale) {
        Reply reply = api.get(Users.ANONYMOUS, "/api/delivery/entries/event-page/" + slug + "?locale=" + locale);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }

    /** The single attachment of presentation {@code index} of the delivered page's only session. */
    private static JsonNode attachment(JsonNode delivered, int index) {
        JsonNode attachments = delivered
                .path("fields")
                .path("sessions")
                .get(0)
                .path("presentations")
                .get(index)
                .path("attachments");
        assertThat(attachments.path("media")).hasSize(1);
        return attachments.path("media").get(0);
    }

    private Reply act(String locale, String action, String etag) {
        return api.post(
                Users.EDITOR,
                "/api/content/entries/" + entryId + "/locales/" + locale + "/" + action,
                null,
                "If-Match",
                etag);
    }
}
