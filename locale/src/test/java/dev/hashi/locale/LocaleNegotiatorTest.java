package dev.hashi.locale;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hashi.locale.TestLocales.EN;
import static dev.hashi.locale.TestLocales.JA;
import static dev.hashi.locale.TestLocales.KO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocaleNegotiatorTest {

    private final LocaleNegotiator enJa = new LocaleNegotiator(TestLocales.englishAndJapanese());
    private final LocaleNegotiator enJaKo = new LocaleNegotiator(TestLocales.englishJapaneseKorean());

    @Test
    void japaneseBrowserGetsJapanese() {
        assertThat(enJa.negotiate(null, "ja-JP,ja;q=0.9,en;q=0.8")).isEqualTo(JA);
    }

    @Test
    void unsupportedLanguageGetsTheDefault() {
        assertThat(enJa.negotiate(null, "fr-CA,fr;q=0.9")).isEqualTo(EN);
    }

    @Test
    void queryParameterWinsOverTheHeader() {
        assertThat(enJa.negotiate("en", "ja-JP,ja;q=0.9")).isEqualTo(EN);
        assertThat(enJa.negotiate("JA", "en")).isEqualTo(JA);
    }

    @Test
    void invalidQueryParameterIsAnErrorEvenWithAUsableHeader() {
        assertThatThrownBy(() -> enJa.negotiate("ja_JP", "ja")).isInstanceOf(InvalidLocaleTagException.class);
        assertThatThrownBy(() -> enJa.negotiate("", "ja")).isInstanceOf(InvalidLocaleTagException.class);
    }

    @Test
    void unsupportedQueryParameterIsAnError() {
        assertThatThrownBy(() -> enJa.negotiate("ko", "ja")).isInstanceOf(UnsupportedLocaleException.class);
    }

    @Test
    void aThirdLocaleIsNegotiatedOnlyWhenConfigured() {
        assertThat(enJa.negotiate(null, "ko-KR,ko;q=0.9")).isEqualTo(EN);
        assertThat(enJaKo.negotiate(null, "ko-KR,ko;q=0.9")).isEqualTo(KO);
        assertThat(enJaKo.negotiate("ko", null)).isEqualTo(KO);
    }

    @Test
    void theDefaultIsConfigurationToo() {
        SupportedLocales japaneseFirst = SupportedLocales.of(List.of("ja", "en"), "ja", Map.of());
        assertThat(new LocaleNegotiator(japaneseFirst).negotiate(null, "fr")).isEqualTo(JA);
    }

    @Test
    void weightsDecideBetweenSupportedLocales() {
        assertThat(enJa.negotiate(null, "en;q=0.5, ja;q=0.8")).isEqualTo(JA);
        assertThat(enJaKo.negotiate(null, "ja;q=0, ko")).isEqualTo(KO);
        assertThat(enJa.negotiate(null, "de, en-GB;q=0.7")).isEqualTo(EN);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "   ",
                "*",
                "ja;q=abc",
                "ja;q=2",
                "ja;q=-1",
                "ja_JP",
                "en_US!!",
                "ja;foo=bar",
                "日本語",
                "ja,,toolongsubtag"
            })
    void missingWildcardOrMalformedHeadersGiveTheDefault(String header) {
        assertThat(enJa.negotiate(null, header)).isEqualTo(EN);
    }

    @Test
    void aMalformedElementSpoilsTheWholeHeader() {
        assertThat(enJa.fromAcceptLanguage("ja, en_US!!")).isEqualTo(EN);
        assertThat(enJa.fromAcceptLanguage("ja, , en;q=0.1")).isEqualTo(JA);
    }

    @Test
    void headersLongerThanTheLimitAreIgnored() {
        String longest = "ja" + " ".repeat(LocaleNegotiator.MAX_HEADER_LENGTH - 2);
        assertThat(enJa.fromAcceptLanguage(longest)).isEqualTo(JA);
        assertThat(enJa.fromAcceptLanguage(longest + " ")).isEqualTo(EN);
    }
}
