package dev.hashi.translation.glossary;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Terminology under {@code cms.translation.glossary}.
 *
 * @param enforce refuse a submission that misses a term's approved translation or uses a forbidden variant
 *                ({@code 422 translation.checks-failed}) instead of answering with warnings (default false)
 */
@ConfigurationProperties("cms.translation.glossary")
public record GlossarySettings(@DefaultValue("false") boolean enforce) {}
