package dev.hashi.content;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.media.MediaAssetChanged;
import dev.hashi.locale.Texts;
import dev.hashi.testsupport.KafkaProbe;
import dev.hashi.testsupport.Lists;
import dev.hashi.testsupport.Reply;
import dev.hashi.testsupport.ServiceClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MediaAndSnapshotTest extends ContentServiceTest {

    static EventEnvelope<MediaAssetChanged> asset(String id, long version, String availability, Long size) {
        return EventEnvelope.of(
                new MediaAssetChanged(
                        id,
                        "presentation",
                        Map.of("en", "Fukuoka presentation"),
                        size,
                        "application/vnd.ms-powerpoint",
                        availability,
                        List.of("ja"),
                        Map.of(),
                        null,
                        null,
                        List.of(),
                        List.of()),
                id,
                version,
                null,
                "media",
                Instant.now());
    }

    @Test
    void mediaSummaryFromMediaEventsIsDeliveredWithTheEntryAndNewerVersionsWin() {
        seedTypes();
        ServiceClient api = api();
        String assetId = "a-" + System.nanoTime();
        Reply created = api.post(
                Users.EDITOR,
                "/api/content/entries",
                Pages.create(
                        "event-page",
                        "en",
                        Map.of(
                                "title",
                                "Media page " + assetId,
                                "summary",
                                "On request.",
                                "date",
                                "2003-10-28",
                                "declaration",
                                assetId)));
        String id = created.body().path("entryId").asString();
        Reply refused = api.post(
                Users.EDITOR, "/api/content/entries/" + id + "/locales/en/publish", null, "If-Match", created.etag());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("publish.invalid");
        assertThat(refused.body().path("errors").get(0).path("code").asString()).isEqualTo("publish.asset-missing");
        assertThat(refused.body().path("errors").get(0).path("field").asString())
                .isEqualTo("declaration");

        KafkaProbe.send(asset(assetId, 2, "on_request", null));
        KafkaProbe.send(asset(assetId, 1, "pending", null));
        String slug = created.body().path("slugs").path("en").asString();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.post(
                                        Users.EDITOR,
                                        "/api/content/entries/" + id + "/locales/en/publish",
                                        null,
                                        "If-Match",
                                        created.etag())
                                .status()
                        == 200);

        JsonNode media = api.get(Users.ANONYMOUS, "/api/delivery/entries/event-page/" + slug + "?locale=en")
                .body()
                .path("media")
                .path(assetId);
        assertThat(media.path("availability").asString()).isEqualTo("on_request");
        assertThat(media.path("variantLocales").get(0).asString()).isEqualTo("ja");
    }

    @Test
    void snapshotPagesThroughEveryEntryWithOriginLocaleAndSourceHash() {
        seedTypes();
        ServiceClient api = api();
        Reply created = api.post(
                Users.EDITOR, "/api/content/entries", Pages.create("organisation", "ja", Map.of("name", "北九州市環境局")));
        String id = created.body().path("entryId").asString();
        api.patch(
                Users.EDITOR,
                "/api/content/entries/" + id,
                Pages.patch("en", Map.of("name", "Kitakyushu City")),
                "If-Match",
                created.etag());

        JsonNode found = null;
        for (JsonNode entry : Lists.all(api, Users.TRANSLATOR, "/api/content/snapshot?limit=2")) {
            if (entry.path("entryId").asString().equals(id)) {
                found = entry;
            }
        }

        assertThat(found).isNotNull();
        assertThat(found.path("version").asLong()).isEqualTo(2);
        JsonNode english = found.path("values").get(1);
        assertThat(english.path("locale").asString()).isEqualTo("en");
        assertThat(english.path("originLocale").asString()).isEqualTo("ja");
        assertThat(english.path("write").asString()).isEqualTo("translation");
        assertThat(english.path("sourceHash").asString()).isEqualTo(Texts.sourceHash("北九州市環境局"));
    }
}
