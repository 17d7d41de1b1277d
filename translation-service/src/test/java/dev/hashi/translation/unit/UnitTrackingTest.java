package dev.hashi.translation.unit;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.hashi.events.EventEnvelope;
import dev.hashi.events.content.ContentEntryChanged;
import dev.hashi.translation.support.ConferencePages;
import dev.hashi.translation.support.ServiceTest;

import static dev.hashi.translation.support.ContentEvents.minorSource;
import static dev.hashi.translation.support.ContentEvents.source;
import static dev.hashi.translation.support.ContentEvents.translation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UnitTrackingTest extends ServiceTest {

    private static final String PATH = ConferencePages.titlePath("p-minamata");
    private static final String MINAMATA = ConferencePages.JAPANESE_ONLY.get("p-minamata");
    private static final String ENGLISH = "Toward an environmental model city built with residents: Minamata City";

    @Autowired
    Units units;

    @Test
    void japaneseSourceValueGetsAnUntranslatedUnitForEveryOtherConfiguredLocale() {
        String entry = ConferencePages.newEntryId();
        content().changed(entry, 1, "editor-1", ConferencePages.titles(), source(PATH, "ja", MINAMATA));

        Unit english = awaitUnit(entry, "en", unit -> true);
        Unit korean = awaitUnit(entry, "ko", unit -> true);
        assertThat(english.state()).isEqualTo(UnitState.UNTRANSLATED);
        assertThat(english.source().locale()).isEqualTo("ja");
        assertThat(english.source().sizeUnit()).isEqualTo("characters");
        assertThat(english.source().size()).isEqualTo(23);
        assertThat(korean.state()).isEqualTo(UnitState.UNTRANSLATED);
        assertThat(units.find(UnitIds.of(entry, PATH, "ja"))).isEmpty();
    }

    @Test
    void translationLandingWithTheSameSourceHashApprovesAndANewSourceMakesItOutdatedWithOldAndNewText() {
        String entry = ConferencePages.newEntryId();
        String unitId = UnitIds.of(entry, PATH, "en");
        content().changed(entry, 1, "editor-1", ConferencePages.titles(), source(PATH, "ja", MINAMATA));
        content().changed(entry, 2, "editor-1", Map.of(), translation(PATH, "en", "ja", ENGLISH, MINAMATA, unitId));
        awaitUnit(entry, "en", unit -> unit.state() == UnitState.APPROVED);

        String edited = "住民協働の環境モデル都市づくりを目指して～水俣市の挑戦～";
        content().changed(entry, 3, "editor-2", Map.of(), source(PATH, "ja", edited));

        Unit outdated = awaitUnit(entry, "en", unit -> unit.state() == UnitState.OUTDATED);
        assertThat(outdated.outdated().oldText()).isEqualTo(MINAMATA);
        assertThat(outdated.outdated().newText()).isEqualTo(edited);
        assertThat(outdated.target().text()).isEqualTo(ENGLISH);
    }

    @Test
    void whitespaceOnlyAndMinorSourceEditsKeepTheTranslationCurrentAndTheMinorEditIsAudited() {
        String entry = ConferencePages.newEntryId();
        content().changed(entry, 1, "editor-1", Map.of(), source(PATH, "ja", MINAMATA));
        content().changed(entry, 2, "editor-1", Map.of(), translation(PATH, "en", "ja", ENGLISH, MINAMATA, null));
        awaitUnit(entry, "en", unit -> unit.state() == UnitState.APPROVED);

        content().changed(entry, 3, "editor-1", Map.of(), source(PATH, "ja", "  " + MINAMATA + "\u3000"));
        String typoFixed = MINAMATA.replace("目指して", "めざして");
        content().changed(entry, 4, "editor-2", Map.of(), minorSource(PATH, "ja", typoFixed));

        Unit unit = awaitUnit(entry, "en", u -> u.source().text().equals(typoFixed));
        assertThat(unit.state()).isEqualTo(UnitState.APPROVED);
        assertThat(unit.outdated()).isNull();
        assertThat(units.history(unit.id(), dev.hashi.service.paging.PageRequest.first(100))
                        .items())
                .extracting(HistoryEntry::action, HistoryEntry::actor)
                .contains(org.assertj.core.groups.Tuple.tuple("source-minor-edit", "editor-2"));
    }

    @Test
    void manualTranslationByAnEditorApprovesTheUnitWithTheEditorAsAuthor() {
        String entry = ConferencePages.newEntryId();
        content().changed(entry, 1, "editor-1", Map.of(), source(PATH, "ja", MINAMATA));
        content().changed(entry, 2, "editor-7", Map.of(), translation(PATH, "en", "ja", ENGLISH, MINAMATA, null));

        Unit unit = awaitUnit(entry, "en", u -> u.state() == UnitState.APPROVED);
        assertThat(unit.target().author()).isEqualTo("editor-7");
        assertThat(unit.target().unitId()).isNull();
        // history lines are written after the unit itself (their own collection), so they may arrive a moment later
        await().untilAsserted(() -> assertThat(units.history(unit.id(), dev.hashi.service.paging.PageRequest.first(100))
                        .items())
                .extracting(HistoryEntry::action)
                .contains("manual-translation"));
    }

    @Test
    void duplicatesAndOlderEventsNeverMoveAUnitBackwards() {
        String entry = ConferencePages.newEntryId();
        String edited = MINAMATA + "（改訂）";
        EventEnvelope<ContentEntryChanged> first =
                content().changed(entry, 1, "editor-1", Map.of(), source(PATH, "ja", MINAMATA));
        content().changed(entry, 2, "editor-1", Map.of(), translation(PATH, "en", "ja", ENGLISH, MINAMATA, null));
        EventEnvelope<ContentEntryChanged> third =
                content().changed(entry, 3, "editor-1", Map.of(), source(PATH, "ja", edited));
        awaitUnit(entry, "en", unit -> unit.state() == UnitState.OUTDATED);
        long rev = units.find(UnitIds.of(entry, PATH, "en")).orElseThrow().rev();

        content().send(third);
        content().send(first);
        content().changed(entry, 2, "editor-1", Map.of(), translation(PATH, "en", "ja", "stale copy", MINAMATA, null));
        String marker = ConferencePages.titlePath("p-marker");
        content().changed(entry, 4, "editor-1", Map.of(), source(marker, "en", "marker"));
        awaitUnit(entry, marker, "ja", unit -> true);

        Unit unit = units.find(UnitIds.of(entry, PATH, "en")).orElseThrow();
        assertThat(unit.state()).isEqualTo(UnitState.OUTDATED);
        assertThat(unit.source().text()).isEqualTo(edited);
        assertThat(unit.target().text()).isEqualTo(ENGLISH);
        assertThat(unit.rev()).isEqualTo(rev);
    }

    @Test
    void deletedEntryTakesItsUnitsOutOfTracking() {
        String entry = ConferencePages.newEntryId();
        content().changed(entry, 1, "editor-1", Map.of(), source(PATH, "ja", MINAMATA));
        awaitUnit(entry, "en", unit -> true);
        content().deleted(entry, 2);
        awaitUnit(entry, "en", Unit::removed);
        assertThat(awaitUnit(entry, "ko", Unit::removed).removed()).isTrue();
    }

    Unit awaitUnit(String entry, String target, java.util.function.Predicate<Unit> condition) {
        return awaitUnit(entry, PATH, target, condition);
    }

    Unit awaitUnit(String entry, String path, String target, java.util.function.Predicate<Unit> condition) {
        String id = UnitIds.of(entry, path, target);
        return await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> units.find(id), found -> found.isPresent() && condition.test(found.get()))
                .orElseThrow();
    }
}
