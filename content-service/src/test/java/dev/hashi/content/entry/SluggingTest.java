package dev.hashi.content.entry;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.hashi.content.common.Locales;
import dev.hashi.locale.SupportedLocales;
import dev.hashi.service.error.ConflictException;
import dev.hashi.service.error.InvalidInputException;

import static dev.hashi.content.entry.Contents.AT;
import static dev.hashi.content.entry.Contents.ORGANISATION;
import static dev.hashi.content.entry.Contents.content;
import static dev.hashi.content.entry.Contents.entry;
import static dev.hashi.content.entry.Contents.source;
import static dev.hashi.content.entry.Contents.translation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SluggingTest {

    static final Locales EN_JA = new Locales(
            SupportedLocales.of(List.of("en", "ja"), "en", Map.of("en", List.of("ja"), "ja", List.of("en"))));
    static final Locales EN_JA_KO = new Locales(SupportedLocales.of(
            List.of("en", "ja", "ko"),
            "en",
            Map.of("en", List.of("ja"), "ja", List.of("en"), "ko", List.of("ja", "en"))));

    /** Slugs already held by other entries of the type, in any locale. */
    final Set<String> held = new HashSet<>();

    Slugging slugging(Locales locales) {
        return new Slugging((type, slug, entryId) -> held.contains(slug), locales);
    }

    Map<String, String> slugsAfterWrite(Locales locales, EntryContent content) {
        Entry before = entry("e-1", EntryContent.EMPTY, Map.of());
        return slugging(locales)
                .afterWrite(ORGANISATION, before, content, null, "en", AT)
                .slugs();
    }

    @Test
    void englishTitleBecomesItsWords() {
        Map<String, String> slugs = slugsAfterWrite(
                EN_JA, content(source("name", "en", "Partnerships on Sustainable Development in Surabaya")));

        assertThat(slugs)
                .containsEntry("en", "partnerships-on-sustainable-development-in-surabaya")
                .containsEntry("ja", "partnerships-on-sustainable-development-in-surabaya");
    }

    @Test
    void japaneseTitleGivesAJapaneseSlugNeverPinyin() {
        Map<String, String> slugs = slugsAfterWrite(
                EN_JA,
                content(
                        source("name", "en", "Kitakyushu City"),
                        translation("name", "ja", "北九州市", "en", "Kitakyushu City")));

        assertThat(slugs).containsEntry("en", "kitakyushu-city").containsEntry("ja", "北九州市");
        assertThat(slugs.values()).noneMatch(slug -> slug.contains("bei"));
    }

    @Test
    void englishWithoutATitleTakesTheJapaneseTitleAlongItsChain() {
        Map<String, String> slugs = slugsAfterWrite(EN_JA, content(source("name", "ja", "北九州市")));

        assertThat(slugs).containsEntry("ja", "北九州市").containsEntry("en", "北九州市");
    }

    @Test
    void fullAndHalfWidthKanaTitlesGiveTheSameSlug() {
        Map<String, String> fullWidth = slugsAfterWrite(EN_JA, content(source("name", "ja", "キタキュウシュウ")));
        Map<String, String> halfWidth = slugsAfterWrite(EN_JA, content(source("name", "ja", "ｷﾀｷｭｳｼｭｳ")));

        assertThat(fullWidth.get("ja")).isEqualTo("キタキュウシュウ");
        assertThat(halfWidth.get("ja")).isEqualTo(fullWidth.get("ja"));
    }

    @Test
    void aGeneratedSlugFollowsItsLocalesTitle() {
        Entry before = entry(
                "e-1",
                content(source("name", "en", "Old title"), translation("name", "ja", "北九州市", "en", "Old title")),
                Map.of("en", "old-title", "ja", "北九州市"));

        Map<String, String> slugs = slugging(EN_JA)
                .afterWrite(
                        ORGANISATION,
                        before,
                        content(
                                source("name", "en", "New title"),
                                translation("name", "ja", "北九州市", "en", "Old title")),
                        null,
                        "en",
                        AT)
                .slugs();

        assertThat(slugs).containsEntry("en", "new-title").containsEntry("ja", "北九州市");
    }

    @Test
    void aJapaneseSlugOnceMadeFromTheEnglishTitleBecomesJapaneseWhenJapaneseGetsItsTitle() {
        Entry before = entry(
                "e-1",
                content(source("name", "en", "Kitakyushu City")),
                Map.of("en", "kitakyushu-city", "ja", "kitakyushu-city"));

        Map<String, String> slugs = slugging(EN_JA)
                .afterWrite(
                        ORGANISATION,
                        before,
                        content(
                                source("name", "en", "Kitakyushu City"),
                                translation("name", "ja", "北九州市", "en", "Kitakyushu City")),
                        null,
                        "ja",
                        AT)
                .slugs();

        assertThat(slugs).containsEntry("en", "kitakyushu-city").containsEntry("ja", "北九州市");
    }

    @Test
    void aSlugHeldByAnotherEntryInAnotherLocaleIsNotGeneratedAgain() {
        held.add("北九州市");

        Map<String, String> slugs = slugsAfterWrite(EN_JA, content(source("name", "ja", "北九州市")));

        assertThat(slugs).containsEntry("ja", "北九州市-2");
    }

    @Test
    void aTakenSlugGetsTheNextFreeNumber() {
        held.add("surabaya");
        held.add("surabaya-2");

        String slug = slugging(EN_JA).generate(ORGANISATION, "e-1", "en", "Surabaya", Map.of());

        assertThat(slug).isEqualTo("surabaya-3");
    }

    @Test
    void koreanTitleOfAThirdLocaleStaysHangul() {
        Map<String, String> slugs = slugsAfterWrite(EN_JA_KO, content(source("name", "ko", "부천시")));

        assertThat(slugs.get("ko")).isEqualTo("부천시");
        assertThat(slugs).containsOnlyKeys("ko");
    }

    @Test
    void aSlugSetByTheEditorStaysWhenTheTitleChanges() {
        Entry before = entry("e-1", content(source("name", "en", "Old title")), Map.of("en", "wpc-2003"));

        Map<String, String> slugs = slugging(EN_JA)
                .afterWrite(ORGANISATION, before, content(source("name", "en", "New title")), null, "en", AT)
                .slugs();

        assertThat(slugs).containsEntry("en", "wpc-2003");
    }

    @Test
    void aRequestedSlugThatIsNotASlugIsAnInvalidField() {
        Entry before = entry("e-1", EntryContent.EMPTY, Map.of());

        assertThatThrownBy(() ->
                        slugging(EN_JA).afterWrite(ORGANISATION, before, EntryContent.EMPTY, "WPC 2003", "en", AT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    assertThat(e.errors().get(0).field()).isEqualTo("slug");
                    assertThat(e.errors().get(0).code()).isEqualTo("slug.invalid");
                });
    }

    @Test
    void aRequestedSlugHeldByAnotherEntryIsTaken() {
        held.add("kitakyushu");
        Entry before = entry("e-1", EntryContent.EMPTY, Map.of());

        assertThatThrownBy(() ->
                        slugging(EN_JA).afterWrite(ORGANISATION, before, EntryContent.EMPTY, "kitakyushu", "ja", AT))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("slug.taken");
                    assertThat(e.details()).containsEntry("value", "kitakyushu").containsEntry("locale", "ja");
                });
    }
}
