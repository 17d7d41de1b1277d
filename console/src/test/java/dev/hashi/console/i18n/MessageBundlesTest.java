package dev.hashi.console.i18n;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.ibm.icu.text.MessageFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class MessageBundlesTest {

    @Test
    void everyKeyOfEveryBundleExistsInEnglishAndJapanese() {
        for (String base : I18nConfiguration.BUNDLES) {
            Map<String, String> english = IcuMessageSource.load(IcuMessageSource.bundlePath(base, Locale.ENGLISH));
            Map<String, String> japanese = IcuMessageSource.load(IcuMessageSource.bundlePath(base, Locale.JAPANESE));
            assertThat(english).as("bundle %s in English", base).isNotEmpty();
            assertThat(new TreeSet<>(japanese.keySet()))
                    .as("keys of %s in Japanese", base)
                    .isEqualTo(new TreeSet<>(english.keySet()));
        }
    }

    @Test
    void everyMessageIsValidIcuMessageFormat() {
        for (String base : I18nConfiguration.BUNDLES) {
            for (Locale language : IcuMessageSource.LANGUAGES) {
                IcuMessageSource.load(IcuMessageSource.bundlePath(base, language))
                        .forEach((key, pattern) -> assertThatCode(() -> new MessageFormat(pattern))
                                .as("%s in %s_%s", key, base, language)
                                .doesNotThrowAnyException());
            }
        }
    }

    @Test
    void pluralsFollowEachLanguage() {
        IcuMessageSource messages = new IcuMessageSource(I18nConfiguration.BUNDLES);

        assertThat(messages.getMessage("pages.count", new Object[] {1}, Locale.ENGLISH))
                .isEqualTo("1 page");
        assertThat(messages.getMessage("pages.count", new Object[] {2}, Locale.ENGLISH))
                .isEqualTo("2 pages");
        assertThat(messages.getMessage("pages.count", new Object[] {2}, Locale.JAPANESE))
                .isEqualTo("2件のページ");
        assertThat(messages.getMessage("pages.count", new Object[] {0}, Locale.JAPANESE))
                .isEqualTo("ページはありません");
    }

    @Test
    void aLanguageTheConsoleDoesNotSpeakGetsEnglish() {
        IcuMessageSource messages = new IcuMessageSource(I18nConfiguration.BUNDLES);

        assertThat(messages.getMessage("shell.signOut", null, Locale.KOREAN)).isEqualTo("Sign out");
        assertThat(messages.getMessage("shell.signOut", null, Locale.JAPAN)).isEqualTo("サインアウト");
    }
}
