package dev.hashi.media;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.Topics;
import dev.hashi.events.media.MediaAssetChanged;
import dev.hashi.events.media.MediaAssetDeleted;
import dev.hashi.testsupport.KafkaProbe;
import dev.hashi.testsupport.Reply;

import tools.jackson.databind.JsonNode;

import static dev.hashi.media.ConferenceAssets.EDITOR;
import static dev.hashi.media.ConferenceAssets.FUKUOKA_EN;
import static dev.hashi.media.ConferenceAssets.FUKUOKA_JA;
import static dev.hashi.media.ConferenceAssets.TRANSLATOR;
import static dev.hashi.media.ConferenceAssets.fukuokaPresentation;
import static dev.hashi.media.ConferenceAssets.text;
import static dev.hashi.media.ConferenceAssets.titled;
import static org.assertj.core.api.Assertions.assertThat;

class AssetJourneyTest extends MediaServiceTest {

    @Test
    void editorCreatesReadsChangesAndDeletesAnAssetWithJapaneseAndEnglishMetadata() {
        Reply created = api().post(EDITOR, "/api/media/assets", fukuokaPresentation());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().path("assetId").asString();
        assertThat(created.header("Location")).isEqualTo("/api/media/assets/" + id);
        assertThat(created.etag()).isEqualTo("\"1\"");
        assertThat(created.body().path("title").path("ja").path("text").asString())
                .isEqualTo(FUKUOKA_JA);
        assertThat(created.body().path("title").path("ja").path("origin").asString())
                .isEqualTo("ja");
        assertThat(created.body().path("title").path("en").path("origin").asString())
                .isEqualTo("ja");
        assertThat(created.body().path("availability").path("state").asString()).isEqualTo("on_request");
        assertThat(created.body().path("availability").path("contactEntryId").asString())
                .isEqualTo("e-secretariat");
        assertThat(created.body().path("createdBy").asString()).isEqualTo("eri");

        Reply read = api().get(TRANSLATOR, "/api/media/assets/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.etag()).isEqualTo("\"1\"");
        assertThat(read.body()).isEqualTo(created.body());

        Reply changed = api().patch(
                        EDITOR,
                        "/api/media/assets/" + id,
                        Map.of(
                                "kind",
                                "document",
                                "availability",
                                Map.of("state", "pending", "expectedAt", "2026-12-24")),
                        "If-Match",
                        read.etag());
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.etag()).isEqualTo("\"2\"");
        assertThat(changed.body().path("kind").asString()).isEqualTo("document");
        assertThat(changed.body().path("availability").path("state").asString()).isEqualTo("pending");
        assertThat(changed.body().path("availability").path("expectedAt").asString())
                .isEqualTo("2026-12-24");
        assertThat(changed.body().path("availability").has("contactText")).isFalse();
        assertThat(changed.body().path("title")).isEqualTo(created.body().path("title"));

        Reply deleted = api().delete(EDITOR, "/api/media/assets/" + id, "If-Match", changed.etag());
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(204);
        Reply gone = api().get(EDITOR, "/api/media/assets/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("asset.not-found");

        List<EventEnvelope<?>> events = KafkaProbe.await(
                Topics.MEDIA, id, e -> e.payload() instanceof MediaAssetDeleted, Duration.ofSeconds(20));
        assertThat(events).extracting(EventEnvelope::aggregateVersion).containsExactly(1L, 2L, 3L);
        MediaAssetChanged first = (MediaAssetChanged) events.get(0).payload();
        assertThat(first.titles()).containsEntry("ja", FUKUOKA_JA).containsEntry("en", FUKUOKA_EN);
        assertThat(first.availability()).isEqualTo("on_request");
        assertThat(events.get(0).actor()).isEqualTo("eri");
        assertThat(((MediaAssetChanged) events.get(1).payload()).availability()).isEqualTo("pending");
    }

    @Test
    void writesWithoutIfMatchAreRefusedAndStaleOnesConflict() {
        Reply created = api().post(EDITOR, "/api/media/assets", titled("image", "Minamata bay"));
        String path = "/api/media/assets/" + created.body().path("assetId").asString();
        Map<String, Object> change = Map.of("alt", Map.of("en", text("The bay at dusk")));

        Reply unversioned = api().patch(EDITOR, path, change);
        assertThat(unversioned.status()).isEqualTo(428);
        assertThat(unversioned.code()).isEqualTo("version.required");
        assertThat(unversioned.body().path("resource").asString()).isEqualTo("asset");

        assertThat(api().patch(EDITOR, path, change, "If-Match", "\"1\"").status())
                .isEqualTo(200);
        Reply stale = api().patch(EDITOR, path, change, "If-Match", "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("version.conflict");
        assertThat(stale.body().path("currentVersion").asLong()).isEqualTo(2);
        assertThat(stale.body().path("id").asString())
                .isEqualTo(created.body().path("assetId").asString());

        assertThat(api().delete(EDITOR, path).code()).isEqualTo("version.required");
        assertThat(api().delete(EDITOR, path, "If-Match", "\"1\"").code()).isEqualTo("version.conflict");
        Reply unreadable = api().delete(EDITOR, path, "If-Match", "yesterday");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.code()).isEqualTo("request.invalid");
        assertThat(unreadable.body().path("errors").get(0).path("field").asString())
                .isEqualTo("If-Match");
    }

