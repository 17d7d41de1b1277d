package dev.hashi.locale;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.hashi.locale.TestLocales.EN;
import static dev.hashi.locale.TestLocales.JA;
import static dev.hashi.locale.TestLocales.KO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupportedLocalesTest {

    private final SupportedLocales locales = TestLocales.englishJapaneseKorean();

    @Test
    void keepsConfiguredOrderAndDefault() {
        assertThat(locales.all()).containsExactly(EN, JA, KO);
        assertThat(locales.defaultLocale()).isEqualTo(EN);
    }

    @Test
    void requireCanonicalisesASupportedTag() {
        assertThat(locales.require("JA")).isEqualTo(JA);
        assertThat(locales.require("ko")).isEqualTo(KO);
    }

    @Test
    void requireRejectsAnUnsupportedTagWithTheSupportedList() {
        assertThatThrownBy(() -> locales.require("fr-CA"))
                .isInstanceOfSatisfying(UnsupportedLocaleException.class, e -> {
                    assertThat(e.code()).isEqualTo("locale.unsupported");
                    assertThat(e.rejectedValue()).isEqualTo("fr-CA");
                    assertThat(e.supported()).containsExactly(EN, JA, KO);
                });
    }

    @Test
    void requireDoesNotTreatARegionalVariantAsItsLanguage() {
        assertThatThrownBy(() -> locales.require("ja-JP")).isInstanceOf(UnsupportedLocaleException.class);
    }

    @Test
    void requireReportsAMalformedTagAsInvalidRatherThanUnsupported() {
        assertThatThrownBy(() -> locales.require("ja_JP")).isInstanceOf(InvalidLocaleTagException.class);
    }

    @Test
    void fallbackChainStartsWithTheLocaleAndFollowsConfiguration() {
        assertThat(locales.fallbackChain(EN)).containsExactly(EN, JA);
        assertThat(locales.fallbackChain(JA)).containsExactly(JA, EN);
        assertThat(locales.fallbackChain(KO)).containsExactly(KO, JA, EN);
    }

    @Test
    void aLocaleWithoutConfiguredChainFallsBackToTheDefault() {
        SupportedLocales config = SupportedLocales.of(List.of("en", "ja", "ko"), "en", Map.of());
        assertThat(config.fallbackChain(KO)).containsExactly(KO, EN);
        assertThat(config.fallbackChain(EN)).containsExactly(EN);
    }

    @Test
    void anExplicitlyEmptyChainMeansNoFallback() {
        SupportedLocales config = SupportedLocales.of(List.of("en", "ja"), "en", Map.of("ja", List.of()));
        assertThat(config.fallbackChain(JA)).containsExactly(JA);
    }

    @Test
    void othersAreEverySupportedLocaleButTheGivenOneInConfiguredOrder() {
        assertThat(locales.others(JA)).containsExactly(EN, KO);
        assertThat(locales.others(EN)).containsExactly(JA, KO);
    }

    @Test
    void askingAboutAnUnsupportedLocaleThrows() {
        LocaleTag french = LocaleTag.parse("fr");
        assertThat(locales.isSupported(french)).isFalse();
        assertThat(locales.isSupported(null)).isFalse();
        assertThatThrownBy(() -> locales.fallbackChain(french)).isInstanceOf(UnsupportedLocaleException.class);
        assertThatThrownBy(() -> locales.others(french)).isInstanceOf(UnsupportedLocaleException.class);
    }

    @Test
    void configurationTagsAreCanonicalised() {
        SupportedLocales config =
                SupportedLocales.of(List.of("EN", "zh-hant-tw"), "en", Map.of("ZH-Hant-tw", List.of("En")));
        assertThat(config.fallbackChain(LocaleTag.parse("zh-Hant-TW")))
                .containsExactly(LocaleTag.parse("zh-Hant-TW"), EN);
    }

    @Test
    void rejectsADefaultThatIsNotSupported() {
        assertInvalid(List.of("en", "ja"), "ko", Map.of(), "default locale 'ko'");
    }

    @Test
    void rejectsAChainNamingAnUnsupportedLocale() {
        assertInvalid(List.of("en", "ja"), "en", Map.of("ja", List.of("ko", "en")), "fallback of 'ja' 'ko'");
    }

    @Test
    void rejectsAChainForAnUnsupportedLocale() {
        assertInvalid(List.of("en", "ja"), "en", Map.of("ko", List.of("ja")), "fallback chain key 'ko'");
    }

    @Test
    void rejectsAChainThatRepeatsALocaleOrNamesItself() {
        assertInvalid(List.of("en", "ja", "ko"), "en", Map.of("ko", List.of("ja", "ja")), "repeats 'ja'");
        assertInvalid(List.of("en", "ja", "ko"), "en", Map.of("ko", List.of("ko", "ja")), "repeats 'ko'");
    }

    @Test
    void rejectsALocaleListedTwiceEvenWhenSpelledDifferently() {
        assertInvalid(List.of("en", "ja", "EN"), "en", Map.of(), "'EN' is listed twice");
    }

    @Test
    void rejectsInvalidTagsAndMissingValues() {
        assertInvalid(List.of("en", "ja_JP"), "en", Map.of(), "ja_JP");
        assertInvalid(List.of(), "en", Map.of(), "At least one");
        assertInvalid(null, "en", Map.of(), "At least one");
        assertInvalid(List.of("en"), null, Map.of(), "No default");
        assertInvalid(List.of("en"), "en", null, "Fallback chains");
        Map<String, List<String>> nullChain = new HashMap<>();
        nullChain.put("en", null);
        assertInvalid(List.of("en"), "en", nullChain, "is null");
    }

    private static void assertInvalid(
            List<String> tags, String defaultTag, Map<String, List<String>> chains, String messagePart) {
        assertThatThrownBy(() -> SupportedLocales.of(tags, defaultTag, chains))
                .isInstanceOf(InvalidLocaleConfigurationException.class)
                .hasMessageContaining(messagePart);
    }
}
