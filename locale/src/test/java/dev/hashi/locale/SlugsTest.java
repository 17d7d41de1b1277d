package dev.hashi.locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

    @Test
    void kanjiTitleStaysKanjiNeverPinyin() {
        assertThat(Slugs.fromTitle(SeedTexts.KITAKYUSHU_KANJI)).contains(SeedTexts.KITAKYUSHU_KANJI);
    }

    @Test
    void titlesMixingKanaKanjiAndLatinKeepEveryScript() {
        assertThat(Slugs.fromTitle(SeedTexts.MINAMATA_TITLE)).contains("住民協働の環境モデル都市づくりを目指して-水俣市");
        assertThat(Slugs.fromTitle("Kitakyushu 北九州 Initiative")).contains("kitakyushu-北九州-initiative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"キタキュウシュウ", "ｷﾀｷｭｳｼｭｳ"})
    void fullAndHalfWidthKanaGiveTheSameSlug(String title) {
        assertThat(Slugs.fromTitle(title)).contains("キタキュウシュウ");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Partnerships on Sustainable Development in Surabaya | partnerships-on-sustainable-development-in-surabaya",
                "Café Déjà vu | café-déjà-vu",
                "Citizens and City government's Cooperation | citizens-and-city-governments-cooperation",
                "Local Governments & Community-based activities | local-governments-community-based-activities",
                "  (Theme: Zero-emission City)  | theme-zero-emission-city",
                "ＷＰＣ　２００３ | wpc-2003",
                "北九州市／環境.局 | 北九州市-環境-局",
                "부천시 협력 | 부천시-협력",
                "Москва 2003 | москва-2003"
            })
    void titlesBecomeLowerCaseWordsOfTheirOwnScriptJoinedByHyphens(String title, String slug) {
        assertThat(Slugs.fromTitle(title)).contains(slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "~「」。", "-- ... --", "\uD83C\uDF0F"})
    void titlesWithoutLettersOrDigitsGiveNoSlug(String title) {
        assertThat(Slugs.fromTitle(title)).isEmpty();
    }

    @Test
    void longTitlesAreCutAtAWordBoundary() {
        String title = "Environmental Management and International Cooperation in Kitakyushu "
                + "through Partnership among Stakeholders ".repeat(3);
        String slug = Slugs.fromTitle(title).orElseThrow();
        assertThat(slug)
                .isEqualTo("environmental-management-and-international-cooperation-in-kitakyushu-"
                        + "through-partnership-among-stakeholders-through");
        assertThat(slug + "-partnership").hasSizeGreaterThan(Slugs.MAX_LENGTH);
    }

    @Test
    void aSingleOverlongWordIsCutAtTheLimit() {
        assertThat(Slugs.fromTitle("a".repeat(130))).contains("a".repeat(Slugs.MAX_LENGTH));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a",
                "wpc-2003",
                "kitakyuushuu",
                "partnerships-on-sustainable-development-in-surabaya",
                "北九州市",
                "café-déjà-vu",
                "キタキュウシュウ-2"
            })
    void wellFormedSlugsAreValid(String slug) {
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "-a",
                "a-",
                "a--b",
                "Wpc",
                "a_b",
                "a b",
                "ｗｐｃ",
                "ｷﾀ",
                "..",
                "%2e%2e",
                "a/b",
                "a.b",
                "a\tb",
                "a\u0000b",
                "a\nb",
                "$where",
                "a.*",
                "(a)",
                "a\u200bb",
                "\u0301a"
            })
    void malformedSlugsAreInvalid(String slug) {
        assertThat(Slugs.isValid(slug)).isFalse();
    }

    @Test
    void slugsLongerThanTheLimitAreInvalid() {
        assertThat(Slugs.isValid("a".repeat(Slugs.MAX_LENGTH))).isTrue();
        assertThat(Slugs.isValid("a".repeat(Slugs.MAX_LENGTH + 1))).isFalse();
        assertThat(Slugs.isValid("北".repeat(Slugs.MAX_LENGTH))).isTrue();
        assertThat(Slugs.isValid("北".repeat(Slugs.MAX_LENGTH + 1))).isFalse();
        assertThat(Slugs.isValid("a".repeat(100_000))).isFalse();
    }

    @Test
    void shortIdIsAStableValidSlug() {
        String id = Slugs.shortId(SeedTexts.KITAKYUSHU_KANJI);
        assertThat(id).hasSize(12).isEqualTo(Slugs.shortId(SeedTexts.KITAKYUSHU_KANJI));
        assertThat(Slugs.isValid(id)).isTrue();
        assertThat(Slugs.shortId(SeedTexts.MINAMATA_TITLE)).isNotEqualTo(id);
    }

    @Test
    void shortIdIgnoresNfcDifferences() {
        assertThat(Slugs.shortId("づくり")).isEqualTo(Slugs.shortId("つ\u3099くり"));
    }
}
