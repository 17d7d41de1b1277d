package dev.hashi.service.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identity of a service under {@code cms.service}.
 *
 * @param name      short name: {@code content}, {@code translation} or {@code media}
 * @param apiPrefix the path prefix of its public API, e.g. {@code /api/content}
 */
@ConfigurationProperties("cms.service")
public record ServiceSettings(String name, String apiPrefix) {}
