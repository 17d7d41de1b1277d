package dev.hashi.locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.hashi.locale.TestLocales.EN;
import static dev.hashi.locale.TestLocales.JA;
import static dev.hashi.locale.TestLocales.KO;
import static dev.hashi.locale.TextSize.Unit.CHARACTERS;
import static dev.hashi.locale.TextSize.Unit.WORDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TextMeasureTest {

    @Test
    void englishTitleIsCountedInWords() {
        assertThat(TextMeasure.measure(SeedTexts.SURABAYA_TITLE, EN)).isEqualTo(new TextSize(6, WORDS));
    }

    @Test
    void numbersCountAsWordsAndPunctuationDoesNot() {
        assertThat(TextMeasure.measure("Powerpoint 1: 5.5MB, Powerpoint 2: 650KB", EN)
                        .count())
                .isEqualTo(6);
        assertThat(TextMeasure.measure("City government's Cooperation -- (Japanese only)", EN)
                        .count())
                .isEqualTo(5);
    }

    @Test
    void japaneseTitleIsCountedInCharactersWithoutTheTildes() {
        assertThat(TextMeasure.measure(SeedTexts.MINAMATA_TITLE, JA)).isEqualTo(new TextSize(23, CHARACTERS));
    }

    @Test
    void japanesePunctuationAndSpacesAreNotCharacters() {
        assertThat(TextMeasure.measure("「北九州」と　環境。", JA).count()).isEqualTo(6);
    }

    @Test
    void halfWidthKanaCountOneCharacterPerKanaEvenWithAVoicingMark() {
        assertThat(TextMeasure.measure(SeedTexts.KITAKYUSHU_HALF_WIDTH, JA).count())
                .isEqualTo(8);
        assertThat(TextMeasure.measure("ｶﾞｽ", JA).count()).isEqualTo(2);
    }

    @Test
    void fullWidthDigitsAreCharacters() {
        assertThat(TextMeasure.measure(SeedTexts.CONFERENCE_DATE_FULL_WIDTH, JA).count())
                .isEqualTo(11);
    }

    @Test
    void koreanIsSpaceDelimitedSoItIsCountedInWords() {
        assertThat(TextMeasure.measure(SeedTexts.PUCHON_KOREAN, KO)).isEqualTo(new TextSize(4, WORDS));
    }

    @Test
    void theSourceLocaleNotTheTextDecidesTheUnit() {
        assertThat(TextMeasure.measure(SeedTexts.SURABAYA_TITLE, JA).unit()).isEqualTo(CHARACTERS);
        assertThat(TextMeasure.measure(SeedTexts.SURABAYA_TITLE, JA).count()).isEqualTo(46);
    }

    @Test
    void emptyOrLetterlessTextIsZero() {
        assertThat(TextMeasure.measure("", EN)).isEqualTo(new TextSize(0, WORDS));
        assertThat(TextMeasure.measure("  ~「」。  ", JA)).isEqualTo(new TextSize(0, CHARACTERS));
        assertThat(TextMeasure.measure(" -- ... ", EN).count()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "ja, CHARACTERS",
        "ja-JP, CHARACTERS",
        "zh, CHARACTERS",
        "zh-Hant-TW, CHARACTERS",
        "th, CHARACTERS",
        "ko, WORDS",
        "en, WORDS",
        "en-GB, WORDS",
        "ja-Latn, WORDS"
    })
    void unitFollowsTheScriptOfTheLocale(String tag, TextSize.Unit unit) {
        assertThat(TextMeasure.unitFor(LocaleTag.parse(tag))).isEqualTo(unit);
    }

    @Test
    void sizeCannotBeNegative() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TextSize(-1, WORDS));
    }
}
