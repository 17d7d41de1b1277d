package dev.hashi.locale;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocaleTagTest {

    @ParameterizedTest
    @CsvSource({
        "en, en",
        "ja, ja",
        "ja-JP, ja-JP",
        "en-GB, en-GB",
        "ko, ko",
        "zh-Hant-TW, zh-Hant-TW",
        "EN-us, en-US",
        "zh-hant-tw, zh-Hant-TW",
        "iw, he",
        "en-UK, en-GB",
        "es-419, es-419",
        "en-x-hashi, en-x-hashi"
    })
    void validTagsParseToTheirCanonicalForm(String input, String canonical) {
        assertThat(LocaleTag.parse(input).tag()).isEqualTo(canonical);
        assertThat(LocaleTag.parse(input)).hasToString(canonical);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "x",
                "en_US!!",
                "ja_JP",
                "toolongsubtag",
                "x-foo",
                "x-private-only",
                "und",
                "en-",
                "en--US",
                " en",
                "en ",
                "123",
                "xyz",
                "en-XX",
                "zh-Abcd-TW",
                "日本語",
                "en-US-u"
            })
    void malformedOrMeaninglessTagsAreRejectedWithTheirValue(String input) {
        assertThatThrownBy(() -> LocaleTag.parse(input))
                .isInstanceOfSatisfying(InvalidLocaleTagException.class, e -> {
                    assertThat(e.code()).isEqualTo("locale.invalid");
                    assertThat(e.rejectedValue()).isEqualTo(input);
                })
                .hasMessageContaining("'" + input + "'");
    }

    @Test
    void tagsLongerThanTheLimitAreRejectedBeforeParsing() {
        String longTag = "en" + "-abcdefgh".repeat(7);
        assertThat(longTag).hasSizeGreaterThan(LocaleTag.MAX_LENGTH);
        assertThatThrownBy(() -> LocaleTag.parse(longTag)).isInstanceOf(InvalidLocaleTagException.class);
    }

    @Test
    void nullIsAProgrammingErrorNotAnInvalidTag() {
        assertThatNullPointerException().isThrownBy(() -> LocaleTag.parse(null));
    }

    @Test
    void differentlySpelledTagsOfTheSameLocaleAreEqual() {
        assertThat(LocaleTag.parse("EN-us"))
                .isEqualTo(LocaleTag.parse("en-US"))
                .hasSameHashCodeAs(LocaleTag.parse("en-US"))
                .isNotEqualTo(LocaleTag.parse("en"));
    }

    @Test
    void exposesLanguageAndJdkLocale() {
        LocaleTag tag = LocaleTag.parse("zh-Hant-TW");
        assertThat(tag.language()).isEqualTo("zh");
        assertThat(tag.toLocale()).isEqualTo(Locale.forLanguageTag("zh-Hant-TW"));
    }
}
