package dev.hashi.translation.context;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The context of units, under {@code cms.translation.context}. Content-service's address is the one rebuilds use,
 * {@code cms.translation.rebuild.content-url}.
 *
 * @param typeTtl    how long a content type definition read from content-service is reused (default 60s; longer
 *                   values are cut to one minute)
 * @param timeout    how long one read from content-service may take before the context is unavailable (default 5s)
 * @param retryAfter the {@code retryAfter} (seconds) a client is given when content-service cannot answer (default 5s)
 */
@ConfigurationProperties("cms.translation.context")
public record ContextSettings(
        @DefaultValue("60s") Duration typeTtl,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("5s") Duration retryAfter) {

    static final Duration MAX_TYPE_TTL = Duration.ofMinutes(1);

    public ContextSettings {
        typeTtl = typeTtl == null || typeTtl.compareTo(MAX_TYPE_TTL) > 0 ? MAX_TYPE_TTL : typeTtl;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        retryAfter = retryAfter == null ? Duration.ofSeconds(5) : retryAfter;
    }
}
