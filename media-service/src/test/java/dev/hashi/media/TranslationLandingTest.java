package dev.hashi.media;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.translation.TranslationApproved;
import dev.hashi.locale.Texts;
import dev.hashi.testsupport.KafkaProbe;
import dev.hashi.testsupport.Reply;

import tools.jackson.databind.JsonNode;

import static dev.hashi.media.ConferenceAssets.CAPTION_JA;
import static dev.hashi.media.ConferenceAssets.EDITOR;
import static dev.hashi.media.ConferenceAssets.FUKUOKA_JA;
import static dev.hashi.media.ConferenceAssets.fukuokaPresentation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Approved translations of an asset's metadata land in media-service as translation-service approves them. */
class TranslationLandingTest extends MediaServiceTest {

    static final String CAPTION_EN = "Material written in half-width katakana (28 October 2003)";

    @Test
    void anApprovedEnglishCaptionLandsWithItsJapaneseOriginAndANewVersion() {
        Reply created = api().post(EDITOR, "/api/media/assets", fukuokaPresentation());
        String id = created.body().path("assetId").asString();

        approve(id, "caption", CAPTION_JA, CAPTION_EN, 1);

        JsonNode landed = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> api().get(EDITOR, "/api/media/assets/" + id).body(),
                        asset -> asset.path("caption").has("en"));
        assertThat(landed.path("caption").path("en").path("text").asString()).isEqualTo(CAPTION_EN);
        assertThat(landed.path("caption").path("en").path("origin").asString()).isEqualTo("ja");
        assertThat(landed.path("caption").path("ja").path("text").asString()).isEqualTo(CAPTION_JA);
        assertThat(landed.path("version").asLong())
                .isEqualTo(created.body().path("version").asLong() + 1);
    }

    @Test
    void aTranslationOfASourceThatChangedSinceOrOverAnOriginalDoesNotLand() throws Exception {
        Map<String, Object> body = new java.util.LinkedHashMap<>(fukuokaPresentation());
        body.put(
                "title",
                Map.of(
                        "ja", Map.of("text", FUKUOKA_JA),
                        "en", Map.of("text", "Fukuoka's own English title")));
        Reply created = api().post(EDITOR, "/api/media/assets", body);
        String id = created.body().path("assetId").asString();

        approve(id, "caption", CAPTION_JA + "（旧）", "An outdated caption", 1);
        approve(id, "title", FUKUOKA_JA, "A translation over the original", 2);
        approve(id, "caption", CAPTION_JA, CAPTION_EN, 3);

        JsonNode asset = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> api().get(EDITOR, "/api/media/assets/" + id).body(),
                        a -> a.path("caption").has("en"));
        assertThat(asset.path("caption").path("en").path("text").asString())
                .as("only the translation of the current source landed")
                .isEqualTo(CAPTION_EN);
        assertThat(asset.path("title").path("en").path("text").asString()).isEqualTo("Fukuoka's own English title");
        assertThat(asset.path("version").asLong())
                .isEqualTo(created.body().path("version").asLong() + 1);
    }

    private static void approve(String asset, String field, String source, String text, long version) {
        String unit = asset + "|" + field + "|en";
        KafkaProbe.send(EventEnvelope.of(
                new TranslationApproved(
                        unit, asset, field, "ja", "en", Texts.sourceHash(source), text, "translator-1", "reviewer-1"),
                unit,
                version,
                null,
                "reviewer-1",
                Instant.now()));
    }
}