    @Test
    void patchingOneLocaleLeavesTheOtherLocaleAndTheOtherFieldsAlone() {
        Reply created = api().post(EDITOR, "/api/media/assets", fukuokaPresentation());
        String path = "/api/media/assets/" + created.body().path("assetId").asString();

        Reply changed = api().patch(
                        EDITOR,
                        path,
                        Map.of("title", Map.of("en", Map.of("text", "Fukuoka's cooperation", "origin", "ja"))),
                        "If-Match",
                        created.etag());

        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        JsonNode title = changed.body().path("title");
        assertThat(title.path("en").path("text").asString()).isEqualTo("Fukuoka's cooperation");
        assertThat(title.path("ja")).isEqualTo(created.body().path("title").path("ja"));
        assertThat(changed.body().path("caption")).isEqualTo(created.body().path("caption"));
        assertThat(changed.body().path("availability")).isEqualTo(created.body().path("availability"));
        assertThat(changed.body().path("kind").asString()).isEqualTo("presentation");

        Reply removed = api().send(EDITOR, "PATCH", path, "{\"title\": {\"en\": null}}", "If-Match", changed.etag());
        assertThat(removed.status()).as(removed.raw()).isEqualTo(200);
        assertThat(removed.body().path("title").has("en")).isFalse();
        assertThat(removed.body().path("title").path("ja").path("text").asString())
                .isEqualTo(FUKUOKA_JA);

        Reply lastTitle = api().send(EDITOR, "PATCH", path, "{\"title\": {\"ja\": null}}", "If-Match", removed.etag());
        assertThat(lastTitle.status()).isEqualTo(400);
        assertThat(lastTitle.code()).isEqualTo("request.invalid");
        assertThat(lastTitle.body().path("errors").get(0).path("field").asString())
                .isEqualTo("title");
    }

    @Test
    void theListIsWalkedToItsEndByCursorServingEveryAssetOnce() {
        String kind = "audio";
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            Reply created = api().post(EDITOR, "/api/media/assets", titled(kind, "Recording " + marker + " " + i));
            made.add(created.body().path("assetId").asString());
        }
        api().post(EDITOR, "/api/media/assets", titled("video", "Not in the audio list"));

        Set<String> seen = new HashSet<>();
        List<String> order = new java.util.ArrayList<>();
        String query = "/api/media/assets?kind=" + kind + "&limit=3";
        Reply page = api().get(TRANSLATOR, query);
        int pages = 0;
        while (true) {
            assertThat(page.status()).as(page.raw()).isEqualTo(200);
            pages++;
            assertThat(page.body().path("total").asLong()).isEqualTo(seenTotal(made));
            for (JsonNode item : page.body().path("items")) {
                assertThat(item.path("kind").asString()).isEqualTo(kind);
                assertThat(seen.add(item.path("assetId").asString()))
                        .as("served once")
                        .isTrue();
                order.add(item.path("assetId").asString());
            }
            JsonNode next = page.body().path("next");
            if (next.isNull() || next.isMissingNode()) {
                assertThat(page.header("Link")).isNull();
                break;
            }
            assertThat(page.header("Link"))
                    .contains("cursor=" + next.asString())
                    .contains("kind=" + kind);
            page = api().get(TRANSLATOR, query + "&cursor=" + next.asString());
        }
        assertThat(seen).isEqualTo(made);
        assertThat(order).isSorted();
        assertThat(pages).isEqualTo(3);

        Reply available = api().get(TRANSLATOR, "/api/media/assets?availability=available&limit=100");
        assertThat(available.body().path("items").size()).isPositive();
        available
                .body()
                .path("items")
                .forEach(item -> assertThat(
                                item.path("availability").path("state").asString())
                        .isEqualTo("available"));
    }

    private static long seenTotal(Set<String> made) {
        return made.size();
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstCreateInsteadOfCreatingTwice() {
        String key = "create-" + UUID.randomUUID();
        Map<String, Object> body = titled("other", "Programme " + key);

        Reply first = api().post(EDITOR, "/api/media/assets", body, "Idempotency-Key", key);
        Reply again = api().post(EDITOR, "/api/media/assets", body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.etag()).isEqualTo(first.etag());
        assertThat(again.body()).isEqualTo(first.body());

        Reply different = api().post(EDITOR, "/api/media/assets", titled("other", "Another"), "Idempotency-Key", key);
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.code()).isEqualTo("idempotency.key-reused");
    }
}
