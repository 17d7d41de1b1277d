package dev.hashi.translation;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Translation tracking under {@code cms.translation}.
 *
 * @param locales          supported locale tags; every value written in one of them gets a unit for each of the
 *                         others (default {@code en, ja}); a third locale is added here, not in code
 * @param defaultLocale    the default locale, one of {@code locales} (default {@code en})
 * @param publishSubmitted also publish {@code translation.submitted} when a translator submits, so content-service
 *                         can land unreviewed drafts (default false: only approved translations are published)
 * @param consumerGroup    Kafka consumer group of the content-event listener (default {@code translation-service})
 */
@ConfigurationProperties("cms.translation")
public record TranslationSettings(
        @DefaultValue({"en", "ja"}) List<String> locales,
        @DefaultValue("en") String defaultLocale,
        @DefaultValue("false") boolean publishSubmitted,
        @DefaultValue("translation-service") String consumerGroup) {}
