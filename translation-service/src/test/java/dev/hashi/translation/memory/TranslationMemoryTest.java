package dev.hashi.translation.memory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.hashi.testsupport.Lists;
import dev.hashi.translation.support.ConferencePages;
import dev.hashi.translation.support.ServiceTest;
import dev.hashi.translation.unit.UnitIds;
import dev.hashi.translation.unit.UnitState;
import dev.hashi.translation.unit.Units;

import tools.jackson.databind.JsonNode;

import static dev.hashi.translation.support.ContentEvents.source;
import static dev.hashi.translation.support.ContentEvents.translation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TranslationMemoryTest extends ServiceTest {

    @Autowired
    Units units;

    @Test
    void approvedTranslationsAreSuggestedExactFirstThenFuzzyWithTheirScore() {
        String fukuoka = ConferencePages.JAPANESE_ONLY.get("p-fukuoka");
        String english = "Fukuoka City's efforts in international environmental cooperation";
        String done = ConferencePages.newEntryId();
        content().changed(done, 1, "editor-1", Map.of(), source("t", "ja", fukuoka));
        content().changed(done, 2, "editor-1", Map.of(), translation("t", "en", "ja", english, fukuoka, null));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> units.find(UnitIds.of(done, "t", "en"))
                        .filter(unit -> unit.state() == UnitState.APPROVED)
                        .isPresent());

        String fresh = ConferencePages.newEntryId();
        content()
                .changed(
                        fresh,
                        1,
                        "editor-1",
                        Map.of(),
                        source("same", "ja", fukuoka),
                        source("similar", "ja", "北九州市における環境国際協力の取組み"),
                        source("halfwidth", "ja", "福岡市における環境国際協力の取組ﾐ"),
                        source("different", "ja", "北九州国際会議場の会議室予約案内"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> units.find(UnitIds.of(fresh, "different", "en")).isPresent());

        JsonNode exact = suggestions(fresh, "same");
        assertThat(exact.get(0).path("exact").asBoolean()).isTrue();
        assertThat(exact.get(0).path("score").asInt()).isEqualTo(100);
        List<String> exactTexts = new ArrayList<>();
        exact.forEach(s -> {
            if (s.path("exact").asBoolean()) {
                exactTexts.add(s.path("targetText").asString());
            }
        });
        assertThat(exactTexts)
                .as("other tests may have approved the same source too")
                .contains(english);
        JsonNode fuzzy = suggestions(fresh, "similar");
        assertThat(fuzzy.get(0).path("exact").asBoolean()).isFalse();
        assertThat(fuzzy.get(0).path("score").asInt()).isBetween(75, 99);
        assertThat(suggestions(fresh, "halfwidth").get(0).path("score").asInt())
                .as("half-width ﾐ folds to katakana ミ, one character off hiragana み")
                .isEqualTo(94);
        assertThat(suggestions(fresh, "different")).isEmpty();
    }

    @Test
    void suggestionsWalkedToTheirEndByCursorAreEachServedOnce() {
        String source = "北九州市と市民による環境国際協力の歩み";
        List<String> approved = List.of(
                "Kitakyushu City and its citizens in international environmental cooperation",
                "International environmental cooperation by Kitakyushu City and its citizens",
                "The path of Kitakyushu's international environmental cooperation with citizens");
        for (String english : approved) {
            String done = ConferencePages.newEntryId();
            content().changed(done, 1, "editor-1", Map.of(), source("t", "ja", source));
            content().changed(done, 2, "editor-1", Map.of(), translation("t", "en", "ja", english, source, null));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> units.find(UnitIds.of(done, "t", "en"))
                            .filter(unit -> unit.state() == UnitState.APPROVED)
                            .isPresent());
        }
        String fresh = ConferencePages.newEntryId();
        content().changed(fresh, 1, "editor-1", Map.of(), source("same", "ja", source));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> units.find(UnitIds.of(fresh, "same", "en")).isPresent());

        String path = "/api/translations/units/" + UnitIds.of(fresh, "same", "en") + "/suggestions?limit=1";
        List<String> walked = Lists.all(client(), translator("tr-abe", "ja:en"), path, "targetText");
        assertThat(walked)
                .doesNotHaveDuplicates()
                .containsAll(approved)
                .hasSize(client().get(translator("tr-abe", "ja:en"), path)
                        .body()
                        .path("total")
                        .asInt());
    }

    private JsonNode suggestions(String entry, String path) {
        JsonNode page = client().get(
                        translator("tr-abe", "ja:en"),
                        "/api/translations/units/" + UnitIds.of(entry, path, "en") + "/suggestions")
                .body();
        assertThat(page.path("total").asInt()).isEqualTo(page.path("items").size());
        return page.path("items");
    }
}
