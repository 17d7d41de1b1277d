package dev.hashi.content.entry;

import java.util.List;

import org.junit.jupiter.api.Test;

import static dev.hashi.content.entry.Contents.content;
import static dev.hashi.content.entry.Contents.plain;
import static dev.hashi.content.entry.Contents.source;
import static dev.hashi.content.entry.Contents.translation;
import static org.assertj.core.api.Assertions.assertThat;

class ChangesTest {

    static final String KITAKYUSHU = "北九州市環境局";
    static final String KITAKYUSHU_EN = "Kitakyushu City Environment Bureau";

    @Test
    void identicalContentsHaveNoChanges() {
        EntryContent before = content(source("name", "ja", KITAKYUSHU), plain("date", "2003-10-28"));
        EntryContent after = content(source("name", "ja", KITAKYUSHU), plain("date", "2003-10-28"));

        assertThat(Changes.between(before, after)).isEmpty();
    }

    @Test
    void changedJapaneseValueIsOneChangeInJapaneseAndEnglishStaysUntouched() {
        EntryContent before =
                content(source("name", "ja", "北九州市"), translation("name", "en", KITAKYUSHU_EN, "ja", "北九州市"));
        EntryContent after =
                content(source("name", "ja", KITAKYUSHU), translation("name", "en", KITAKYUSHU_EN, "ja", "北九州市"));

        assertThat(Changes.between(before, after))
                .containsExactly(new Revision.Change("name", "ja", "北九州市", KITAKYUSHU));
    }

    @Test
    void addedAndRemovedValuesHaveNothingOnOneSide() {
        EntryContent before = content(source("name", "ja", "富川市"), translation("name", "en", "Bucheon", "ja", "富川市"));
        EntryContent after = content(source("name", "ja", "富川市"), translation("name", "ko", "부천시", "ja", "富川市"));

        assertThat(Changes.between(before, after))
                .containsExactlyInAnyOrder(
                        new Revision.Change("name", "en", "Bucheon", null),
                        new Revision.Change("name", "ko", null, "부천시"));
    }

    @Test
    void aValueThatIsNotLocalizedChangesWithoutALocale() {
        EntryContent before = content(plain("date", "2003-10-28"));
        EntryContent after = content(plain("date", "2003-10-29"));

        assertThat(Changes.between(before, after))
                .containsExactly(new Revision.Change("date", null, "2003-10-28", "2003-10-29"));
    }

    @Test
    void sameTextWithAnotherOriginIsNoChangeOfContent() {
        EntryContent typed = content(translation("name", "en", KITAKYUSHU_EN, "ja", KITAKYUSHU));
        EntryContent landed = content(new FieldValue(
                "name",
                "en",
                KITAKYUSHU_EN,
                new Origin("ja", "taro", Contents.AT.plusSeconds(60), "u-9", "other-hash")));

        assertThat(Changes.between(typed, landed)).isEmpty();
    }

    @Test
    void reorderedListItemsAreOneChangeOfTheListWithItsIdsBeforeAndAfter() {
        EntryContent before = content(
                List.of(new ItemList("sessions", List.of("s-1", "s-2", "s-3"))),
                source("sessions[s-1].title", "en", "Grassroots Activities"),
                source("sessions[s-3].title", "ja", "地方自治体"));
        EntryContent after = content(
                List.of(new ItemList("sessions", List.of("s-3", "s-1"))),
                source("sessions[s-1].title", "en", "Grassroots Activities"),
                source("sessions[s-3].title", "ja", "地方自治体"));

        assertThat(Changes.between(before, after))
                .containsExactly(
                        new Revision.Change("sessions", null, List.of("s-1", "s-2", "s-3"), List.of("s-3", "s-1")));
    }

    @Test
    void valuesInsideARemovedItemAreRemovedChanges() {
        EntryContent before =
                content(List.of(new ItemList("sessions", List.of("s-1"))), source("sessions[s-1].title", "ja", "企業部門"));
        EntryContent after = content();

        assertThat(Changes.between(before, after))
                .containsExactly(
                        new Revision.Change("sessions[s-1].title", "ja", "企業部門", null),
                        new Revision.Change("sessions", null, List.of("s-1"), List.of()));
    }
}
