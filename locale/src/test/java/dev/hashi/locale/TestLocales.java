package dev.hashi.locale;

import java.util.List;
import java.util.Map;

/** Locale configurations used across tests. */
final class TestLocales {

    static final LocaleTag EN = LocaleTag.parse("en");
    static final LocaleTag JA = LocaleTag.parse("ja");
    static final LocaleTag KO = LocaleTag.parse("ko");

    private TestLocales() {}

    static SupportedLocales englishAndJapanese() {
        return SupportedLocales.of(List.of("en", "ja"), "en", Map.of("en", List.of("ja"), "ja", List.of("en")));
    }

    static SupportedLocales englishJapaneseKorean() {
        return SupportedLocales.of(
                List.of("en", "ja", "ko"),
                "en",
                Map.of("en", List.of("ja"), "ja", List.of("en"), "ko", List.of("ja", "en")));
    }
}
