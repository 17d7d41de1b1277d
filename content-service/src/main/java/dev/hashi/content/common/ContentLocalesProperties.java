package dev.hashi.content.common;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Locales content is written and delivered in, under {@code cms.content.locales}. Adding a locale is a change
 * here only.
 *
 * @param supported     BCP 47 tags in preference order (default {@code en, ja})
 * @param defaultLocale the locale delivered when negotiation finds nothing better (default {@code en})
 * @param fallbacks     per locale, the locales to try in order when a value is missing; a locale without an
 *                      entry falls back to the default locale
 */
@ConfigurationProperties("cms.content.locales")
record ContentLocalesProperties(
        @DefaultValue({"en", "ja"}) List<String> supported,
        @DefaultValue("en") String defaultLocale,
        Map<String, List<String>> fallbacks) {

    public ContentLocalesProperties {
        fallbacks = fallbacks == null ? Map.of() : Map.copyOf(fallbacks);
    }
}
