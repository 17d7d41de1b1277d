package dev.hashi.media.common;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Locales media metadata is written in, under {@code cms.media.locales}. Adding a locale is a change here only.
 *
 * @param supported     BCP 47 tags (default {@code en, ja})
 * @param defaultLocale the default locale (default {@code en}); must be one of {@code supported}
 */
@ConfigurationProperties("cms.media.locales")
public record MediaLocalesProperties(
        @DefaultValue({"en", "ja"}) List<String> supported,
        @DefaultValue("en") String defaultLocale) {}
