package dev.hashi.content.translation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How translations land, under {@code cms.content.translations}.
 *
 * @param landSubmitted also land translations that are submitted but not yet approved (default false)
 * @param landedState   the target locale's state after a landing: {@code draft} (default) or {@code in_review}
 */
@ConfigurationProperties("cms.content.translations")
record LandingProperties(
        @DefaultValue("false") boolean landSubmitted,
        @DefaultValue("draft") String landedState) {}
