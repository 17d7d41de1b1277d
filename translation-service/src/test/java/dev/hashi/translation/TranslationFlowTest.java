package dev.hashi.translation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.Topics;
import dev.hashi.events.translation.TranslationApproved;
import dev.hashi.events.translation.TranslationUnitStateChanged;
import dev.hashi.identity.Identity;
import dev.hashi.testsupport.KafkaProbe;
import dev.hashi.testsupport.Reply;
import dev.hashi.translation.support.ConferencePages;
import dev.hashi.translation.support.ServiceTest;

import tools.jackson.databind.JsonNode;

import static dev.hashi.translation.support.ContentEvents.source;
import static dev.hashi.translation.support.ContentEvents.translation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The end-to-end story, with content-service played by events on the real content topic. */
class TranslationFlowTest extends ServiceTest {

    private final Identity translator = translator("tr-sato", "ja:en");
    private final Identity reviewer = reviewer("rv-tanaka");

    @Test
    void japaneseOnlyPresentationIsTranslatedReviewedLandedAndThenOutdatedByANewSource() {
        String entry = ConferencePages.newEntryId();
        ConferencePages.publish(content(), entry);

        JsonNode queue = awaitQueue(
                "/api/translations/queue?source=ja&target=en&state=untranslated,outdated&entry=" + entry + "&sort=page",
                ConferencePages.JAPANESE_ONLY.size());
        List<String> sources = new ArrayList<>();
        queue.path("items")
                .forEach(item -> sources.add(item.path("source").path("text").asString()));
        assertThat(sources).containsExactlyInAnyOrderElementsOf(ConferencePages.JAPANESE_ONLY.values());
        JsonNode minamata = find(queue, ConferencePages.titlePath("p-minamata"));
        assertThat(minamata.path("source").path("size").asInt()).isEqualTo(23);
        assertThat(minamata.path("source").path("sizeUnit").asString()).isEqualTo("characters");
        assertThat(minamata.path("sourceLocale").asString()).isEqualTo("ja");
        assertThat(minamata.path("titles").path("en").asString()).isEqualTo(ConferencePages.PAGE_TITLE);
        assertThat(minamata.path("target").isNull()).isTrue();

        String unitId = minamata.path("unitId").asString();
        String loadedHash = minamata.path("source").path("hash").asString();
        assertThat(client().post(translator, "/api/translations/units/" + unitId + "/take", "")
                        .status())
                .isEqualTo(200);
        String english = "Toward an Environmental Model City Built with Residents (Minamata City)";
        Reply submitted = client().post(
                        translator,
                        "/api/translations/units/" + unitId + "/submit",
                        Map.of("text", english, "sourceHash", loadedHash));
        assertThat(submitted.body().path("state").asString()).isEqualTo("translated");
        Reply approved = client().post(reviewer, "/api/translations/units/" + unitId + "/approve", "{}");
        assertThat(approved.body().path("state").asString()).isEqualTo("approved");

        List<EventEnvelope<?>> events = KafkaProbe.await(
                Topics.TRANSLATION,
                unitId,
                event -> event.payload() instanceof TranslationApproved,
                Duration.ofSeconds(10));
        events = events.subList(
                0,
                events.indexOf(events.stream()
                                .filter(event -> event.payload() instanceof TranslationApproved)
                                .findFirst()
                                .orElseThrow())
                        + 1);
        TranslationApproved published =
                (TranslationApproved) events.get(events.size() - 1).payload();
        assertThat(published.text()).isEqualTo(english);
        assertThat(published.sourceHash()).isEqualTo(loadedHash);
        assertThat(published.translator()).isEqualTo("tr-sato");
        assertThat(published.reviewer()).isEqualTo("rv-tanaka");
        assertThat(events)
                .extracting(EventEnvelope::payload)
                .filteredOn(TranslationUnitStateChanged.class::isInstance)
                .extracting(p -> ((TranslationUnitStateChanged) p).to())
                .containsSubsequence("untranslated", "in_progress", "translated", "approved");

        String path = ConferencePages.titlePath("p-minamata");
        String minamataJa = ConferencePages.JAPANESE_ONLY.get("p-minamata");
        content()
                .changed(
                        entry,
                        2,
                        "content-service",
                        Map.of(),
                        translation(path, "en", "ja", english, minamataJa, unitId));
        JsonNode landed = awaitUnit(
                unitId,
                unit -> unit.path("target").path("landedFrom").asString().equals(unitId));
        assertThat(landed.path("state").asString()).isEqualTo("approved");

        String edited = "住民協働による環境モデル都市づくり～水俣市～";
        content().changed(entry, 3, "editor-2", Map.of(), source(path, "ja", edited));
        JsonNode outdated =
                awaitUnit(unitId, unit -> unit.path("state").asString().equals("outdated"));
        assertThat(outdated.path("outdated").path("oldSourceText").asString()).isEqualTo(minamataJa);
        assertThat(outdated.path("outdated").path("newSourceText").asString()).isEqualTo(edited);

        List<String> actions = new ArrayList<>();
        client().get(reviewer, "/api/translations/units/" + unitId + "/history")
                .body()
                .path("items")
                .forEach(line -> actions.add(line.path("action").asString()));
        assertThat(actions)
                .containsExactly("created", "taken", "submitted", "approved", "translation-landed", "source-changed");
    }

    @Test
    void englishOnlyPresentationsAppearInTheJapaneseQueueWithWordCounts() {
        String entry = ConferencePages.newEntryId();
        ConferencePages.publish(content(), entry);

        JsonNode queue = awaitQueue(
                "/api/translations/queue?source=en&target=ja&state=untranslated&entryId=" + entry,
                ConferencePages.ENGLISH_ONLY.size() + 1);
        JsonNode dalian = find(queue, ConferencePages.titlePath("p-dalian"));
        assertThat(dalian.path("source").path("size").asInt()).isEqualTo(7);
        assertThat(dalian.path("source").path("sizeUnit").asString()).isEqualTo("words");
    }

    private JsonNode awaitQueue(String query, int expected) {
        return await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> client().get(translator, query).body(),
                        page -> page.path("items").size() == expected);
    }

    private JsonNode awaitUnit(String unitId, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> client().get(reviewer, "/api/translations/units/" + unitId)
                                .body(),
                        condition::test);
    }

    private static JsonNode find(JsonNode page, String path) {
        for (JsonNode item : page.path("items")) {
            if (item.path("path").asString().equals(path)) {
                return item;
            }
        }
        throw new AssertionError("no unit for " + path + " in " + page);
    }
}
