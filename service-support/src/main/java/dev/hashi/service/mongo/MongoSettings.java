package dev.hashi.service.mongo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * MongoDB client limits under {@code cms.mongo}.
 *
 * @param serverSelectionTimeout how long an operation waits for a reachable server before failing (default 5s)
 * @param connectTimeout         TCP connect timeout (default 3s)
 */
@ConfigurationProperties("cms.mongo")
public record MongoSettings(
        @DefaultValue("5s") Duration serverSelectionTimeout,
        @DefaultValue("3s") Duration connectTimeout) {}
