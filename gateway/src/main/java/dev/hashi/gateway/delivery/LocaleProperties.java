package dev.hashi.gateway.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.hashi.locale.SupportedLocales;

/**
 * The platform's one locale configuration, {@code hashi.locales} ({@code HASHI_LOCALES}), read by the gateway as
 * by every service (one line: locales in preference order, the first the default, each with its fallback chain
 * joined by {@code >}; default {@code en>ja,ja>en}), so the gateway negotiates exactly as content-service does and
 * keys its cache by the locale content-service will answer in.
 *
 * @param locales the one-line locale configuration, see {@link SupportedLocales#parse}
 */
@ConfigurationProperties("hashi")
public record LocaleProperties(@DefaultValue("en>ja,ja>en") String locales) {

    public SupportedLocales supportedLocales() {
        return SupportedLocales.parse(locales);
    }
}
