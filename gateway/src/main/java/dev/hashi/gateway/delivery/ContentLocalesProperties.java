package dev.hashi.gateway.delivery;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.hashi.locale.SupportedLocales;

/**
 * The locales content-service delivers in, bound from the very properties content-service reads
 * ({@code cms.content.locales.*}, {@code CMS_CONTENT_LOCALES_SUPPORTED} etc.) with the same defaults, so the gateway
 * negotiates exactly as content-service does and keys its cache by the locale content-service will answer in.
 *
 * @param supported     BCP 47 tags in preference order (default {@code en, ja})
 * @param defaultLocale the locale when negotiation finds nothing better (default {@code en})
 * @param fallbacks     fallback chains per locale; not used for keys, validated like content-service does
 */
@ConfigurationProperties("cms.content.locales")
public record ContentLocalesProperties(
        @DefaultValue({"en", "ja"}) List<String> supported,
        @DefaultValue("en") String defaultLocale,
        Map<String, List<String>> fallbacks) {

    public ContentLocalesProperties {
        fallbacks = fallbacks == null ? Map.of() : Map.copyOf(fallbacks);
    }

    SupportedLocales supportedLocales() {
        return SupportedLocales.of(supported, defaultLocale, fallbacks);
    }
}
