package dev.hashi.translation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Translation tracking under {@code cms.translation}. The supported locales are the platform's one locale
 * configuration ({@code HASHI_LOCALES}, see {@code dev.hashi.service.locale.LocaleSupport}): every value written in
 * one of them gets a unit for each of the others.
 *
 * @param publishSubmitted also publish {@code translation.submitted} when a translator submits, so content-service
 *                         can land unreviewed drafts (default false: only approved translations are published)
 * @param consumerGroup    Kafka consumer group of the content-event listener (default {@code translation-service})
 */
@ConfigurationProperties("cms.translation")
public record TranslationSettings(
        @DefaultValue("false") boolean publishSubmitted,
        @DefaultValue("translation-service") String consumerGroup) {}
