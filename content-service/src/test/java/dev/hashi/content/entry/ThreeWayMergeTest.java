package dev.hashi.content.entry;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static dev.hashi.content.entry.Contents.content;
import static dev.hashi.content.entry.Contents.plain;
import static dev.hashi.content.entry.Contents.source;
import static dev.hashi.content.entry.Contents.translation;
import static org.assertj.core.api.Assertions.assertThat;

class ThreeWayMergeTest {

    static final String MINAMATA = "sessions[s-3].presentations[p-1].title";
    static final String DALIAN = "sessions[s-3].presentations[p-5].title";
    static final String PRESENTATIONS = "sessions[s-3].presentations";

    static ItemList presentations(String... ids) {
        return new ItemList(PRESENTATIONS, List.of(ids));
    }

    static EntryContent page(ItemList list, FieldValue... values) {
        return content(List.of(list), values);
    }

    @Test
    void changesOfDifferentFieldsAndLocalesAreBothKept() {
        EntryContent base =
                page(presentations("p-1", "p-5"), source(MINAMATA, "ja", "水俣市"), source(DALIAN, "en", "Dalian"));
        EntryContent mine =
                page(presentations("p-1", "p-5"), source(MINAMATA, "ja", "水俣市（改訂）"), source(DALIAN, "en", "Dalian"));
        EntryContent theirs = page(
                presentations("p-1", "p-5"),
                source(MINAMATA, "ja", "水俣市"),
                translation(MINAMATA, "en", "Minamata City", "ja", "水俣市"),
                source(DALIAN, "en", "Dalian"));

        ThreeWayMerge.Result result = ThreeWayMerge.merge(base, mine, theirs, Set.of());

        assertThat(result.merged()).isTrue();
        assertThat(result.content().value(MINAMATA, "ja").orElseThrow().value()).isEqualTo("水俣市（改訂）");
        assertThat(result.content().value(MINAMATA, "en").orElseThrow().value()).isEqualTo("Minamata City");
        assertThat(result.content().value(DALIAN, "en").orElseThrow().value()).isEqualTo("Dalian");
        assertThat(result.content().items(PRESENTATIONS)).containsExactly("p-1", "p-5");
    }

    @Test
    void theSameFieldAndLocaleChangedToDifferentValuesIsAConflict() {
        EntryContent base = content(source("venue", "en", "Kitakyushu"), plain("date", "2003-10-28"));
        EntryContent mine = content(source("venue", "en", "Kitakyushu, Japan"), plain("date", "2003-10-29"));
        EntryContent theirs = content(source("venue", "en", "KICC"), plain("date", "2003-10-28"));

        ThreeWayMerge.Result result = ThreeWayMerge.merge(base, mine, theirs, Set.of());

        assertThat(result.merged()).isFalse();
        assertThat(result.conflicts()).containsExactly(new ThreeWayMerge.Conflict("venue", "en"));
    }

    @Test
    void theSameChangeOnBothSidesIsNoConflict() {
        EntryContent base = content(source("venue", "ja", "北九州"));
        EntryContent both = content(source("venue", "ja", "北九州国際会議場"));

        assertThat(ThreeWayMerge.merge(base, both, both, Set.of()).merged()).isTrue();
    }

    @Test
    void aValueWrittenInsideAnItemRemovedSinceIsAConflict() {
        EntryContent base = page(presentations("p-1", "p-5"), source(DALIAN, "en", "Dalian"));
        EntryContent mine =
                page(presentations("p-1", "p-5"), source(DALIAN, "en", "Dalian"), source(DALIAN, "ja", "大連市"));
        EntryContent theirs = page(presentations("p-1"));

        assertThat(ThreeWayMerge.merge(base, mine, theirs, Set.of()).conflicts())
                .containsExactly(new ThreeWayMerge.Conflict(DALIAN, "ja"));
    }

    @Test
    void removingAnItemChangedSinceIsAConflict() {
        EntryContent base = page(presentations("p-1", "p-5"), source(DALIAN, "en", "Dalian"));
        EntryContent mine = page(presentations("p-1"));
        EntryContent theirs = page(
                presentations("p-1", "p-5"),
                source(DALIAN, "en", "Dalian"),
                translation(DALIAN, "ja", "大連市", "en", "Dalian"));

        assertThat(ThreeWayMerge.merge(base, mine, theirs, Set.of()).conflicts())
                .contains(new ThreeWayMerge.Conflict(DALIAN, "ja"));
    }

    @Test
    void bothSidesReorderingOneListDifferentlyIsAConflictButOneSideIsKept() {
        EntryContent base = page(presentations("p-1", "p-2", "p-5"));
        EntryContent mine = page(presentations("p-5", "p-1", "p-2"));
        EntryContent theirs = page(presentations("p-2", "p-1", "p-5"));
        EntryContent untouched = page(presentations("p-1", "p-2", "p-5"), source("venue", "en", "KICC"));

        assertThat(ThreeWayMerge.merge(base, mine, theirs, Set.of()).conflicts())
                .containsExactly(new ThreeWayMerge.Conflict(PRESENTATIONS, null));
        assertThat(ThreeWayMerge.merge(base, mine, untouched, Set.of())
                        .content()
                        .items(PRESENTATIONS))
                .containsExactly("p-5", "p-1", "p-2");
    }

    @Test
    void aTestedValueChangedSinceIsAConflict() {
        EntryContent base = content(source("venue", "en", "Kitakyushu"), source("title", "en", "WPC"));
        EntryContent mine = content(source("venue", "en", "Kitakyushu"), source("title", "en", "WPC 2003"));
        EntryContent theirs = content(source("venue", "en", "KICC"), source("title", "en", "WPC"));

        assertThat(ThreeWayMerge.merge(base, mine, theirs, Set.of("venue|en")).conflicts())
                .containsExactly(new ThreeWayMerge.Conflict("venue", "en"));
        assertThat(ThreeWayMerge.merge(base, mine, theirs, Set.of()).merged()).isTrue();
    }

    @Test
    void bothSidesWritingTheFirstValueOfAFieldInDifferentLocalesIsAConflict() {
        EntryContent base = content(source("venue", "en", "KICC"));
        EntryContent mine = content(source("venue", "en", "KICC"), source("programmeIntro", "ja", "３つの分科会"));
        EntryContent theirs = content(source("venue", "en", "KICC"), source("programmeIntro", "en", "Three sessions"));

        assertThat(ThreeWayMerge.merge(base, mine, theirs, Set.of()).conflicts())
                .containsExactly(new ThreeWayMerge.Conflict("programmeIntro", "ja"));
    }
}
