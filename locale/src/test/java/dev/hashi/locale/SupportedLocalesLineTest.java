package dev.hashi.locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one-line locale configuration every service reads from {@code HASHI_LOCALES}. */
class SupportedLocalesLineTest {

    @Test
    void theFirstLocaleIsTheDefaultAndEachCarriesItsChain() {
        SupportedLocales locales = SupportedLocales.parse(" en > ja , ja>en, ko>ja>en");
        assertThat(locales.defaultLocale().tag()).isEqualTo("en");
        assertThat(locales.all()).extracting(LocaleTag::tag).containsExactly("en", "ja", "ko");
        assertThat(locales.fallbackChain(LocaleTag.parse("ko")))
                .extracting(LocaleTag::tag)
                .containsExactly("ko", "ja", "en");
        assertThat(locales.fallbackChain(LocaleTag.parse("en")))
                .extracting(LocaleTag::tag)
                .containsExactly("en", "ja");
    }

    @Test
    void aLocaleWithoutChainFallsBackToTheDefaultAndTheLineIsCanonical() {
        SupportedLocales locales = SupportedLocales.parse("en,JA");
        assertThat(locales.fallbackChain(LocaleTag.parse("ja")))
                .extracting(LocaleTag::tag)
                .containsExactly("ja", "en");
        assertThat(locales.line()).isEqualTo("en,ja>en");
        assertThat(SupportedLocales.parse(locales.line()).line()).isEqualTo(locales.line());
        assertThat(SupportedLocales.parse("en , ja>en").fingerprint())
                .isEqualTo(locales.fingerprint())
                .hasSize(12)
                .isNotEqualTo(SupportedLocales.parse("en>ja,ja>en").fingerprint());
        assertThat(SupportedLocales.parse("en>ja,ja>en").line())
                .isNotEqualTo(locales.line())
                .isEqualTo("en>ja,ja>en");
    }

    @Test
    void malformedLinesAreConfigurationErrors() {
        for (String line : new String[] {"", " ", "en,,ja", "en>", ">ja", "en>xx-!!", "en>en", "en,en", "en>ko"}) {
            assertThatThrownBy(() -> SupportedLocales.parse(line))
                    .as(line)
                    .isInstanceOf(InvalidLocaleConfigurationException.class);
        }
    }
}
